// The desktop app's settings: a round trip, and bad values falling back one by one.
#include <doctest/doctest.h>

#include "journal_support.hpp"
#include "settings.hpp"

using namespace deliberate;

TEST_CASE("settings survive a round trip, and bad values fall back one by one") {
    test::TempDir dir;
    const auto file = dir / "config" / "deliberate" / "settings.json";
    std::string warning, error;
    Settings defaults = load_settings(file, warning);
    CHECK(warning.empty());
    CHECK(defaults.language == "nl");
    Settings s;
    s.language = "en";
    s.theme = "dark";
    s.zoom = 1.5f;
    s.volume = 0.25f;
    s.muted = true;
    s.window_x = 10;
    s.window_y = 20;
    s.window_width = 900;
    s.window_height = 700;
    CHECK(defaults.share_results.empty());  // sharing is off until the participant chooses
    s.share_results = "yes";
    s.results_folder = "/mnt/integrity/results";
    REQUIRE(save_settings(file, s, error));
    const Settings back = load_settings(file, warning);
    CHECK(warning.empty());
    CHECK(back.language == "en");
    CHECK(back.theme == "dark");
    CHECK(back.zoom == doctest::Approx(1.5));
    CHECK(back.volume == doctest::Approx(0.25));
    CHECK(back.muted);
    CHECK(back.window_width == 900);
    CHECK(back.share_results == "yes");
    CHECK(back.results_folder == "/mnt/integrity/results");

    test::write_bytes(
        file,
        R"({"language": "de", "zoom": 40, "theme": "dark", "volume": "loud", "share_results": "always"})");
    const Settings bad = load_settings(file, warning);
    CHECK(bad.language == "nl");
    CHECK(bad.zoom == doctest::Approx(1.0));
    CHECK(bad.theme == "dark");
    CHECK(warning.find("language, zoom, volume") != std::string::npos);
    CHECK(bad.share_results.empty());
    CHECK(warning.find("share_results") != std::string::npos);
    test::write_bytes(file, "not json");
    CHECK(load_settings(file, warning).language == "nl");
    CHECK(warning.find("not a JSON object") != std::string::npos);
}
