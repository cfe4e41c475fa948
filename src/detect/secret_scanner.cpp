#include "detect/secret_scanner.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>

#include "detect/entropy.h"
#include "detect/secret_filters.h"

namespace fw::detect {

namespace {

// Per rule, what runs. Built at Compile() or, with lazy_patterns, on the
// rule's first use.
struct CompiledRule {
  std::once_flag once;
  bool ok = false;
  std::unique_ptr<RE2> regex;
  int secret_group = -1;  // a group named "secret", or -1: the first group that matched
  int key_group = -1;     // a group named "key" inside the value, or -1
  std::unique_ptr<RE2> key_pattern;
  std::unique_ptr<RE2> key_exclude;
  std::unique_ptr<RE2> pointer_pattern;
  std::vector<std::unique_ptr<RE2>> allowlist;
  std::vector<std::string> keywords;  // lower case
};

// A rule gated on the value's key (key_pattern without a "key" group in the
// regex) is selected by its key, not by the value database.
bool KeyGated(const SecretRuleSpec& r) {
  return !r.key_pattern.empty() && r.regex.find("(?P<key>") == std::string::npos;
}

std::atomic<uint64_t> next_serial{1};

// One Vectorscan scratch per thread, grown to fit every database this thread
// has scanned with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> fitted;
  ~ThreadScratch() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};

// What is known about one key name. Keys repeat endlessly in exports (a few
// thousand distinct keys in 40 MB of n8n workflows), so this is worked out
// once per distinct key and thread.
struct KeyInfo {
  std::string key;
  bool skip = false;                     // identifier or digest key: never a secret
  std::vector<uint32_t> prefilter_hits;  // rules whose value prefilter matches the key itself
  std::vector<uint32_t> open_gates;      // key-gated rules this key opens, ascending
  std::string lower;                     // the key in lower case, for keyword gates
};
// Key name -> KeyInfo, open addressing with a power-of-two table: looked
// up once per scanned value, so it avoids std::unordered_map's division and
// node hops.
class KeyCache {
 public:
  uint64_t serial = 0;

  KeyInfo* Find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.info == nullptr) return nullptr;
      if (s.hash == hash && s.info->key == key) return s.info;
    }
  }
  KeyInfo& Insert(std::string_view key, uint64_t hash) {
    if ((infos_.size() + 1) * 2 > slots_.size()) Grow();
    infos_.push_back(std::make_unique<KeyInfo>());
    KeyInfo* info = infos_.back().get();
    info->key = std::string(key);
    Place(Slot{hash, info});
    return *info;
  }
  size_t size() const { return infos_.size(); }
  void Clear() {
    slots_.clear();
    infos_.clear();
  }

  static uint64_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a; keys are short
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h | 1;  // never 0
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    KeyInfo* info = nullptr;
  };
  void Place(Slot slot) {
    const size_t mask = slots_.size() - 1;
    size_t i = slot.hash & mask;
    while (slots_[i].info != nullptr) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.info != nullptr) Place(s);
    }
  }
  std::vector<Slot> slots_;
  std::vector<std::unique_ptr<KeyInfo>> infos_;
};

// Reused buffers, so a scan allocates nothing in the common case.
struct ScanBuffers {
  std::vector<uint32_t> candidates;
  std::vector<uint32_t> keyed;
  std::string lower;
  bool lower_ready = false;
  std::string_view key_lower;
  struct Hit {
    uint32_t rule;
    uint32_t offset;
    uint32_t length;
    uint32_t match_length;
  };
  std::vector<Hit> hits;
  std::vector<Hit> kept;
};

thread_local ThreadScratch tls_scratch;
thread_local KeyCache tls_key_cache;
thread_local ScanBuffers tls_buffers;

RE2::Options PatternOptions(bool case_sensitive) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  o.set_case_sensitive(case_sensitive);
  o.set_max_mem(64 << 20);
  return o;
}

