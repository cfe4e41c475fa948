// Zip archives (Power Platform solution packages, legacy flow export
// packages, zipped Logic Apps projects) opened in memory with libzip. Every
// JSON member, and every nested zip up to a depth limit, goes through
// ImportFile named `archive.zip!/inner/path`; XML members stay available to
// importers as companions through a SiblingReader over the archive.
//
// Hostile archives are bounded: members, total uncompressed bytes (shared by
// nested archives) and bytes per member are capped, and what was skipped is
// reported as a warning.
//
// Thread-safety: reentrant. The byte budget of nested archives lives in a
// thread_local scope set by the outermost call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/source.h"
#include "ingest/ingest.h"
#include "model/inventory.h"

namespace fw::ingest {

struct ArchiveLimits {
  size_t max_members = 20000;                // entries looked at per archive
  uint64_t max_total_bytes = 512ull << 20;   // uncompressed, all nesting levels together
  uint64_t max_member_bytes = 128ull << 20;  // one member
  int max_depth = 4;                         // archives inside archives
};

// True when the bytes start with a zip local file header ("PK\x03\x04") or
// are an empty archive ("PK\x05\x06").
bool LooksLikeZip(std::string_view bytes);

model::ImportResult ImportArchive(std::shared_ptr<const core::SourceFile> file,
                                  const SiblingReader* siblings,
                                  const ArchiveLimits& limits = ArchiveLimits());

}  // namespace fw::ingest
