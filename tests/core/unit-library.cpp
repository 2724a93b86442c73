// The scenario library as the launcher lists it: loaded files, broken ones, and filters.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "deliberate/scenario/library.hpp"
#include "deliberate/scenario/resources.hpp"
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
    // Lengths: full-featured takes 15 minutes, minimal gives none.
    CHECK(within_length(valid[0], 0));
    CHECK(within_length(valid[0], 30));
    CHECK(within_length(valid[0], 15));
    CHECK_FALSE(within_length(valid[0], 10));
    CHECK(within_length(valid[1], 0));
    CHECK_FALSE(within_length(valid[1], 60));

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

TEST_CASE("the launcher lists an organisation's own scenarios after the shipped library") {
    test::TempDir shipped;
    test::TempDir system;
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/valid/minimal.json",
                               shipped / "a.json");
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/valid/minimal.json",
                               system / "province.json");
    test::write_bytes(system / "organisation.json", R"({"not": "a scenario"})");

    ::setenv("DELIBERATE_SYSTEM_SCENARIOS", system.path().c_str(), 1);
    CHECK(system_scenarios_dir() == system.path());
    const auto folders = library_folders(shipped.path());
    const auto entries = scan_libraries(folders, test::source_resources());
    REQUIRE(folders.size() == 2);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].file == shipped / "a.json");
    CHECK(entries[1].file == system / "province.json");
    CHECK(entries[1].ok());
    // The same folder twice would show every card twice.
    CHECK(library_folders(system.path()).size() == 1);

    // Set and empty: no system folder; a folder that does not exist is skipped.
    ::setenv("DELIBERATE_SYSTEM_SCENARIOS", "", 1);
    CHECK(library_folders(shipped.path()).size() == 1);
    ::setenv("DELIBERATE_SYSTEM_SCENARIOS", (system / "absent").c_str(), 1);
    CHECK(library_folders(shipped.path()).size() == 1);
    ::unsetenv("DELIBERATE_SYSTEM_SCENARIOS");
    CHECK(system_scenarios_dir() == "/etc/deliberate/scenarios");
}

TEST_CASE("the dilemma cards come after the full scenarios") {
    test::TempDir shipped;
    std::filesystem::create_directory(shipped / "cards");
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/valid/minimal.json",
                               shipped / "cards" / "a-card.json");
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/valid/minimal.json",
                               shipped / "z-case.json");
    ::setenv("DELIBERATE_SYSTEM_SCENARIOS", "", 1);
    const auto folders = library_folders(shipped.path());
    ::unsetenv("DELIBERATE_SYSTEM_SCENARIOS");
    REQUIRE(folders.size() == 2);
    const auto entries = scan_libraries(folders, test::source_resources());
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].file == shipped / "z-case.json");
    CHECK(entries[1].file == shipped / "cards" / "a-card.json");
}

TEST_CASE("an installed program finds the library under PREFIX/share/deliberate") {
    test::TempDir prefix;
    const auto share = prefix / "share/deliberate";
    std::filesystem::create_directories(prefix / "bin");
    std::filesystem::create_directories(share / "scenarios/models");
    test::write_bytes(prefix / "bin/deliberate", "");
    const LoadOptions found = locate_resources(prefix / "bin/deliberate");
    CHECK(found.shipped_models_dir == share / "scenarios/models");
    CHECK(found.shipped_values_file == share / "scenarios/values.json");
    CHECK(found.assets_dir == share / "assets");
    CHECK(library_folders(found.shipped_models_dir.parent_path())[0] == share / "scenarios");
}