core::Status RuleError(const SecretRuleSpec& r, const std::string& message) {
  return core::Status::InvalidInput(r.file, "rule '" + r.id + "': " + message, r.line, r.column);
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

// Decodes base64 or base64url, padding optional; false on any other byte.
bool DecodeBase64(std::string_view in, std::string& out) {
  out.clear();
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = Base64Value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

bool JsonHasPair(std::string_view json, std::string_view key, std::string_view value) {
  // Tolerant: "key" then ':' then "value", with optional spaces.
  std::string k = "\"" + std::string(key) + "\"";
  for (size_t pos = json.find(k); pos != std::string_view::npos; pos = json.find(k, pos + 1)) {
    size_t i = pos + k.size();
    while (i < json.size() && (json[i] == ' ' || json[i] == ':')) ++i;
    if (json.substr(i).starts_with("\"" + std::string(value) + "\"")) return true;
  }
  return false;
}

bool ValidJwt(std::string_view token, bool require_service_role) {
  size_t a = token.find('.');
  if (a == std::string_view::npos) return false;
  size_t b = token.find('.', a + 1);
  if (b == std::string_view::npos) return false;
  std::string header;
  std::string payload;
  if (!DecodeBase64(token.substr(0, a), header) ||
      !DecodeBase64(token.substr(a + 1, b - a - 1), payload)) {
    return false;
  }
  if (header.empty() || header.front() != '{' || header.find("\"alg\"") == std::string::npos) {
    return false;
  }
  if (payload.empty() || payload.front() != '{') return false;
  // Supabase's anon key is published to browsers by design.
  if (JsonHasPair(payload, "role", "anon")) return false;
  if (require_service_role) return JsonHasPair(payload, "role", "service_role");
  return true;
}

bool ValidBasicAuth(std::string_view b64) {
  std::string decoded;
  if (!DecodeBase64(b64, decoded) || decoded.size() < 3) return false;
  for (unsigned char c : decoded) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  size_t colon = decoded.find(':');
  if (colon == std::string::npos) return false;
  std::string_view password = std::string_view(decoded).substr(colon + 1);
  if (password.empty() || IsReference(password)) return false;
  if (IsPlaceholderSecret(password) || IsPlaceholderSecret(decoded)) return false;
  return true;
}

bool PassesValidator(SecretValidator v, std::string_view secret) {
  switch (v) {
    case SecretValidator::kNone:
      return true;
    case SecretValidator::kJwt:
      return ValidJwt(secret, false);
    case SecretValidator::kJwtServiceRole:
      return ValidJwt(secret, true);
    case SecretValidator::kBasicAuth:
      return ValidBasicAuth(secret);
    case SecretValidator::kRandom:
      return LooksRandom(secret);
  }
  return true;
}

int OnPrefilterMatch(unsigned int id, unsigned long long /*from*/, unsigned long long /*to*/,
                     unsigned int /*flags*/, void* ctx) {
  static_cast<std::vector<uint32_t>*>(ctx)->push_back(id);
  return 0;
}

bool ContainsKeyword(std::string_view lower_haystack, const std::vector<std::string>& keywords) {
  for (const auto& k : keywords) {
    if (lower_haystack.find(k) != std::string_view::npos) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The serialised form of the two databases: the length of the first as 8
// little-endian bytes, then the first, then the second (either may be empty).
std::string Serialize(const hs_database_t* db) {
  if (db == nullptr) return {};
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return {};
  std::string out(bytes, length);
  std::free(bytes);  // NOLINT(cppcoreguidelines-no-malloc): Vectorscan allocates with malloc
  return out;
}

hs_database_t* Deserialize(std::span<const unsigned char> bytes) {
  hs_database_t* db = nullptr;
  if (bytes.empty()) return nullptr;
  if (hs_deserialize_database(reinterpret_cast<const char*>(bytes.data()), bytes.size(), &db) !=
      HS_SUCCESS) {
    return nullptr;
  }
  return db;
}

}  // namespace

struct SecretScanner::Impl {
  std::vector<SecretRuleSpec> specs;
  std::vector<std::unique_ptr<CompiledRule>> compiled;
  std::vector<uint32_t> key_gated;  // ascending
  hs_database_t* value_db = nullptr;  // prefilters of the rules not gated on the key
  hs_database_t* keyed_db = nullptr;  // prefilters of the key-gated rules
  uint64_t serial = 0;

  ~Impl() {
    if (value_db != nullptr) hs_free_database(value_db);
    if (keyed_db != nullptr) hs_free_database(keyed_db);
  }

  core::Status BuildPatterns(uint32_t rule) const;
  const CompiledRule* Patterns(uint32_t rule) const;
  const KeyInfo& InfoOf(std::string_view key, hs_scratch_t* scratch) const;
  bool KeyGateOpen(uint32_t rule, std::string_view key) const;
  void ScanRule(uint32_t rule, std::string_view value, const SecretContext& ctx,
                ScanBuffers& buf) const;
  core::Status CompileDatabase(const std::vector<uint32_t>& rules, bool portable,
                               hs_database_t** out) const;
};

core::Status SecretScanner::Impl::BuildPatterns(uint32_t rule) const {
  const SecretRuleSpec& r = specs[rule];
  CompiledRule& c = *compiled[rule];
  c.regex = std::make_unique<RE2>(r.regex, PatternOptions(true));
  if (!c.regex->ok()) return RuleError(r, "regex: " + c.regex->error());
  if (c.regex->NumberOfCapturingGroups() < 1 || c.regex->NumberOfCapturingGroups() > 15) {
    return RuleError(r, "regex needs 1 to 15 capture groups (the secret is the first or 'secret')");
  }
  const auto& named = c.regex->NamedCapturingGroups();
  if (auto it = named.find("secret"); it != named.end()) c.secret_group = it->second;
  if (auto it = named.find("key"); it != named.end()) c.key_group = it->second;
  if (c.key_group >= 0 && r.key_pattern.empty()) {
    return RuleError(r, "a regex with a 'key' group needs key_pattern");
  }
  auto optional = [&](const std::string& pattern, std::unique_ptr<RE2>& out,
                      const char* what) -> core::Status {
    if (pattern.empty()) return core::Status::Ok();
    out = std::make_unique<RE2>(pattern, PatternOptions(false));
    if (!out->ok()) return RuleError(r, std::string(what) + ": " + out->error());
    return core::Status::Ok();
  };
  if (auto st = optional(r.key_pattern, c.key_pattern, "key_pattern"); !st.ok()) return st;
  if (auto st = optional(r.key_exclude, c.key_exclude, "key_exclude"); !st.ok()) return st;
  if (auto st = optional(r.pointer_pattern, c.pointer_pattern, "pointer_pattern"); !st.ok()) {
    return st;
  }
  for (const auto& a : r.allowlist) {
    auto re = std::make_unique<RE2>(a, PatternOptions(true));
    if (!re->ok()) return RuleError(r, "allowlist: " + re->error());
    c.allowlist.push_back(std::move(re));
  }
  for (const auto& k : r.keywords) c.keywords.push_back(Lower(k));
  c.ok = true;
  return core::Status::Ok();
}

const CompiledRule* SecretScanner::Impl::Patterns(uint32_t rule) const {
  CompiledRule& c = *compiled[rule];
  std::call_once(c.once, [&] { (void)BuildPatterns(rule); });
  return c.ok ? &c : nullptr;
}

bool SecretScanner::Impl::KeyGateOpen(uint32_t rule, std::string_view key) const {
  const CompiledRule* c = Patterns(rule);
  if (c == nullptr) return false;
  re2::StringPiece k(key.data(), key.size());
  if (c->key_pattern && !RE2::PartialMatch(k, *c->key_pattern)) return false;
  if (c->key_exclude && RE2::PartialMatch(k, *c->key_exclude)) return false;
  return true;
}

const KeyInfo& SecretScanner::Impl::InfoOf(std::string_view key, hs_scratch_t* scratch) const {
  KeyCache& cache = tls_key_cache;
  if (cache.serial != serial || cache.size() > 50000) {
    cache.Clear();
    cache.serial = serial;
  }
  const uint64_t hash = KeyCache::Hash(key);
  if (KeyInfo* found = cache.Find(key, hash)) return *found;
  KeyInfo& info = cache.Insert(key, hash);
  info.skip = IsIdentifierKey(key) || IsDigestKey(key);
  info.lower = Lower(key);
  if (!key.empty() && value_db != nullptr) {
    hs_scan(value_db, key.data(), static_cast<unsigned int>(key.size()), 0, scratch,
            OnPrefilterMatch, &info.prefilter_hits);
  }
  for (uint32_t rule : key_gated) {
    if (KeyGateOpen(rule, key)) info.open_gates.push_back(rule);
  }
  return info;
}

void SecretScanner::Impl::ScanRule(uint32_t rule, std::string_view value, const SecretContext& ctx,
                                   ScanBuffers& buf) const {
  const SecretRuleSpec& spec = specs[rule];
  const CompiledRule* patterns = Patterns(rule);
  if (patterns == nullptr) return;
  const CompiledRule& c = *patterns;
  if (c.pointer_pattern &&
      !RE2::PartialMatch(re2::StringPiece(ctx.pointer.data(), ctx.pointer.size()),
                         *c.pointer_pattern)) {
    return;
  }
  if (!c.keywords.empty()) {
    if (!buf.lower_ready) {
      buf.lower = Lower(value);
      buf.lower_ready = true;
    }
    if (!ContainsKeyword(buf.lower, c.keywords) && !ContainsKeyword(buf.key_lower, c.keywords)) {
      return;
    }
  }
  const int groups = c.regex->NumberOfCapturingGroups() + 1;
  re2::StringPiece text(value.data(), value.size());
  re2::StringPiece sub[16];
  size_t pos = 0;
  for (int found = 0; pos <= value.size() && found < 64; ++found) {
    if (!c.regex->Match(text, pos, value.size(), RE2::UNANCHORED, sub, groups)) break;
    const size_t match_end = static_cast<size_t>(sub[0].data() - value.data()) + sub[0].size();
    pos = sub[0].empty() ? match_end + 1 : match_end;
    // The secret: the group named "secret", else the first group that took
    // part in the match (rules may offer alternatives, one group each).
    re2::StringPiece secret;
    if (c.secret_group > 0) {
      secret = sub[c.secret_group];
    } else {
      for (int g = 1; g < groups; ++g) {
        if (g != c.key_group && sub[g].data() != nullptr && !sub[g].empty()) {
          secret = sub[g];
          break;
        }
      }
    }
    if (secret.data() == nullptr || secret.empty()) continue;
    std::string_view s(secret.data(), secret.size());
    if (c.key_group >= 0) {
      re2::StringPiece key = sub[c.key_group];
      if (c.key_pattern && !RE2::PartialMatch(key, *c.key_pattern)) continue;
      if (c.key_exclude && RE2::PartialMatch(key, *c.key_exclude)) continue;
    }
    if (spec.min_entropy > 0 && Entropy(s) < spec.min_entropy) continue;
    if (!PassesValidator(spec.validator, s)) continue;
    bool allowed = false;
    for (const auto& a : c.allowlist) {
      if (RE2::PartialMatch(secret, *a)) {
        allowed = true;
        break;
      }
    }
    if (allowed) continue;
    if (IsReference(s) || IsPlaceholderSecret(s)) continue;
    if (!spec.allow_uuid && IsUuid(s)) continue;
    buf.hits.push_back(ScanBuffers::Hit{rule, static_cast<uint32_t>(s.data() - value.data()),
                                        static_cast<uint32_t>(s.size()),
                                        static_cast<uint32_t>(sub[0].size())});
  }
}

core::Status SecretScanner::Impl::CompileDatabase(const std::vector<uint32_t>& rules,
                                                  bool portable, hs_database_t** out) const {
  *out = nullptr;
  if (rules.empty()) return core::Status::Ok();
  std::vector<const char*> patterns;
  std::vector<unsigned int> flags;
  for (uint32_t i : rules) {
    const SecretRuleSpec& r = specs[i];
    unsigned int f = HS_FLAG_SINGLEMATCH;
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_expression_info(r.prefilter.c_str(), f, &info, &err) != HS_SUCCESS) {
      std::string msg = err != nullptr ? err->message : "invalid";
      hs_free_compile_error(err);
      return RuleError(r, "prefilter: " + msg);
    }
    if (info->min_width == 0) f |= HS_FLAG_ALLOWEMPTY;
    std::free(info);  // NOLINT(cppcoreguidelines-no-malloc): Vectorscan allocates with malloc
    patterns.push_back(r.prefilter.c_str());
    flags.push_back(f);
  }
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), rules.data(),
                       static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK,
                       portable ? &generic : nullptr, out, &err) != HS_SUCCESS) {
    std::string msg = err != nullptr ? err->message : "unknown error";
    int at = err != nullptr ? err->expression : -1;
    hs_free_compile_error(err);
    if (at >= 0 && static_cast<size_t>(at) < rules.size()) {
      return RuleError(specs[rules[static_cast<size_t>(at)]], "prefilter: " + msg);
    }
    return core::Status::InvalidInput("", "compiling the secret prefilters: " + msg);
  }
  return core::Status::Ok();
}

