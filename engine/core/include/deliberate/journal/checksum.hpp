// Checksums: CRC-32 guards each journal line against torn writes and flipped bytes; a content
// hash tells whether a scenario file changed since a journal was recorded against it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace deliberate {

// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): detects every burst error of up to
// 32 bits, so any single flipped byte in a line.
std::uint32_t crc32(std::string_view bytes);

// "fnv1a64:" and 16 hex digits of the 64-bit FNV-1a hash of `bytes`: cheap, stable across
// platforms, and enough to notice an edited file (not meant to resist tampering).
std::string content_hash(std::string_view bytes);

}  // namespace deliberate
