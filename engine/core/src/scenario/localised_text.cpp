// Localised text lookup with a predictable fallback.
#include "deliberate/scenario/localised_text.hpp"

namespace deliberate {

void LocalisedText::set(std::string language, std::string text) {
    for (auto& [lang, value] : by_language_) {
        if (lang == language) {
            value = std::move(text);
            return;
        }
    }
    by_language_.emplace_back(std::move(language), std::move(text));
}

const std::string& LocalisedText::in(std::string_view language) const {
    static const std::string empty_text;
    for (const auto& [lang, value] : by_language_) {
        if (lang == language) {
            return value;
        }
    }
    return by_language_.empty() ? empty_text : by_language_.front().second;
}

bool LocalisedText::has(std::string_view language) const {
    for (const auto& entry : by_language_) {
        if (entry.first == language) {
            return true;
        }
    }
    return false;
}

}  // namespace deliberate