SecretScanner::SecretScanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SecretScanner::~SecretScanner() = default;

core::Result<std::unique_ptr<const SecretScanner>> SecretScanner::Compile(
    std::vector<SecretRuleSpec> rules, const SecretScannerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->serial = next_serial.fetch_add(1);
  impl->specs = std::move(rules);
  if (impl->specs.empty()) {
    return core::Status::InvalidInput("", "no secret rules to compile");
  }
  std::vector<uint32_t> by_value;
  for (uint32_t i = 0; i < impl->specs.size(); ++i) {
    (KeyGated(impl->specs[i]) ? impl->key_gated : by_value).push_back(i);
    impl->compiled.push_back(std::make_unique<CompiledRule>());
    if (options.lazy_patterns) continue;
    CompiledRule& c = *impl->compiled.back();
    core::Status st;
    std::call_once(c.once, [&] { st = impl->BuildPatterns(i); });
    if (!st.ok()) return st;
  }

  // A database made at build time, if it loads on this machine.
  const auto& blob = options.prefilter_database;
  if (blob.size() >= 8) {
    uint64_t first = 0;
    for (int i = 7; i >= 0; --i) first = (first << 8) | blob[static_cast<size_t>(i)];
    if (first <= blob.size() - 8) {
      auto a = blob.subspan(8, first);
      auto b = blob.subspan(8 + first);
      hs_database_t* value_db = Deserialize(a);
      hs_database_t* keyed_db = Deserialize(b);
      const bool ok = (a.empty() == by_value.empty()) && (value_db != nullptr) != a.empty() &&
                      (b.empty() == impl->key_gated.empty()) && (keyed_db != nullptr) != b.empty();
      if (ok) {
        impl->value_db = value_db;
        impl->keyed_db = keyed_db;
        return std::unique_ptr<const SecretScanner>(new SecretScanner(std::move(impl)));
      }
      if (value_db != nullptr) hs_free_database(value_db);
      if (keyed_db != nullptr) hs_free_database(keyed_db);
    }
  }
  if (auto st = impl->CompileDatabase(by_value, options.portable, &impl->value_db); !st.ok()) {
    return st;
  }
  if (auto st = impl->CompileDatabase(impl->key_gated, options.portable, &impl->keyed_db);
      !st.ok()) {
    return st;
  }
  return std::unique_ptr<const SecretScanner>(new SecretScanner(std::move(impl)));
}

