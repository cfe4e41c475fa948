// End-to-end tests of `flowwarden inventory`: formats, exit codes, owners
// file, and the JSON output validated against schemas/inventory.schema.json
// (for the examples, and for the shared corpus when FW_SHARED_DIR is set).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int code;
  std::string out;  // standard output
  std::string err;  // standard error
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("fw_inventory_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

CliRun Exec(const std::string& args) {
  fs::path err = TempDir() / "stderr.txt";
  std::string cmd = std::string(FW_BINARY) + " " + args + " 2>" + err.string();
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[65536];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return CliRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, Slurp(err)};
}

void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

std::string Examples() { return std::string(FW_SOURCE_DIR) + "/examples"; }

// Validates `doc` against the project's inventory schema; returns the
// errors, one a line ("" when valid).
std::string SchemaErrors(const nlohmann::json& doc) {
  static const nlohmann::json schema_json =
      nlohmann::json::parse(Slurp(fs::path(FW_SOURCE_DIR) / "schemas" / "inventory.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown++ < 20) {
    std::string where;
    for (const auto& c : error.context) where += c;
    out += where + ": " + error.description + "\n";
  }
  return out;
}

const char* kOpenHook = R"({"id": "h1", "name": "Lead capture", "connections": {}, "nodes": [
  {"id": "1", "name": "Hook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "x"}},
  {"id": "2", "name": "Set", "type": "n8n-nodes-base.set",
   "parameters": {"assignments": {"assignments": [{"name": "email", "value": "={{ $json.body.email }}"}]}}}]})";

}  // namespace

TEST(InventoryCli, JsonOfExamplesMatchesSchema) {
  CliRun r = Exec("inventory --format json " + Examples());
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(SchemaErrors(doc), "");
  EXPECT_GE(doc["totals"]["workflows"].get<int>(), 6);
  EXPECT_EQ(doc["totals"]["workflows"], doc["workflows"].size());
  EXPECT_GE(doc["totals"]["by_platform"]["n8n"].get<int>(), 6);
  EXPECT_GE(doc["totals"]["unauthenticated_internet_entry_points"].get<int>(), 2);
  // lead-intake.json: an open webhook, a code step, a CRM host, a database.
  bool found = false;
  for (const auto& w : doc["workflows"]) {
    if (w["file"] != "n8n/lead-intake.json") continue;
    found = true;
    EXPECT_EQ(w["platform"], "n8n");
    ASSERT_EQ(w["entry_points"].size(), 1u);
    EXPECT_EQ(w["entry_points"][0]["kind"], "webhook");
    EXPECT_EQ(w["entry_points"][0]["exposure"], "internet");
    EXPECT_EQ(w["entry_points"][0]["auth"], "none");
    EXPECT_EQ(w["hosts"][0]["host"], "api.pipelinecrm-demo.io");
    EXPECT_EQ(w["code_steps"][0]["language"], "javascript");
    EXPECT_EQ(w["data_stores"][0]["connector"], "postgres");
    EXPECT_EQ(w["credentials"][0]["name"], "marketing-db");
    bool email = false;
    for (const auto& f : w["data_fields"]) {
      if (f["name"] == "email") email = f["sensitivity"] == "personal";
    }
    EXPECT_TRUE(email);
  }
  EXPECT_TRUE(found);
}

TEST(InventoryCli, CorpusJsonMatchesSchema) {
  const char* shared = std::getenv("FW_SHARED_DIR");
  if (shared == nullptr || !fs::is_directory(fs::path(shared) / "corpus")) {
    GTEST_SKIP() << "FW_SHARED_DIR is not set (or has no corpus/)";
  }
  fs::path out = TempDir() / "corpus-inventory.json";
  CliRun r = Exec("inventory --format json -o " + out.string() + " " +
                  (fs::path(shared) / "corpus").string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(Slurp(out));
  EXPECT_EQ(SchemaErrors(doc), "");
  EXPECT_GT(doc["totals"]["workflows"].get<int>(), 2000);
  fs::remove(out);
}

TEST(InventoryCli, TableAndCsv) {
  CliRun table = Exec("inventory " + Examples() + "/n8n");
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("Lead intake: website form to CRM\n"), std::string::npos);
  EXPECT_NE(table.out.find("Website form (webhook, internet, auth none)"), std::string::npos);
  EXPECT_NE(table.out.find("TOTALS"), std::string::npos);

  CliRun csv = Exec("inventory -f csv " + Examples() + "/n8n");
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("record,file,platform,id,name,active,owner,", 0), 0u);
  size_t rows = 0;
  for (size_t pos = csv.out.find("\r\nworkflow,"); pos != std::string::npos;
       pos = csv.out.find("\r\nworkflow,", pos + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 6u);
}

