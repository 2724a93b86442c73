// Text in one or more languages, as authors write it; placeholders are resolved by the runtime.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deliberate {

class LocalisedText {
  public:
    LocalisedText() = default;

    void set(std::string language, std::string text);
    // The text in `language`; falls back to the first language present, then to "".
    const std::string& in(std::string_view language) const;
    bool has(std::string_view language) const;
    bool empty() const { return by_language_.empty(); }
    const std::vector<std::pair<std::string, std::string>>& all() const { return by_language_; }

  private:
    // A handful of languages at most: a vector beats a map here.
    std::vector<std::pair<std::string, std::string>> by_language_;
};

}  // namespace deliberate