std::string SecretScanner::SerializePrefilters() const {
  std::string a = Serialize(impl_->value_db);
  std::string b = Serialize(impl_->keyed_db);
  std::string out(8, '\0');
  uint64_t n = a.size();
  for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return out + a + b;
}

std::span<const SecretRuleSpec> SecretScanner::rules() const { return impl_->specs; }

const SecretRuleSpec* SecretScanner::FindRule(std::string_view id) const {
  for (const auto& r : impl_->specs) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<SecretMatch> SecretScanner::Scan(std::string_view value,
                                             const SecretContext& context) const {
  std::vector<SecretMatch> out;
  Scan(value, context, out);
  return out;
}

void SecretScanner::Scan(std::string_view value, const SecretContext& context,
                         std::vector<SecretMatch>& out) const {
  const Impl& impl = *impl_;
  if (value.size() < 8 || value.size() > (1u << 30) || context.binary) return;

  ThreadScratch& ts = tls_scratch;
  if (ts.fitted.empty() || (ts.fitted.back() != impl.serial &&
                            std::find(ts.fitted.begin(), ts.fitted.end(), impl.serial) ==
                                ts.fitted.end())) {
    for (hs_database_t* db : {impl.value_db, impl.keyed_db}) {
      if (db != nullptr && hs_alloc_scratch(db, &ts.scratch) != HS_SUCCESS) return;
    }
    ts.fitted.push_back(impl.serial);
  }
  const KeyInfo& key = impl.InfoOf(context.key, ts.scratch);
  if (key.skip || IsCredentialReferencePointer(context.pointer) || IsFileContent(value)) return;
  // n8n marks expression mode with a leading '='; what follows is literal
  // text unless it holds {{ }}.
  uint32_t shift = 0;
  if (value.front() == '=') {
    value.remove_prefix(1);
    shift = 1;
  }

  ScanBuffers& buf = tls_buffers;
  buf.candidates.clear();
  buf.hits.clear();
  buf.lower_ready = false;
  buf.key_lower = key.lower;
  if (impl.value_db != nullptr &&
      hs_scan(impl.value_db, value.data(), static_cast<unsigned int>(value.size()), 0, ts.scratch,
              OnPrefilterMatch, &buf.candidates) != HS_SUCCESS) {
    return;
  }
  // A prefilter may also match the key: {"cohereApiKey": "<40 characters>"}.
  buf.candidates.insert(buf.candidates.end(), key.prefilter_hits.begin(), key.prefilter_hits.end());
  // Rules gated on this key, when their prefilter also matches the value.
  if (!key.open_gates.empty() && impl.keyed_db != nullptr) {
    buf.keyed.clear();
    if (hs_scan(impl.keyed_db, value.data(), static_cast<unsigned int>(value.size()), 0,
                ts.scratch, OnPrefilterMatch, &buf.keyed) == HS_SUCCESS) {
      for (uint32_t rule : buf.keyed) {
        if (std::binary_search(key.open_gates.begin(), key.open_gates.end(), rule)) {
          buf.candidates.push_back(rule);
        }
      }
    }
  }
  if (buf.candidates.empty()) return;
  std::sort(buf.candidates.begin(), buf.candidates.end());
  buf.candidates.erase(std::unique(buf.candidates.begin(), buf.candidates.end()),
                       buf.candidates.end());
  for (uint32_t rule : buf.candidates) impl.ScanRule(rule, value, context, buf);
  if (buf.hits.empty()) return;

  // Overlaps: the most specific rule wins.
  auto better = [&](const ScanBuffers::Hit& a, const ScanBuffers::Hit& b) {
    const SecretRuleSpec& ra = impl.specs[a.rule];
    const SecretRuleSpec& rb = impl.specs[b.rule];
    bool ga = ra.family == SecretFamily::kGeneric;
    bool gb = rb.family == SecretFamily::kGeneric;
    if (ga != gb) return !ga;
    if (ra.severity != rb.severity) return ra.severity > rb.severity;
    if (a.match_length != b.match_length) return a.match_length > b.match_length;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.offset < b.offset;
  };
  std::sort(buf.hits.begin(), buf.hits.end(), better);
  buf.kept.clear();
  for (const auto& h : buf.hits) {
    bool clash = false;
    for (const auto& k : buf.kept) {
      bool overlap = h.offset < k.offset + k.length && k.offset < h.offset + h.length;
      bool same_text = h.length == k.length &&
                       value.compare(h.offset, h.length, value.substr(k.offset, k.length)) == 0;
      if (overlap || same_text) {
        clash = true;
        break;
      }
    }
    if (!clash) buf.kept.push_back(h);
  }
  std::sort(buf.kept.begin(), buf.kept.end(),
            [](const auto& a, const auto& b) { return a.offset < b.offset; });
  for (const auto& k : buf.kept) {
    out.push_back(SecretMatch{&impl.specs[k.rule], k.offset + shift, k.length});
  }
}

}  // namespace fw::detect
