// Stable, platform-independent hashing for finding ids and fingerprints.
// Not for security: FNV-1a 64 over the bytes given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fw::core {

uint64_t Fnv1a64(std::string_view data, uint64_t seed = 14695981039346656037ULL);
// 16 lowercase hex digits.
std::string Hex64(uint64_t value);

}  // namespace fw::core
