// The shared "never report" layer of secret detection: values and secrets
// that look like credentials to a pattern but are not, whatever rule matched.
// Platform ids, hashes under keys that say so, file contents, expressions,
// environment and credential references, placeholders. Pure functions.
#pragma once

#include <string_view>

namespace fw::detect {

// Keys whose values are identifiers of the platform or of a service, never
// credentials: id, uuid, webhookId, versionId, instanceId, nodeId, clientId,
// spreadsheetId, and any key ending in "Id"/"_id" (but not session ids).
bool IsIdentifierKey(std::string_view key);

// Keys that say their value is a digest: sha256, md5, checksum, hash, etag,
// integrity, digest, fingerprint (as words of the key, not substrings:
// "hashtags" is not a hash key).
bool IsDigestKey(std::string_view key);

// JSON pointers inside a credential reference ({"credentials": {...}}): ids
// and names of stored credentials, not the secrets themselves.
bool IsCredentialReferencePointer(std::string_view pointer);

// File contents: data: URIs with base64, and long runs of pure base64 with no
// other structure (images, PDFs pasted into a field).
bool IsFileContent(std::string_view value);

// 8-4-4-4-12 hex.
bool IsUuid(std::string_view s);

// The secret is (or holds) a reference computed at run time: {{ }}, ${...},
// @{...}, $env, $credentials, $json, process.env, %VAR%, $VAR.
bool IsReference(std::string_view secret);

// Values left for a person to fill in or shown as an example: <token>,
// YOUR_API_KEY, xxxx, ****, changeme, "example", 1234567890, one repeated
// character. Long random strings are not tested for short words, so a real
// 1,700-character key that happens to contain "here" is kept.
bool IsPlaceholderSecret(std::string_view secret);

}  // namespace fw::detect
