#include "ingest/archive.h"

#include <zip.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"

namespace fw::ingest {

namespace {

// The parser reads past the end of its input in wide steps; leaving this
// much spare capacity lets it use a member's buffer without a copy.
constexpr size_t kPadding = 64;
constexpr size_t kListedSkips = 8;

enum class MemberKind { kJson, kXml, kZip, kOther };

struct Member {
  std::string name;  // inner path, '/' separated
  MemberKind kind = MemberKind::kOther;
  std::shared_ptr<const core::SourceFile> source;  // null when not read
};

// Bytes left for every archive opened below the outermost one on this thread.
struct Budget {
  uint64_t remaining = 0;
  int depth = 0;
};
thread_local Budget* t_budget = nullptr;

class BudgetScope {
 public:
  explicit BudgetScope(const ArchiveLimits& limits) {
    if (t_budget == nullptr) {
      own_.remaining = limits.max_total_bytes;
      t_budget = &own_;
      owner_ = true;
    }
    ++t_budget->depth;
  }
  ~BudgetScope() {
    --t_budget->depth;
    if (owner_) t_budget = nullptr;
  }
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;
  Budget& budget() { return *t_budget; }

 private:
  Budget own_;
  bool owner_ = false;
};

bool EndsWithI(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && core::IEquals(s.substr(s.size() - suffix.size()), suffix);
}

MemberKind KindOf(std::string_view name) {
  if (EndsWithI(name, ".json")) return MemberKind::kJson;
  if (EndsWithI(name, ".xml")) return MemberKind::kXml;
  if (EndsWithI(name, ".zip")) return MemberKind::kZip;
  return MemberKind::kOther;
}

// Zip member names as shown: '/' separators, no leading "./" or '/', no
// control characters.
std::string CleanName(std::string_view raw) {
  std::string name;
  name.reserve(raw.size());
  for (char c : raw) {
    if (c == '\\') c = '/';
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
    name.push_back(c);
  }
  while (name.rfind("./", 0) == 0) name.erase(0, 2);
  while (!name.empty() && name.front() == '/') name.erase(0, 1);
  return name;
}

// Resolves `relative` against folder `dir` (both '/' separated). Returns the
// path inside the archive, or sets `escapes` to how many levels it climbs
// above the archive's root and returns the rest.
std::string Resolve(std::string_view dir, std::string_view relative, int* escapes) {
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      std::string_view seg = path.substr(start, end - start);
      if (seg == "..") {
        if (parts.empty()) {
          ++*escapes;
        } else {
          parts.pop_back();
        }
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      start = end + 1;
    }
  };
  *escapes = 0;
  push(dir);
  push(relative);
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out.push_back('/');
    out.append(p);
  }
  return out;
}

class ArchiveSiblings final : public SiblingReader {
 public:
  ArchiveSiblings(std::shared_ptr<const core::SourceFile> archive,
                  const std::vector<Member>& members, const SiblingReader* outer)
      : archive_(std::move(archive)),
        prefix_(archive_->name() + "!/"),
        members_(members),
        outer_(outer) {}

  std::shared_ptr<const core::SourceFile> Read(const core::SourceFile& of,
                                               std::string_view relative) const override {
    std::string_view name = of.name();
    if (name.substr(0, prefix_.size()) != prefix_) return nullptr;
    std::string_view inner = name.substr(prefix_.size());
    size_t slash = inner.rfind('/');
    std::string_view dir =
        slash == std::string_view::npos ? std::string_view() : inner.substr(0, slash);
    int escapes = 0;
    std::string path = Resolve(dir, relative, &escapes);
    if (escapes > 0) {
      // Beside the archive itself.
      if (outer_ == nullptr) return nullptr;
      std::string up;
      for (int i = 1; i < escapes; ++i) up += "../";
      return outer_->Read(*archive_, up + path);
    }
    for (const auto& m : members_) {
      if (m.source != nullptr && m.name == path) return m.source;
    }
    for (const auto& m : members_) {
      if (m.source != nullptr && core::IEquals(m.name, path)) return m.source;
    }
    return nullptr;
  }

 private:
  std::shared_ptr<const core::SourceFile> archive_;
  std::string prefix_;
  const std::vector<Member>& members_;
  const SiblingReader* outer_;
};

core::Diagnostic ArchiveDiagnostic(const core::SourceFile& file, std::string message) {
  return core::Diagnostic{file.name(), 0, 0, std::move(message)};
}

std::string Mib(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
         ((bytes[2] == '\x03' && bytes[3] == '\x04') || (bytes[2] == '\x05' && bytes[3] == '\x06'));
}

