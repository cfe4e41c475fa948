// The threat model renderers on hand-built models: shapes and marks of the
// diagrams, escaping of hostile names in every format, the Graphviz layout
// in process, the exchange formats against the shared schemas, and what the
// reports and the review tell a non-technical reader.
#include "report/threat_report.h"

#include <expat.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "report/threat_text.h"
#include "threat_fixtures.h"

namespace fw {
namespace {

using testing::SampleModel;

// Names with every character that has a meaning in one of the outputs.
const std::string kHostile = " \"q\" <b>&amp; \\n [x] |y| {z} #1; `c`\nline2 Grüße 日本";

struct XmlText {
  std::string text;
  bool ok = false;
  std::string error;
};

XmlText ParseXml(const std::string& xml) {
  XmlText out;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &out.text);
  XML_SetCharacterDataHandler(p, [](void* user, const XML_Char* s, int len) {
    static_cast<std::string*>(user)->append(s, static_cast<size_t>(len));
  });
  out.ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!out.ok) {
    out.error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
                std::to_string(XML_GetCurrentLineNumber(p));
  }
  XML_ParserFree(p);
  return out;
}

TEST(ThreatDiagram, DotHasClustersShapesAndMarksCrossingFlows) {
  auto m = SampleModel();
  std::string dot = report::RenderDfdDot(m.diagrams[0]);
  EXPECT_NE(dot.find("subgraph \"cluster_0\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"Internet\""), std::string::npos);
  EXPECT_NE(dot.find("\"e:caller:lead-intake/Webhook\" [label=\"Internet caller\", shape=box]"),
            std::string::npos);
  EXPECT_NE(dot.find("[label=\"Webhook\", shape=box, style=\"rounded,filled\"]"),
            std::string::npos);
  EXPECT_NE(dot.find("[label=\"Leads sheet\", shape=cylinder]"), std::string::npos);
  // The flow to HubSpot crosses a boundary: red and dashed, labelled with its fields.
  EXPECT_NE(dot.find("\"p:lead-intake/Clean up\" -> \"e:org:hubspot.com\" [label=\"HTTPS: email, "
                     "phone\", color=\"#c0392b\""),
            std::string::npos);
  // The flow inside the runtime is neither.
  auto inside = dot.find("\"p:lead-intake/Webhook\" -> \"p:lead-intake/Clean up\"");
  ASSERT_NE(inside, std::string::npos);
  EXPECT_EQ(dot.substr(inside, dot.find('\n', inside) - inside).find("dashed"), std::string::npos);
}

TEST(ThreatDiagram, DotEscapesHostileNames) {
  auto m = SampleModel(kHostile);
  std::string dot = report::RenderDfdDot(m.diagrams[0]);
  EXPECT_NE(dot.find("Webhook \\\"q\\\" <b>&amp;amp; \\\\n [x] |y| {z} #1; `c`\\nline2 Grüße 日本"),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.find("line2\n"), std::string::npos);  // no raw newline inside a label
}

