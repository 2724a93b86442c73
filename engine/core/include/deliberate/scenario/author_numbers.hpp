// Figures an author wants while writing: how long the scenario reads in each language, how
// big it is, and how complete each translation is.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// Silent reading speed for instructional text; a rough guide, not a promise.
constexpr int words_per_minute = 200;

struct LanguageNumbers {
    std::string language;
    std::size_t words = 0;
    double reading_minutes = 0;        // of every text in the file, not of one play-through
    std::size_t texts = 0;             // texts written in this language
    std::size_t texts_total = 0;       // texts written in any language
    std::vector<std::string> missing;  // node ids (or "scenario") with a text not in it

    double completeness() const {
        return texts_total == 0 ? 1.0 : static_cast<double>(texts) / texts_total;
    }
};

struct AuthorNumbers {
    std::size_t nodes = 0;
    std::size_t scenes = 0;
    std::size_t dilemmas = 0;
    std::size_t endings = 0;
    std::size_t options = 0;
    std::vector<LanguageNumbers> languages;  // in the scenario's order
};

AuthorNumbers author_numbers(const Scenario& scenario);

// Words as a reader counts them: runs of characters between spaces.
std::size_t count_words(const std::string& text);

}  // namespace deliberate
