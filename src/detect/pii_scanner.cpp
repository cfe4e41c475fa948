#include "detect/pii_scanner.h"

#include <array>
#include <cstring>
#include <optional>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fw::detect {

namespace {

constexpr std::array<bool, 256> MakeTable(bool digits, bool at) {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = digits;
  t['@'] = at;
  return t;
}
constexpr std::array<bool, 256> kStop = MakeTable(true, true);

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsUpper(c) || IsLower(c); }
// Characters that continue an identifier: a number touching them is part of
// an id, a hash or a word, not a value of its own.
bool IsWordChar(char c) { return IsAlnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool IsNumberSep(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}
bool IsLocalChar(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

#if defined(__SSE2__)
// Bit i set when byte i of the 16 at `p` is '@' or a digit. The compares
// keep 0x30..0x40 ('0'-'9', ':'-'?', '@'); ':'-'?' are cleared after.
inline unsigned StopMask(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes >= 0x80 are negative and never in range.
  const __m128i in =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x2F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x41)));
  const __m128i punct =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x39)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x40)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(punct, in)));
}

// Bit i set when byte i is not a word character ([0-9A-Za-z_] or >= 0x80).
inline unsigned NonWordMask(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i digit =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x2F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x3A)));
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8(0x60)),
                                      _mm_cmplt_epi8(folded, _mm_set1_epi8(0x7B)));
  const __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
  const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
  const __m128i word = _mm_or_si128(_mm_or_si128(digit, alpha), _mm_or_si128(under, high));
  return static_cast<unsigned>(~_mm_movemask_epi8(word)) & 0xFFFFu;
}
#endif

// Finds the first position at or after `i` whose bit `Mask` sets, or n.
// Sixteen bytes at a time; the last block is read overlapping the previous
// one (or from a padded copy for short texts), so no byte is looked at one
// by one.
template <unsigned (*Mask)(const unsigned char*), bool (*Scalar)(unsigned char)>
size_t FindFirst(std::string_view t, size_t i) {
  const size_t n = t.size();
  const auto* b = reinterpret_cast<const unsigned char*>(t.data());
#if defined(__SSE2__)
  while (i + 16 <= n) {
    unsigned m = Mask(b + i);
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(m));
    i += 16;
  }
  if (i >= n) return n;
  if (n >= 16) {
    unsigned m = Mask(b + n - 16) >> (16 - (n - i));
    return m != 0 ? i + static_cast<size_t>(__builtin_ctz(m)) : n;
  }
  unsigned char pad[16];
  std::memset(pad, ' ', sizeof(pad));
  std::memcpy(pad, b + i, n - i);
  unsigned m = Mask(pad) & ((1u << (n - i)) - 1);
  return m != 0 ? i + static_cast<size_t>(__builtin_ctz(m)) : n;
#else
  while (i < n && !Scalar(b[i])) ++i;
  return i;
#endif
}

bool IsStopByte(unsigned char c) { return kStop[c]; }
bool IsNonWordByte(unsigned char c) { return !IsWordChar(static_cast<char>(c)); }

#if !defined(__SSE2__)
inline unsigned StopMask(const unsigned char*) { return 0; }
inline unsigned NonWordMask(const unsigned char*) { return 0; }
#endif

// The next '@' or digit at or after `i`, or t.size().
size_t NextStop(std::string_view t, size_t i) { return FindFirst<StopMask, IsStopByte>(t, i); }
// The end of the word that goes on at `i`.
size_t WordEnd(std::string_view t, size_t i) { return FindFirst<NonWordMask, IsNonWordByte>(t, i); }

// The key's topic, classified on first use only: most texts never need it.
class KeyContext {
 public:
  explicit KeyContext(std::string_view key) : key_(key) {}
  std::string_view Topic() {
    if (!done_) {
      topic_ = key_.empty() ? std::string_view() : ClassifyField(key_).topic;
      done_ = true;
    }
    return topic_;
  }

 private:
  std::string_view key_;
  std::string_view topic_;
  bool done_ = false;
};

// True when one of `words` (lower case) ends within the 40 bytes before `pos`.
bool KeywordBefore(std::string_view t, size_t pos, std::initializer_list<std::string_view> words) {
  size_t from = pos > 40 ? pos - 40 : 0;
  char buf[41];
  size_t len = pos - from;
  for (size_t i = 0; i < len; ++i) {
    char c = t[from + i];
    buf[i] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view window(buf, len);
  for (auto w : words) {
    if (window.find(w) != std::string_view::npos) return true;
  }
  return false;
}

void Add(std::vector<PiiMatch>& out, PersonalKind kind, size_t begin, size_t end) {
  out.push_back(PiiMatch{kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end - begin)});
}