TEST(ThreatDiagram, MermaidHasSubgraphsShapesAndEscapes) {
  auto m = SampleModel(kHostile);
  std::string mmd = report::RenderDfdMermaid(m.diagrams[0]);
  EXPECT_EQ(mmd.rfind("flowchart LR\n", 0), 0u);
  EXPECT_NE(mmd.find("  subgraph b0[\"Internet #quot;q#quot; #lt;b#gt;#amp;amp#59; "),
            std::string::npos)
      << mmd;
  EXPECT_NE(mmd.find("<br/>line2"), std::string::npos);
  // Shapes: external entity box, process rounded, data store cylinder.
  EXPECT_NE(mmd.find("n0[\"Internet caller"), std::string::npos);
  EXPECT_NE(mmd.find("n1(\"Webhook"), std::string::npos);
  EXPECT_NE(mmd.find("n4[(\"Leads sheet"), std::string::npos);
  // Nothing in a label may close the quoted token or the shape.
  for (const char* bad : {"\"q\"", "<b>", "[x]", "|y|", "{z}"}) {
    EXPECT_EQ(mmd.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(mmd.find("n2 -.->|\"HTTPS: email, phone"), std::string::npos);
  EXPECT_NE(mmd.find("linkStyle 0,2,3 stroke:#c0392b"), std::string::npos) << mmd;
}

TEST(ThreatDiagram, SvgIsLaidOutWellFormedAndNamesEveryElement) {
  auto m = SampleModel(kHostile);
  auto svg = report::RenderDfdSvg(m.diagrams[0]);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  auto xml = ParseXml(svg.value());
  ASSERT_TRUE(xml.ok) << xml.error;
  for (const auto& e : m.diagrams[0].elements) {
    // Graphviz splits labels at the newline into two text elements.
    std::string first_line = e.name.substr(0, e.name.find('\n'));
    EXPECT_NE(xml.text.find(first_line), std::string::npos) << first_line;
  }
  EXPECT_NE(xml.text.find("line2 Grüße 日本"), std::string::npos);
}

TEST(ThreatDiagram, BrokenBytesStillGiveWellFormedSvg) {
  auto m = SampleModel(std::string("\xff\xfe\x01\x02 \xc3(", 7));
  auto svg = report::RenderDfdSvg(m.diagrams[0]);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_TRUE(ParseXml(svg.value()).ok);
}

TEST(ThreatDiagram, LargeDiagramsAreCollapsedToWorkflows) {
  threat::DataFlowDiagram d;
  d.key = "estate";
  d.name = "All workflows";
  d.boundaries = {{"b:runtime:n8n", "n8n", threat::BoundaryKind::kPlatformRuntime},
                  {"b:org:slack.com", "Slack", threat::BoundaryKind::kExternalOrganisation}};
  d.elements.push_back(testing::MakeElement("e:org:slack.com", threat::ElementKind::kExternalEntity,
                                            "Slack", "b:org:slack.com", ""));
  for (int w = 0; w < 60; ++w) {
    std::string key = "wf" + std::to_string(w);
    std::string prev;
    for (int n = 0; n < 8; ++n) {
      std::string id = "p:" + key + "/n" + std::to_string(n);
      d.elements.push_back(
          testing::MakeElement(id, threat::ElementKind::kProcess, "n", "b:runtime:n8n", key));
      if (!prev.empty()) d.flows.push_back(testing::MakeFlow(prev, id, {}, {}, false));
      prev = id;
    }
    d.flows.push_back(testing::MakeFlow(prev, "e:org:slack.com", {"personal"}, {}, true));
  }
  ASSERT_GT(d.elements.size() + d.flows.size(), report::kMaxDiagramElements);
  auto c = report::CollapseDiagram(d);
  EXPECT_EQ(c.elements.size(), 61u);
  EXPECT_EQ(c.flows.size(), 60u);
  EXPECT_TRUE(c.flows[0].crosses_boundary);
  std::string dot = report::RenderDfdDot(d);
  EXPECT_NE(dot.find("\"w:wf59\" -> \"e:org:slack.com\""), std::string::npos);
  EXPECT_EQ(dot.find("p:wf0/n1"), std::string::npos);
  // Still too large with a node a workflow: one node a trust boundary.
  threat::DataFlowDiagram huge = d;
  for (int w = 60; w < 500; ++w) {
    std::string id = "p:wf" + std::to_string(w) + "/n0";
    huge.elements.push_back(testing::MakeElement(id, threat::ElementKind::kProcess, "n",
                                                 "b:runtime:n8n", "wf" + std::to_string(w)));
    huge.flows.push_back(testing::MakeFlow(id, "e:org:slack.com", {"financial"}, {}, true));
  }
  std::string top = report::RenderDfdDot(huge);
  EXPECT_NE(top.find("\"B:b:runtime:n8n\" -> \"B:b:org:slack.com\" [label=\"500 flow(s): "
                     "financial, personal\""),
            std::string::npos)
      << top;
  EXPECT_NE(top.find("n8n\\n920 element(s)"), std::string::npos) << top;
  EXPECT_EQ(top.find("w:wf1"), std::string::npos);
  // A small diagram is drawn as it is.
  auto small = SampleModel();
  EXPECT_NE(report::RenderDfdDot(small.diagrams[0]).find("p:lead-intake/Clean up"),
            std::string::npos);
}

threat::Register RegisterWith(const std::string& id, threat::Decision d) {
  threat::Register reg;
  threat::RegisterEntry e;
  e.threat = id;
  e.decision = d;
  e.justification = "Only the sales team knows the URL <for now>";
  e.reviewer = "Ana";
  e.date = "2026-11-01";
  e.mitigations_in_place = {"URL rotated monthly"};
  reg.entries.push_back(e);
  return reg;
}

TEST(ThreatExchange, ThreatDragonPutsThreatsOnCellsWithRegisterStatus) {
  auto m = SampleModel();
  auto reg = RegisterWith("TM-000000000001", threat::Decision::kAccepted);
  auto td = nlohmann::json::parse(report::RenderThreatDragon(m, reg));
  ASSERT_EQ(td["detail"]["diagrams"].size(), 1u);
  EXPECT_EQ(td["detail"]["threatTop"], 3);
  const auto& cells = td["detail"]["diagrams"][0]["cells"];
  int boundaries = 0, flows = 0;
  for (const auto& c : cells) {
    if (c["shape"] == "trust-boundary-box") ++boundaries;
    if (c["shape"] == "flow") {
      ++flows;
      EXPECT_TRUE(c["source"].contains("cell"));
    }
    if (c["data"]["name"] == "Webhook") {
      ASSERT_EQ(c["data"]["threats"].size(), 1u);
      const auto& t = c["data"]["threats"][0];
      EXPECT_EQ(t["status"], "NA");  // accepted
      EXPECT_EQ(t["severity"], "High");
      EXPECT_EQ(t["type"], "Spoofing");
      EXPECT_NE(t["mitigation"].get<std::string>().find("Decision: accepted by Ana"),
                std::string::npos);
      EXPECT_FALSE(c["data"]["hasOpenThreats"]);
    }
    if (c["data"]["name"] == "Clean up") {
      EXPECT_EQ(c["data"]["threats"][0]["status"], "Open");
      EXPECT_TRUE(c["data"]["hasOpenThreats"]);
    }
  }
  EXPECT_EQ(boundaries, 4);
  EXPECT_EQ(flows, 4);
  // Same input, same bytes.
  EXPECT_EQ(report::RenderThreatDragon(m, reg), report::RenderThreatDragon(m, reg));
}

TEST(ThreatExchange, OtmHasZonesComponentsFlowsAndThreatStates) {
  auto m = SampleModel();
  auto reg = RegisterWith("TM-000000000002", threat::Decision::kMitigated);
  auto otm = nlohmann::json::parse(report::RenderOtm(m, reg));
  EXPECT_EQ(otm["otmVersion"], "0.2.0");
  EXPECT_EQ(otm["trustZones"].size(), 4u);
  EXPECT_EQ(otm["components"].size(), 5u);
  EXPECT_EQ(otm["dataflows"].size(), 4u);
  EXPECT_EQ(otm["threats"].size(), 3u);
  for (const auto& f : otm["dataflows"]) {
    if (f["destination"] == "e:org:hubspot.com") {
      EXPECT_EQ(f["threats"][0]["threat"], "TM-000000000002");
      EXPECT_EQ(f["threats"][0]["state"], "Mitigated");
      EXPECT_EQ(f["assets"][0], "personal");
    }
  }
}

TEST(ThreatExchange, BothValidateAgainstTheSharedSchemas) {
  std::string dir = testing::SharedSchemaDir();
  if (dir.empty())
    GTEST_SKIP() << "FW_SHARED_DIR not set: the Threat Dragon and OTM schemas live there";
  // The validator does reject a model missing what the schema requires.
  EXPECT_NE(testing::SchemaErrors(dir + "/threat-dragon-v2.schema.json", nlohmann::json::object()),
            "");
  EXPECT_NE(testing::SchemaErrors(dir + "/open-threat-model.schema.json", nlohmann::json::object()),
            "");
  for (const std::string& suffix : {std::string(), kHostile}) {
    auto m = SampleModel(suffix);
    auto reg = RegisterWith("TM-000000000001", threat::Decision::kMitigated);
    EXPECT_EQ(testing::SchemaErrors(dir + "/threat-dragon-v2.schema.json",
                                    nlohmann::json::parse(report::RenderThreatDragon(m, reg))),
              "");
    EXPECT_EQ(testing::SchemaErrors(dir + "/open-threat-model.schema.json",
                                    nlohmann::json::parse(report::RenderOtm(m, reg))),
              "");
  }
}

threat::RegisterMerge MergeOf(const threat::ThreatModel& m, const threat::Register& reg) {
  threat::RegisterMerge merge;
  merge.merged = reg;
  for (const auto& t : m.threats) {
    if (report::threat_text::FindEntry(reg, t.id) == nullptr) merge.new_threats.push_back(t.id);
  }
  threat::RegisterEntry stale;
  stale.threat = "TM-ffffffffffff";
  stale.title = "Old threat";
  stale.source.file = "threat-model.yaml";
  stale.source.line = 12;
  merge.unmatched.push_back(stale);
  return merge;
}

TEST(ThreatReport, MarkdownSaysFirstWhichDataLeavesAndWhy) {
  auto m = SampleModel();
  auto reg = RegisterWith("TM-000000000001", threat::Decision::kAccepted);
  std::string md = report::RenderThreatMarkdown(m, MergeOf(m, reg));
  auto leaves = md.find("## What data leaves the company");
  auto diagram = md.find("## Diagram");
  auto threats = md.find("## Threats by severity");
  auto status = md.find("## Register status");
  ASSERT_NE(leaves, std::string::npos);
  EXPECT_LT(leaves, diagram);
  EXPECT_LT(diagram, threats);
  EXPECT_LT(threats, status);
  EXPECT_NE(md.find("### HubSpot (hubspot.com)"), std::string::npos);
  EXPECT_NE(md.find("- **What is sent:** personal data (email, phone)"), std::string::npos) << md;
  EXPECT_NE(md.find("- **Sent by:** 'Lead intake' (step 'Clean up')"), std::string::npos);
  EXPECT_NE(md.find("a breach there exposes the company's customers"), std::string::npos);
  EXPECT_NE(md.find("```mermaid\nflowchart LR"), std::string::npos);
  EXPECT_NE(md.find("- **Decision:** accepted by Ana on 2026-11-01: Only the sales team knows the "
                    "URL &lt;for now&gt;"),
            std::string::npos);
  EXPECT_NE(md.find("2 new threat(s), 0 disappeared, 1 register entry matching nothing"),
            std::string::npos);
  EXPECT_NE(md.find("TM-ffffffffffff (threat-model.yaml:12)"), std::string::npos);
}

TEST(ThreatReport, MarkdownWithoutOutsideOrganisationsSaysSo) {
  auto m = SampleModel();
  for (auto* d : {&m.diagrams[0], &m.estate}) {
    for (auto& b : d->boundaries) {
      if (b.kind == threat::BoundaryKind::kExternalOrganisation)
        b.kind = threat::BoundaryKind::kInternalNetwork;
    }
  }
  std::string md = report::RenderThreatMarkdown(m, MergeOf(m, {}));
  EXPECT_NE(md.find("No workflow sends data to an organisation outside the company."),
            std::string::npos);
}

TEST(ThreatReport, HtmlIsSelfContainedEscapedAndEmbedsTheSvg) {
  auto m = SampleModel(" <script>alert(1)</script>");
  std::string html = report::RenderThreatHtml(m, MergeOf(m, {}));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("What data leaves the company"), std::string::npos);
  EXPECT_LT(html.find("What data leaves the company"), html.find("<svg"));
  // The inline SVG is well-formed XML on its own.
  auto start = html.find("<svg");
  auto end = html.find("</svg>", start);
  EXPECT_TRUE(ParseXml(html.substr(start, end + 6 - start)).ok);
}

TEST(ThreatReport, DiffListsChangesOrSaysNothingChanged) {
  threat::ThreatDiff diff;
  EXPECT_NE(report::RenderThreatDiff(diff, "text").find("nothing changed"), std::string::npos);
  diff.threats_added = {"TM-000000000009"};
  diff.flows_changed = {"f:a->b"};
  std::string md = report::RenderThreatDiff(diff, "markdown");
  EXPECT_NE(md.find("## Threats added (1)\n\n- TM-000000000009"), std::string::npos) << md;
  EXPECT_NE(md.find("## Data flows carrying other data (1)"), std::string::npos);
  std::string text = report::RenderThreatDiff(diff, "text");
  EXPECT_NE(text.find("Threats added (1):\n  TM-000000000009"), std::string::npos) << text;
}

TEST(ThreatReview, AsksPlainQuestionsAboutTheRiskiestAreas) {
  auto m = SampleModel();
  std::string md = report::RenderReview(m, {}, nullptr);
  EXPECT_NE(md.find("## 1. Lead intake"), std::string::npos) << md;
  EXPECT_NE(md.find("- [ ] Should people outside the company be able to start 'Lead intake' "
                    "without a password or shared secret?"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("Is it OK that 'Lead intake' sends email, phone to HubSpot (hubspot.com), "
                    "and does the contract with them cover it?"),
            std::string::npos)
      << md;
  // Once every threat has a decision, nothing is left to ask.
  threat::Register reg;
  for (const auto& t : m.threats)
    reg.entries.push_back(RegisterWith(t.id, threat::Decision::kMitigated).entries[0]);
  EXPECT_NE(report::RenderReview(m, reg, nullptr).find("Nothing needs a decision today."),
            std::string::npos);
}

TEST(ThreatReview, ChangesSinceTheLastReviewRaiseAnArea) {
  auto m = SampleModel();
  threat::DataFlowDiagram quiet;
  quiet.key = "nightly";
  quiet.name = "Nightly report";
  m.diagrams.push_back(quiet);
  threat::Register reg;
  for (const auto& t : m.threats)
    reg.entries.push_back(RegisterWith(t.id, threat::Decision::kAccepted).entries[0]);
  threat::ThreatDiff diff;
  diff.flows_added = {"f:p:nightly/Query->e:org:slack.com"};
  std::string md = report::RenderReview(m, reg, &diff);
  EXPECT_NE(md.find("## 1. Nightly report"), std::string::npos) << md;
  EXPECT_NE(md.find("1 change(s) since the last review"), std::string::npos);
}

}  // namespace
}  // namespace fw
