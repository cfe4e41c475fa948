#include "ingest/nodered/node_types.h"

#include <initializer_list>

namespace fw::ingest::nodered {

namespace {

using model::Exposure;
using model::NodeRole;

bool In(std::string_view value, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (value == s) return true;
  }
  return false;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Nodes that run code written into the flow, or operating-system commands.
bool IsCodeType(std::string_view t) {
  return In(t, {"function", "exec", "daemon", "python3-function", "python-function", "pythonshell",
                "pythonshell in", "python-shell", "function-npm", "nodejs",
                "node-red-contrib-python3-function"});
}

// Database and file-system nodes. The value is the connector name recorded
// for databases ("" for the local file system).
std::string_view DataStore(std::string_view t) {
  if (In(t, {"file", "file in", "watch", "tail"})) return "filesystem";
  if (t == "sqlite" || StartsWith(t, "sqlite")) return "sqlite";
  if (StartsWith(t, "mysql") || t == "MySQL") return "mysql";
  if (StartsWith(t, "postgres")) return "postgres";
  if (StartsWith(t, "mongodb")) return "mongodb";
  if (StartsWith(t, "redis")) return "redis";
  if (StartsWith(t, "influxdb")) return "influxdb";
  if (StartsWith(t, "MSSQL") || StartsWith(t, "mssql")) return "mssql";
  if (StartsWith(t, "oracledb")) return "oracle";
  if (StartsWith(t, "couchdb") || StartsWith(t, "cloudant")) return "couchdb";
  if (StartsWith(t, "firebase") || StartsWith(t, "firestore")) return "firebase";
  if (StartsWith(t, "elasticsearch")) return "elasticsearch";
  if (StartsWith(t, "cassandra")) return "cassandra";
  if (StartsWith(t, "leveldb")) return "leveldb";
  return {};
}

// Nodes that start a flow when something outside Node-RED sends data.
std::string_view NetworkEntry(std::string_view t) {
  if (In(t, {"tcp in"})) return "tcp";
  if (In(t, {"udp in"})) return "udp";
  if (In(t, {"mqtt in"})) return "mqtt";
  if (In(t, {"e-mail in", "email in"})) return "email";
  if (In(t, {"amqp in", "amqp-in"})) return "amqp";
  if (StartsWith(t, "kafka") && (EndsWith(t, "consumer") || EndsWith(t, " in"))) return "kafka";
  if (In(t, {"twitter in"})) return "twitter";
  if (In(t, {"feedparse", "rss-feed"})) return "rss";
  if (In(t, {"serial in"})) return "serial";
  if (In(t, {"telegram receiver", "telegram command", "telegram event"})) return "telegram";
  if (In(t, {"slack-rtm-in", "slack-web-in"})) return "slack";
  if (In(t, {"aws-sqs-in", "sqs in"})) return "aws-sqs";
  if (In(t, {"nats-sub", "nats in"})) return "nats";
  if (In(t, {"coap in"})) return "coap";
  if (In(t, {"opcua-server", "OpcUa-Server", "modbus-server"})) return "industrial";
  return {};
}

std::string_view Connector(std::string_view t) {
  if (t == "http request") return "http";
  if (In(t, {"mqtt out"})) return "mqtt";
  if (In(t, {"e-mail", "email", "email out"})) return "email";
  if (In(t, {"tcp out", "tcp request"})) return "tcp";
  if (t == "udp out") return "udp";
  if (t == "websocket out") return "websocket";
  if (StartsWith(t, "twilio")) return "twilio";
  if (StartsWith(t, "twitter")) return "twitter";
  if (StartsWith(t, "pushbullet")) return "pushbullet";
  if (StartsWith(t, "pushover")) return "pushover";
  if (StartsWith(t, "slack")) return "slack";
  if (StartsWith(t, "telegram")) return "telegram";
  if (StartsWith(t, "discord")) return "discord";
  if (StartsWith(t, "amqp")) return "amqp";
  if (StartsWith(t, "kafka")) return "kafka";
  if (StartsWith(t, "aws-") || StartsWith(t, "amazon")) return "aws";
  if (StartsWith(t, "google") || StartsWith(t, "gmail")) return "google";
  if (StartsWith(t, "openai") || StartsWith(t, "chatgpt")) return "openai";
  if (StartsWith(t, "modbus")) return "modbus";
  if (StartsWith(t, "opcua") || StartsWith(t, "OpcUa")) return "opcua";
  if (In(t, {"serial out", "serial request"})) return "serial";
  if (In(t, {"nats-pub", "nats out"})) return "nats";
  if (In(t, {"coap request"})) return "coap";
  return {};
}

}  // namespace

bool IsDashboardInput(std::string_view t) {
  // node-red-dashboard 1.x and @flowfuse/node-red-dashboard 2.x spell the
  // same widgets ui_button and ui-button.
  if (!StartsWith(t, "ui_") && !StartsWith(t, "ui-")) return false;
  std::string_view w = t.substr(3);
  return In(w, {"button",       "form",          "text_input",   "text-input",   "dropdown",
                "switch",       "slider",        "numeric",      "number-input", "date_picker",
                "date-picker",  "colour_picker", "color-picker", "file-input",   "radio-group",
                "button-group", "textarea",      "upload",       "ui_control",   "control",
                "event"});
}

NodeTypeInfo ClassifyNodeType(std::string_view t) {
  NodeTypeInfo info;
  if (In(t, {"comment", "group"})) {
    info.role = NodeRole::kAnnotation;
    return info;
  }
  if (IsCodeType(t)) {
    info.role = NodeRole::kCode;
    return info;
  }
  if (t == "http in") {
    info.role = NodeRole::kEntryPoint;
    info.exposure = Exposure::kInternet;
    return info;
  }
  if (t == "websocket in") {
    // Refined by the importer: a listener is served to the network, a client
    // connects out to a server that sends the data.
    info.role = NodeRole::kEntryPoint;
    info.exposure = Exposure::kThirdParty;
    info.connector = "websocket";
    return info;
  }
  if (IsDashboardInput(t)) {
    info.role = NodeRole::kEntryPoint;
    info.exposure = Exposure::kInternet;
    return info;
  }
  if (In(t, {"inject", "catch", "status", "complete", "cronplus", "bigtimer", "schedex"})) {
    info.role = NodeRole::kEntryPoint;
    info.exposure = Exposure::kInternal;
    return info;
  }
  if (std::string_view store = DataStore(t); !store.empty()) {
    info.role = NodeRole::kDataStore;
    if (store != "filesystem") info.connector = store;
    return info;
  }
  if (std::string_view net = NetworkEntry(t); !net.empty()) {
    info.role = NodeRole::kEntryPoint;
    info.exposure = Exposure::kThirdParty;
    info.connector = net;
    return info;
  }
  if (std::string_view c = Connector(t); !c.empty()) {
    info.role = NodeRole::kConnector;
    info.connector = c;
    return info;
  }
  return info;
}

bool IsCredentialConfig(std::string_view t) {
  if (In(t, {"mqtt-broker", "http proxy", "tls-config", "amqp-server", "MySQLdatabase",
             "postgreSQLConfig", "postgresdb", "mongodb", "mongodb4-client", "redis-config",
             "influxdb", "MSSQL-CN", "twitter-credentials", "telegram bot", "aws-config",
             "openai-config"})) {
    return true;
  }
  for (std::string_view suffix : {"-credentials", "-credential", "-config", "-account", "-auth",
                                  "-key", "-broker", "-connection"}) {
    if (EndsWith(t, suffix)) return true;
  }
  return false;
}

std::string_view ConfigConnector(std::string_view t) {
  if (t == "mqtt-broker") return "mqtt";
  if (t == "websocket-client") return "websocket";
  if (t == "amqp-server" || t == "amqp-broker") return "amqp";
  if (t == "MySQLdatabase") return "mysql";
  if (t == "postgreSQLConfig" || t == "postgresdb") return "postgres";
  if (StartsWith(t, "mongodb")) return "mongodb";
  if (StartsWith(t, "redis")) return "redis";
  if (StartsWith(t, "influxdb")) return "influxdb";
  if (t == "MSSQL-CN") return "mssql";
  if (t == "twitter-credentials") return "twitter";
  if (t == "telegram bot") return "telegram";
  return {};
}

}  // namespace fw::ingest::nodered
