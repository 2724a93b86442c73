// The checksums of the journal (CRC-32 per line) and of scenario files (FNV-1a 64), against
// their published check values, and what each detects.
#include <doctest/doctest.h>

#include <string>

#include "deliberate/journal/checksum.hpp"

using namespace deliberate;

TEST_CASE("checksums match their published check values") {
    CHECK(crc32("123456789") == 0xCBF43926u);
    CHECK(crc32("") == 0u);
    CHECK(content_hash("") == "fnv1a64:cbf29ce484222325");
    CHECK(content_hash("a") == "fnv1a64:af63dc4c8601ec8c");
}

TEST_CASE("a flipped bit or a torn line changes the CRC") {
    const std::string line = R"({"seq":3,"type":"answer","step":"question","text":"Ja"})";
    const std::uint32_t whole = crc32(line);
    std::string flipped = line;
    flipped[20] = static_cast<char>(flipped[20] ^ 0x01);
    CHECK(crc32(flipped) != whole);
    CHECK(crc32(line.substr(0, line.size() - 1)) != whole);
    CHECK(content_hash(line) != content_hash(flipped));
    CHECK(content_hash(line) == content_hash(std::string(line)));  // a pure function of the bytes
}
