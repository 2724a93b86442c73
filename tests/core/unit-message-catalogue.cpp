// The program's own words: both catalogues say everything, with the same arguments.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "deliberate/support/message_catalogue.hpp"

using namespace deliberate;

namespace {

// The `{0}`, `{1}` ... a text takes, so that a translation cannot drop or invent an argument.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) {
            break;
        }
        const std::string inside = text.substr(open + 1, close - open - 1);
        if (!inside.empty() && inside.find_first_not_of("0123456789") == std::string::npos) {
            out.insert(inside);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the UI text catalogues say everything in both languages") {
    const std::filesystem::path folder = std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n";
    std::unordered_map<std::string, std::string> en, nl;
    std::string error;
    REQUIRE_MESSAGE(MessageCatalogue::read_catalogue(folder / "en.json", en, error), error);
    REQUIRE_MESSAGE(MessageCatalogue::read_catalogue(folder / "nl.json", nl, error), error);
    for (const auto& [key, text] : en) {
        CHECK_MESSAGE(nl.count(key) == 1, "nl.json lacks " << key);
        CHECK_MESSAGE(!text.empty(), "en.json has an empty " << key);
        if (nl.count(key) == 1) {
            CHECK_MESSAGE(placeholders(text) == placeholders(nl.at(key)),
                          "nl.json and en.json take different arguments in " << key);
        }
    }
    for (const auto& [key, text] : nl) {
        CHECK_MESSAGE(en.count(key) == 1, "en.json lacks " << key);
        CHECK_MESSAGE(!text.empty(), "nl.json has an empty " << key);
    }
    MessageCatalogue text;
    REQUIRE(text.load(folder, "nl", error));
    CHECK(text.format("play.step", {"1", "8", "De morele vraag"}) ==
          "Stap 1 van 8: De morele vraag");
    CHECK(text.get("no.such.key") == "no.such.key");
}

TEST_CASE("a placeholder a translation dropped would be seen") {
    CHECK(placeholders("Stap {0} van {1}: {2}") == std::set<std::string>{"0", "1", "2"});
    CHECK(placeholders("Step {0} of {1}") != placeholders("Step {0} of {1}: {2}"));
    CHECK(placeholders("{not a number} {}").empty());
}
