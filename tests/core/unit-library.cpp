// The scenario library as the launcher lists it: loaded files, broken ones, and filters.
#include <doctest/doctest.h>

#include <filesystem>

#include "deliberate/scenario/library.hpp"
#include "journal_support.hpp"

using namespace deliberate;

TEST_CASE("the library lists scenario files, loaded or with their errors, and filters them") {
    const auto valid =
        scan_library(std::string(DELIBERATE_TEST_DATA) + "/valid", test::source_resources());
    REQUIRE(valid.size() == 2);  // full-featured.json and minimal.json; not models or values
    CHECK(valid[0].file.filename() == "full-featured.json");
    CHECK(valid[0].ok());
    CHECK(valid[1].ok());
    const auto tags = library_tags(valid);
    REQUIRE_FALSE(tags.empty());
    CHECK(library_matches(valid[0], "", tags[0], "en"));
    CHECK_FALSE(library_matches(valid[0], "", "no-such-tag", "en"));
    CHECK(library_matches(valid[0], "EVERYTHING", "", "en"));  // the title, any case
    CHECK_FALSE(library_matches(valid[0], "zebra", "", "en"));

    test::TempDir dir;
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/invalid/missing-start.json",
                               dir / "b.json");
    test::write_bytes(dir / "notes.json", R"({"not": "a scenario"})");
    const auto broken = scan_library(dir.path(), test::source_resources());
    REQUIRE(broken.size() == 1);
    CHECK_FALSE(broken[0].ok());
    CHECK_FALSE(broken[0].diagnostics.empty());
    CHECK(library_matches(broken[0], "b.js", "", "en"));  // a broken file, by its name
    CHECK_FALSE(library_matches(broken[0], "", tags[0], "en"));
}