model::ImportResult ImportArchive(std::shared_ptr<const core::SourceFile> file,
                                  const SiblingReader* siblings, const ArchiveLimits& limits) {
  model::ImportResult result;
  BudgetScope scope(limits);
  Budget& budget = scope.budget();
  if (budget.depth > limits.max_depth) {
    result.errors.push_back(ArchiveDiagnostic(*file, "zip archive nested more than " +
                                                         std::to_string(limits.max_depth) +
                                                         " levels deep; not opened"));
    return result;
  }

  zip_error_t error;
  zip_error_init(&error);
  std::string_view bytes = file->bytes();
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr
                       ? nullptr
                       : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    result.errors.push_back(ArchiveDiagnostic(
        *file, std::string("cannot open zip archive: ") + zip_error_strerror(&error)));
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    return result;
  }
  zip_error_fini(&error);

  std::vector<Member> members;
  std::vector<std::string> skipped;  // not JSON, XML or zip
  size_t skipped_count = 0;
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0) entries = 0;
  if (static_cast<uint64_t>(entries) > limits.max_members) {
    result.warnings.push_back(ArchiveDiagnostic(
        *file, "zip archive has " + std::to_string(entries) + " members; only the first " +
                   std::to_string(limits.max_members) + " were looked at"));
    entries = static_cast<zip_int64_t>(limits.max_members);
  }
  bool budget_reported = false;
  std::vector<char> buffer(1 << 16);
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
        (st.valid & ZIP_STAT_NAME) == 0) {
      result.warnings.push_back(ArchiveDiagnostic(
          *file, "zip member #" + std::to_string(i) + " cannot be read: " + zip_strerror(archive)));
      continue;
    }
    Member m;
    m.name = CleanName(st.name);
    if (m.name.empty() || m.name.back() == '/') continue;  // a folder entry
    m.kind = KindOf(m.name);
    if (m.kind == MemberKind::kOther) {
      if (skipped.size() < kListedSkips) skipped.push_back(m.name);
      ++skipped_count;
      members.push_back(std::move(m));
      continue;
    }
    const std::string shown = file->name() + "!/" + m.name;
    uint64_t cap = std::min(limits.max_member_bytes, budget.remaining);
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > cap) {
      bool over_member = st.size > limits.max_member_bytes;
      if (over_member || !budget_reported) {
        result.warnings.push_back(core::Diagnostic{
            shown, 0, 0,
            over_member
                ? "zip member of " + Mib(st.size) + " uncompressed is over the " +
                      Mib(limits.max_member_bytes) + " limit; not read"
                : "zip archives' uncompressed size limit of " + Mib(limits.max_total_bytes) +
                      " reached; this and later members not read"});
        budget_reported = budget_reported || !over_member;
      }
      members.push_back(std::move(m));
      continue;
    }
    zip_file_t* zf = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (zf == nullptr) {
      result.warnings.push_back(core::Diagnostic{
          shown, 0, 0, std::string("cannot read zip member: ") + zip_strerror(archive)});
      members.push_back(std::move(m));
      continue;
    }
    std::string data;
    data.reserve(static_cast<size_t>((st.valid & ZIP_STAT_SIZE) != 0 ? st.size : 0) + kPadding);
    bool over = false;
    bool failed = false;
    while (true) {
      zip_int64_t n = zip_fread(zf, buffer.data(), buffer.size());
      if (n < 0) {
        failed = true;
        break;
      }
      if (n == 0) break;
      if (data.size() + static_cast<uint64_t>(n) > cap) {
        over = true;
        break;
      }
      data.append(buffer.data(), static_cast<size_t>(n));
    }
    std::string read_error = failed ? zip_file_strerror(zf) : "";
    zip_fclose(zf);
    budget.remaining -= std::min<uint64_t>(budget.remaining, data.size());
    if (failed || over) {
      result.warnings.push_back(core::Diagnostic{
          shown, 0, 0,
          failed ? "cannot read zip member: " + read_error
                 : "zip member expands past the size limit (" + Mib(cap) + "); not read"});
      members.push_back(std::move(m));
      continue;
    }
    if (data.capacity() < data.size() + kPadding) data.reserve(data.size() + kPadding);
    m.source = std::make_shared<core::SourceFile>(shown, std::move(data));
    members.push_back(std::move(m));
  }
  zip_discard(archive);

  if (skipped_count > 0) {
    std::string list;
    for (const auto& s : skipped) list += (list.empty() ? "" : ", ") + s;
    if (skipped_count > skipped.size()) {
      list += " and " + std::to_string(skipped_count - skipped.size()) + " more";
    }
    result.warnings.push_back(ArchiveDiagnostic(
        *file, std::to_string(skipped_count) +
                   " zip member(s) neither JSON, XML nor zip, not read: " + list));
  }

  ArchiveSiblings archive_siblings(file, members, siblings);
  size_t wanted = 0;
  size_t imported = 0;
  for (const auto& m : members) {
    if (m.kind != MemberKind::kJson && m.kind != MemberKind::kZip) continue;
    ++wanted;
    if (m.source == nullptr) continue;
    ++imported;
    model::ImportResult r = ImportFile(m.source, &archive_siblings);
    for (auto& w : r.workflows) result.workflows.push_back(std::move(w));
    for (auto& e : r.errors) result.errors.push_back(std::move(e));
    for (auto& w : r.warnings) result.warnings.push_back(std::move(w));
  }
  if (imported == 0 && result.errors.empty()) {
    result.errors.push_back(ArchiveDiagnostic(
        *file, wanted == 0 ? "zip archive holds no JSON file or nested zip archive to read"
                           : "no member of the zip archive could be read (see warnings)"));
  }
  return result;
}

}  // namespace fw::ingest
