// Asset lookup: beside the scenario, then in assets/, with links resolved and never leading
// out of those folders, and names with a NUL refused rather than cut short.
#include "deliberate/scenario/asset_paths.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include "journal_support.hpp"

using namespace deliberate;
namespace fs = std::filesystem;

TEST_CASE("an asset is looked up beside the scenario, then in assets/") {
    test::TempDir dir;
    fs::create_directories(dir / "scenario" / "images");
    fs::create_directories(dir / "assets" / "sounds");
    test::write_bytes(dir / "scenario" / "images" / "office.png", "png");
    test::write_bytes(dir / "assets" / "sounds" / "step-done.wav", "wav");
    const fs::path scenario_file = dir / "scenario" / "s.json";
    CHECK(find_asset(scenario_file, dir / "assets", "images/office.png") ==
          fs::canonical(dir / "scenario" / "images" / "office.png"));
    CHECK(find_asset(scenario_file, dir / "assets", "sounds/step-done.wav") ==
          fs::canonical(dir / "assets" / "sounds" / "step-done.wav"));
    CHECK(find_asset(scenario_file, dir / "assets", "sounds/none.wav").empty());
    CHECK(find_asset(scenario_file, dir / "assets", "../scenario/images/office.png").empty());
}

TEST_CASE("a link beside the scenario that leads out is refused, not passed over") {
    test::TempDir dir;
    fs::create_directories(dir / "scenario" / "sounds");
    fs::create_directories(dir / "assets" / "sounds");
    test::write_bytes(dir / "assets" / "sounds" / "step-done.wav", "wav");
    test::write_bytes(dir / "secret", "root:x:0:0\n");
    // Planted to shadow the shipped sound of the same name.
    fs::create_symlink(dir / "secret", dir / "scenario" / "sounds" / "step-done.wav");
    const fs::path scenario_file = dir / "scenario" / "s.json";
    CHECK(find_asset(scenario_file, dir / "assets", "sounds/step-done.wav").empty());
    CHECK(locate_asset(dir / "scenario", dir / "assets", "sounds/step-done.wav").problem ==
          AssetLocation::Problem::outside);
    // A link that stays inside the folder is fine.
    test::write_bytes(dir / "scenario" / "sounds" / "real.wav", "wav");
    fs::create_symlink("real.wav", dir / "scenario" / "sounds" / "alias.wav");
    CHECK(find_asset(scenario_file, dir / "assets", "sounds/alias.wav") ==
          fs::canonical(dir / "scenario" / "sounds" / "real.wav"));
}

TEST_CASE("an asset that is no regular file, or whose name holds a NUL, is refused") {
    test::TempDir dir;
    fs::create_directories(dir / "scenario" / "images");
    REQUIRE(::mkfifo((dir / "scenario" / "images" / "pipe.png").c_str(), 0600) == 0);
    test::write_bytes(dir / "scenario" / "images" / "office.png", "png");
    CHECK(locate_asset(dir / "scenario", {}, "images/pipe.png").problem ==
          AssetLocation::Problem::not_regular);
    CHECK(locate_asset(dir / "scenario", {}, "images").problem ==
          AssetLocation::Problem::not_regular);
    CHECK(locate_asset(dir / "scenario", {}, std::string("images/office.png\0.wav", 22)).problem ==
          AssetLocation::Problem::nul_in_name);
}