TEST(InventoryCli, OwnersFileFillsMissingOwners) {
  fs::path d = TempDir() / "owners";
  fs::create_directories(d / "sales");
  Write(d / "sales" / "hook.json", kOpenHook);
  Write(d / "other.json", R"({"id": "o", "name": "Other", "connections": {}, "nodes": [
    {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "parameters": {}}]})");
  Write(d / "owners.yaml",
        "owners:\n  - match: \"sales/**\"\n    owner: sales-ops@acme.example\n"
        "  - workflow: \"oth*\"\n    owner: it@acme.example\n");
  fs::path data = d / "data";
  fs::create_directories(data);
  fs::rename(d / "sales", data / "sales");
  fs::rename(d / "other.json", data / "other.json");
  CliRun r =
      Exec("inventory -f json --owners " + (d / "owners.yaml").string() + " " + data.string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(SchemaErrors(doc), "");
  ASSERT_EQ(doc["workflows"].size(), 2u);
  for (const auto& w : doc["workflows"]) {
    EXPECT_EQ(w["owner_source"], "owners-file");
    EXPECT_EQ(w["owner"],
              w["file"] == "sales/hook.json" ? "sales-ops@acme.example" : "it@acme.example");
  }
  EXPECT_EQ(doc["totals"]["workflows_without_owner"], 0);
  fs::remove_all(d);
}

TEST(InventoryCli, BadOwnersFileExitsTwoWithPosition) {
  fs::path d = TempDir() / "bad-owners";
  fs::create_directories(d);
  Write(d / "hook.json", kOpenHook);
  Write(d / "owners.yaml", "owners:\n  - match: \"x/**\"\n    onwer: a@b.example\n");
  CliRun r =
      Exec("inventory --owners " + (d / "owners.yaml").string() + " " + (d / "hook.json").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");  // no inventory printed
  EXPECT_NE(r.err.find("owners.yaml:3:5: unknown key 'onwer'"), std::string::npos) << r.err;

  Write(d / "owners.yaml", "owners:\n  - match: [\n");
  r = Exec("inventory --owners " + (d / "owners.yaml").string() + " " + (d / "hook.json").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("owners.yaml:"), std::string::npos) << r.err;

  r = Exec("inventory --owners " + (d / "missing.yaml").string() + " " +
           (d / "hook.json").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing.yaml"), std::string::npos) << r.err;
  fs::remove_all(d);
}

TEST(InventoryCli, ErrorsListedInEveryFormatAndExitCodes) {
  fs::path d = TempDir() / "errors";
  fs::create_directories(d);
  Write(d / "hook.json", kOpenHook);
  Write(d / "broken.json", "{\n  \"nodes\": [\n    {\"a\": 1,}\n  ]\n}");
  for (std::string format : {"table", "json", "csv"}) {
    CliRun r = Exec("inventory -f " + format + " " + d.string());
    EXPECT_EQ(r.code, 0) << format;
    EXPECT_NE(r.out.find("broken.json"), std::string::npos) << format;
    EXPECT_NE(r.out.find("Lead capture"), std::string::npos) << format;
  }
  CliRun json = Exec("inventory -f json " + d.string());
  auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(SchemaErrors(doc), "");
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["file"], "broken.json");
  EXPECT_EQ(doc["errors"][0]["line"], 3);

  // Nothing readable, usage errors: exit 2.
  EXPECT_EQ(Exec("inventory /nonexistent/nothing.json").code, 2);
  EXPECT_EQ(Exec("inventory").code, 2);
  EXPECT_EQ(Exec("inventory --format yaml " + d.string()).code, 2);

  // -o writes the file and nothing to stdout.
  fs::path out = d / "inv.csv";
  CliRun r = Exec("inventory -f csv -o " + out.string() + " " + (d / "hook.json").string());
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(Slurp(out).find("Lead capture"), std::string::npos);
  fs::remove_all(d);
}
