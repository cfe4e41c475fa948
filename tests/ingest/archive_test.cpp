// Zip archives: members imported under `archive.zip!/inner/path`, companions
// read through the archive, nested archives, and the limits that keep a
// hostile archive from exhausting memory.
#include "ingest/archive.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ingest/ingest.h"

namespace {

uint32_t Crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void Put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string& out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}

// A zip with stored (uncompressed) members, enough for these tests.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out;
  std::string central;
  for (const auto& [name, data] : members) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint32_t crc = Crc32(data);
    auto header = [&](std::string& s, bool is_central) {
      Put32(s, is_central ? 0x02014b50u : 0x04034b50u);
      if (is_central) Put16(s, 20);  // version made by
      Put16(s, 20);                  // version needed
      Put16(s, 0);                   // flags
      Put16(s, 0);                   // stored
      Put16(s, 0);                   // time
      Put16(s, 33);                  // date: 1980-01-01
      Put32(s, crc);
      Put32(s, static_cast<uint32_t>(data.size()));
      Put32(s, static_cast<uint32_t>(data.size()));
      Put16(s, static_cast<uint32_t>(name.size()));
      Put16(s, 0);  // extra
      if (is_central) {
        Put16(s, 0);  // comment
        Put16(s, 0);  // disk
        Put16(s, 0);  // internal attributes
        Put32(s, 0);  // external attributes
        Put32(s, offset);
      }
      s += name;
    };
    header(out, false);
    out += data;
    header(central, true);
  }
  uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50u);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint32_t>(members.size()));
  Put16(out, static_cast<uint32_t>(members.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, central_offset);
  Put16(out, 0);
  return out;
}

const char* kFlow = R"({"properties": {"displayName": "Zipped flow", "definition": {
  "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
  "parameters": {"$authentication": {"type": "SecureObject"}},
  "triggers": {"manual": {"type": "Request", "kind": "Http"}},
  "actions": {"Call": {"runAfter": {}, "type": "Http", "inputs": {"uri": "http://legacy.contoso.example/x"}}}}}})";

fw::model::ImportResult ImportBytes(std::string bytes, const std::string& name,
                                    const fw::ingest::ArchiveLimits* limits = nullptr) {
  auto file = std::make_shared<fw::core::SourceFile>(name, std::move(bytes));
  if (limits != nullptr) return fw::ingest::ImportArchive(file, nullptr, *limits);
  return fw::ingest::ImportFile(file);
}

}  // namespace

TEST(Archive, DetectsZipByContent) {
  EXPECT_TRUE(fw::ingest::LooksLikeZip(MakeZip({{"a.json", "{}"}})));
  EXPECT_TRUE(fw::ingest::LooksLikeZip(MakeZip({})));
  EXPECT_FALSE(fw::ingest::LooksLikeZip("PK"));
  EXPECT_FALSE(fw::ingest::LooksLikeZip("{\"PK\": 1}"));
}

TEST(Archive, ImportsMembersWithArchiveNames) {
  std::string zip = MakeZip({
      {"[Content_Types].xml", "<Types/>"},
      {"solution.xml",
       "<ImportExportXml><SolutionManifest><UniqueName>Zipped</UniqueName><Publisher>"
       "<UniqueName>pub</UniqueName></Publisher></SolutionManifest></ImportExportXml>"},
      {"Workflows\\ZippedFlow-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json", kFlow},
      {"Assets/logo.png", "\x89PNG"},
      {"notes/broken.json", "{\"a\": "},
  });
  auto r = ImportBytes(zip, "exports/pkg.zip");
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.file,
            "exports/pkg.zip!/Workflows/ZippedFlow-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json");
  EXPECT_EQ(wf.name, "Zipped flow");
  EXPECT_EQ(wf.Fact("solution"), "Zipped");  // solution.xml read through the archive
  EXPECT_EQ(wf.owner, "pub");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "exports/pkg.zip!/notes/broken.json");
  EXPECT_EQ(r.errors[0].line, 1u);
  bool listed_png = false;
  for (const auto& w : r.warnings) {
    if (w.message.find("Assets/logo.png") != std::string::npos) listed_png = true;
  }
  EXPECT_TRUE(listed_png);
}

TEST(Archive, NestedArchivesUpToTheDepthLimit) {
  std::string inner = MakeZip({{"flow.json", kFlow}});
  std::string outer = MakeZip({{"inner.zip", inner}});
  auto r = ImportBytes(outer, "outer.zip");
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].file, "outer.zip!/inner.zip!/flow.json");

  std::string deep = MakeZip({{"flow.json", kFlow}});
  for (int i = 0; i < 8; ++i) deep = MakeZip({{"level" + std::to_string(i) + ".zip", deep}});
  auto d = ImportBytes(deep, "deep.zip");
  EXPECT_TRUE(d.workflows.empty());
  ASSERT_FALSE(d.errors.empty());
  EXPECT_NE(d.errors[0].message.find("nested more than"), std::string::npos);
}

TEST(Archive, LimitsBoundMembersAndBytes) {
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 10; ++i) many.push_back({"f" + std::to_string(i) + ".json", kFlow});
  std::string zip = MakeZip(many);

  fw::ingest::ArchiveLimits few_members;
  few_members.max_members = 3;
  auto r = ImportBytes(zip, "many.zip", &few_members);
  EXPECT_EQ(r.workflows.size(), 3u);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].message.find("only the first 3"), std::string::npos);

  fw::ingest::ArchiveLimits small_total;
  small_total.max_total_bytes = 2 * std::string(kFlow).size() + 10;
  r = ImportBytes(zip, "many.zip", &small_total);
  EXPECT_EQ(r.workflows.size(), 2u);
  size_t limit_warnings = 0;
  for (const auto& w : r.warnings) {
    limit_warnings += w.message.find("size limit") != std::string::npos;
  }
  EXPECT_EQ(limit_warnings, 1u) << "the exhausted budget is reported once";

  fw::ingest::ArchiveLimits small_member;
  small_member.max_member_bytes = 100;
  r = ImportBytes(zip, "many.zip", &small_member);
  EXPECT_TRUE(r.workflows.empty());
  EXPECT_EQ(r.warnings.size(), 10u);
}

TEST(Archive, BrokenArchivesAreErrors) {
  std::string zip = MakeZip({{"flow.json", kFlow}});
  auto r = ImportBytes(zip.substr(0, zip.size() / 2), "cut.zip");
  EXPECT_TRUE(r.workflows.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "cut.zip");
  EXPECT_NE(r.errors[0].message.find("cannot open zip archive"), std::string::npos);

  auto empty = ImportBytes(MakeZip({}), "empty.zip");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_NE(empty.errors[0].message.find("no JSON file"), std::string::npos);

  // A member whose bytes do not match its checksum.
  std::string corrupt = MakeZip({{"flow.json", kFlow}});
  corrupt[40] = corrupt[40] == 'x' ? 'y' : 'x';
  auto c = ImportBytes(corrupt, "corrupt.zip");
  EXPECT_TRUE(c.workflows.empty());
  EXPECT_FALSE(c.errors.empty() && c.warnings.empty());
}