// An e-mail address around the '@' at `at`; returns where to go on.
size_t ScanEmail(std::string_view t, size_t at, std::vector<PiiMatch>& out) {
  const size_t n = t.size();
  size_t l = at;
  while (l > 0 && at - l < 64 && IsLocalChar(t[l - 1])) --l;
  while (l < at && (t[l] == '.' || t[l] == '-' || t[l] == '+')) ++l;
  size_t r = at + 1;
  while (r < n && r - at < 254 && IsDomainChar(t[r])) ++r;
  while (r > at + 1 && (t[r - 1] == '.' || t[r - 1] == '-')) --r;
  if (l == at || r == at + 1) return at + 1;
  if (l > 0) {
    char before = t[l - 1];
    // user:password@host in URLs, and local parts glued to other text.
    if (before == '/' || before == '@' || static_cast<unsigned char>(before) >= 0x80) return r;
    if (before == ':' && !(l >= 7 && KeywordBefore(t, l, {"mailto:"}))) return r;
  }
  if (r < n && (t[r] == '@' || static_cast<unsigned char>(t[r]) >= 0x80)) return r;
  if (IsEmailAddress(t.substr(l, r - l))) Add(out, PersonalKind::kEmail, l, r);
  return r;
}

struct Region {
  size_t begin = 0;  // first digit
  size_t end = 0;    // one past the last digit
  size_t digits = 0;
  std::array<uint8_t, 12> groups{};  // digit-group lengths (first 12)
  size_t group_count = 0;
  std::array<char, 12> seps{};  // first separator before group i (i >= 1)
  bool same_seps = true;
};

// Digits and the separators people write between groups (at most two in a
// row: ") ").
Region ReadRegion(std::string_view t, size_t s) {
  Region r;
  r.begin = s;
  size_t e = s;
  const size_t n = t.size();
  while (true) {
    size_t g = e;
    while (e < n && IsDigit(t[e])) ++e;
    if (r.group_count < r.groups.size()) {
      r.groups[r.group_count] = static_cast<uint8_t>(std::min<size_t>(e - g, 255));
    }
    ++r.group_count;
    r.digits += e - g;
    size_t k = e;
    while (k < n && k - e < 2 && IsNumberSep(t[k])) ++k;
    if (k > e && k < n && IsDigit(t[k]) && r.digits < 40) {
      if (r.group_count < r.seps.size()) {
        r.seps[r.group_count] = t[e];
        if (r.group_count > 1 && t[e] != r.seps[1]) r.same_seps = false;
      }
      e = k;
      continue;
    }
    break;
  }
  r.end = e;
  return r;
}

bool GroupsAre(const Region& r, std::initializer_list<int> lengths) {
  if (r.group_count != lengths.size()) return false;
  size_t i = 0;
  for (int len : lengths) {
    if (r.groups[i++] != len) return false;
  }
  return true;
}

// "4111 1111 1111 1111", "4111111111111111", "3782 822463 10005".
bool CardShape(const Region& r) {
  if (r.group_count == 1) return true;
  if (!r.same_seps || (r.seps[1] != ' ' && r.seps[1] != '-')) return false;
  if (GroupsAre(r, {4, 6, 5}) || GroupsAre(r, {4, 6, 4})) return true;
  if (r.group_count > 5) return false;
  for (size_t i = 0; i + 1 < r.group_count; ++i) {
    if (r.groups[i] != 4) return false;
  }
  return r.groups[r.group_count - 1] >= 1 && r.groups[r.group_count - 1] <= 4;
}

bool DateShape(const Region& r) {
  if (!r.same_seps) return false;
  char sep = r.seps[1];
  if (GroupsAre(r, {4, 2, 2})) return sep == '-' || sep == '/';
  if (GroupsAre(r, {2, 2, 4})) return sep == '.' || sep == '/';
  return false;
}

bool Ipv4Shape(const Region& r) {
  if (r.group_count != 4 || !r.same_seps || r.seps[1] != '.') return false;
  for (size_t i = 0; i < 4; ++i) {
    if (r.groups[i] < 1 || r.groups[i] > 3) return false;
  }
  return true;
}

// An IBAN starting with the two capitals at `p`: exactly the country's
// length of letters and digits, in groups of four or compact.
std::optional<size_t> TryIban(std::string_view t, size_t p) {
  int want = IbanLength(t.substr(p, 2));
  if (want == 0) return std::nullopt;
  const size_t n = t.size();
  size_t i = p;
  int got = 0;
  while (i < n && got < want) {
    char c = t[i];
    if (IsUpper(c) || IsDigit(c)) {
      ++got;
      ++i;
    } else if (c == ' ' && got > 0 && got % 4 == 0 && i + 1 < n && IsAlnum(t[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (got != want || (i < n && IsWordChar(t[i]))) return std::nullopt;
  if (!IsValidIban(t.substr(p, i - p))) return std::nullopt;
  return i;
}

// The number starting at digit `s`; returns where to go on.
size_t ScanNumber(std::string_view t, size_t s, KeyContext& key, std::vector<PiiMatch>& out) {
  const size_t n = t.size();
  // Digits inside a word (hex ids, hashes, "n8n", "v2") or a later part of
  // a compound token ("...-4b5f-876f-..." in UUIDs, "1.2.3", "%20"): skip the
  // word. Only capitals may start a value (IBAN, NIE, NINO); a number that
  // continues after '-' or '.' was read whole from its first digit.
  if (s > 0 && ((IsWordChar(t[s - 1]) && !IsUpper(t[s - 1])) || t[s - 1] == '%' ||
                ((t[s - 1] == '-' || t[s - 1] == '.') && s >= 2 && IsAlnum(t[s - 2])))) {
    return WordEnd(t, s);
  }
  // Letters first: IBAN "DE89...", NIE "X1234567L", NINO "AB123456C".
  if (s >= 2 && IsUpper(t[s - 1]) && IsUpper(t[s - 2]) && (s == 2 || !IsWordChar(t[s - 3]))) {
    if (auto end = TryIban(t, s - 2)) {
      Add(out, PersonalKind::kIban, s - 2, *end);
      return *end;
    }
  }
  Region r = ReadRegion(t, s);
  const size_t e = r.end;
  const char after = e < n ? t[e] : ' ';
  const char after2 = e + 1 < n ? t[e + 1] : ' ';

  // Letter-prefixed national ids.
  if (r.digits == 6 && s >= 2) {
    size_t p = s;
    if (t[p - 1] == ' ' && p >= 3) --p;
    if (p >= 2 && IsUpper(t[p - 1]) && IsUpper(t[p - 2]) && (p == 2 || !IsWordChar(t[p - 3])) &&
        (r.group_count == 1 || (GroupsAre(r, {2, 2, 2}) && r.same_seps && r.seps[1] == ' '))) {
      size_t q = e;
      if (q < n && t[q] == ' ') ++q;
      if (q < n && t[q] >= 'A' && t[q] <= 'D' && (q + 1 == n || !IsWordChar(t[q + 1]))) {
        if (IsValidUkNino(t.substr(p - 2, q + 1 - (p - 2)))) {
          Add(out, PersonalKind::kUkNino, p - 2, q + 1);
          return q + 1;
        }
      }
    }
  }
  if (r.group_count == 1 && r.digits == 7 && s >= 1 &&
      (t[s - 1] == 'X' || t[s - 1] == 'Y' || t[s - 1] == 'Z') &&
      (s == 1 || !IsWordChar(t[s - 2])) && IsUpper(after) && !IsWordChar(after2)) {
    if (IsValidEsNie(t.substr(s - 1, 9))) {
      Add(out, PersonalKind::kEsNie, s - 1, e + 1);
      return e + 1;
    }
  }

  // Everything else is a number standing on its own.
  size_t p = s;
  if (s > 0 && (t[s - 1] == '+' || t[s - 1] == '(')) p = s - 1;
  if (p > 0 && (IsWordChar(t[p - 1]) || t[p - 1] == '.' || t[p - 1] == '+' || t[p - 1] == '-' ||
                t[p - 1] == '/')) {
    return e;
  }
  // Spanish DNI: 8 digits and the control letter.
  if (r.group_count == 1 && r.digits == 8 && p == s) {
    size_t q = e;
    if (q < n && (t[q] == '-' || t[q] == ' ') && q + 1 < n && IsUpper(t[q + 1])) ++q;
    if (q < n && IsUpper(t[q]) && (q + 1 == n || !IsWordChar(t[q + 1])) &&
        IsValidEsDni(t.substr(s, q + 1 - s))) {
      Add(out, PersonalKind::kEsDni, s, q + 1);
      return q + 1;
    }
  }
  // Part of something longer: a word, a decimal, a time ("10:12"), or an id
  // that goes on after a dash (UUIDs, MAC addresses).
  if (IsWordChar(after) || ((after == ',' || after == '.' || after == ':') && IsDigit(after2)) ||
      (after == '-' && IsAlnum(after2))) {
    return e;
  }

  if (Ipv4Shape(r)) {
    if (key.Topic() == "ip-address" ||
        KeywordBefore(t, p, {"ip:", "ip ", "ip=", "ip-", "ipv4", "adresse ip", "direccion ip"})) {
      if (IsPublicIpv4(t.substr(s, e - s))) Add(out, PersonalKind::kIpAddress, s, e);
    }
    return e;
  }
  if (r.digits < 7) return e;
  const std::string_view text = t.substr(p, e - p);
  const std::string_view digits_text = t.substr(s, e - s);

  // A date followed by more numbers ("2024-09-02 10:12") is a timestamp.
  if (r.group_count > 3 && r.same_seps == false &&
      ((r.groups[0] == 4 && r.groups[1] == 2 && r.groups[2] == 2) ||
       (r.groups[0] == 2 && r.groups[1] == 2 && r.groups[2] == 4)) &&
      r.seps[1] == r.seps[2] && r.seps[1] != ' ') {
    return e;
  }
  if (DateShape(r)) {
    if (key.Topic() == "date-of-birth" ||
        KeywordBefore(t, p,
                      {"born", "birth", "dob", "geboren", "geburt", "naissance", "né le", "née le",
                       "nacimiento", "nacido", "nacida"})) {
      if (IsPlausibleBirthDate(digits_text)) Add(out, PersonalKind::kDateOfBirth, s, e);
    }
    return e;
  }
  if (p == s && r.digits >= 12 && r.digits <= 19 && CardShape(r) &&
      IsValidCardNumber(digits_text)) {
    Add(out, PersonalKind::kCardNumber, s, e);
    return e;
  }
  if (p == s && r.digits == 9) {
    bool dashed = GroupsAre(r, {3, 2, 4}) && r.same_seps && (r.seps[1] == '-' || r.seps[1] == ' ');
    if (dashed || (r.group_count == 1 && (key.Topic() == "national-id" ||
                                          KeywordBefore(t, p, {"ssn", "social security"})))) {
      if (IsValidUsSsn(digits_text)) {
        Add(out, PersonalKind::kUsSsn, s, e);
        return e;
      }
    }
  }
  if (p == s && r.digits == 15 &&
      (r.group_count == 1 || GroupsAre(r, {1, 2, 2, 2, 3, 3, 2}) || GroupsAre(r, {13, 2})) &&
      r.same_seps && IsValidFrNir(digits_text)) {
    Add(out, PersonalKind::kFrNir, s, e);
    return e;
  }
  if (p == s && r.digits == 11 && (r.group_count == 1 || GroupsAre(r, {2, 3, 3, 3})) &&
      (key.Topic() == "tax-id" ||
       KeywordBefore(t, p,
                     {"steuer", "idnr", "identifikationsnummer", "tax id", "tax-id", "taxid"}))) {
    if (IsValidDeTaxId(digits_text)) {
      Add(out, PersonalKind::kDeTaxId, s, e);
      return e;
    }
  }
  if (r.digits <= 17) {
    bool bare_ok = r.group_count == 1 && p == s && key.Topic() == "phone";
    if (IsValidPhoneNumber(text, bare_ok)) {
      Add(out, PersonalKind::kPhone, p, e);
    }
  }
  return e;
}

}  // namespace

bool MayHoldPersonalData(std::string_view text) {
  for (char c : text) {
    if (kStop[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

void ScanPersonalData(std::string_view t, std::string_view key, std::vector<PiiMatch>& out) {
  const size_t n = t.size();
  if (n < 6) return;
  KeyContext ctx(key);
  size_t i = 0;
  while (i < n) {
    i = NextStop(t, i);
    if (i >= n) break;
    if (t[i] == '@') {
      i = ScanEmail(t, i, out);
    } else {
      i = ScanNumber(t, i, ctx, out);
    }
  }
}

std::vector<PiiMatch> ScanPersonalData(std::string_view text, std::string_view key) {
  std::vector<PiiMatch> out;
  ScanPersonalData(text, key, out);
  return out;
}

}  // namespace fw::detect
