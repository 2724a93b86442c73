// The program's own words (not the scenarios'), in Dutch and English, from the catalogues in
// assets/i18n/LANG.json: flat objects of key to text, `{0}`, `{1}` ... marking arguments.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace deliberate {

// A language id as catalogues, scenarios and journals use it: two or three lower-case letters
// with an optional region ("nl", "en-GB", "es-419"). Checked before an id becomes part of a
// file name, so that a forged id such as "../../x" cannot name a file elsewhere.
bool is_language_id(std::string_view id);

class MessageCatalogue {
  public:
    MessageCatalogue() = default;

    // Loads `language` from `folder`, with English under it for keys the language lacks.
    // Returns false and says why in `error` when a catalogue is missing or malformed; the
    // texts loaded so far stay usable. A `language` that is not a language id loads English.
    bool load(const std::filesystem::path& folder, const std::string& language, std::string& error);

    const std::string& language() const { return language_; }
    // The text for `key`; the key itself when no catalogue has it, so a gap shows, not a blank.
    std::string get(std::string_view key) const;
    // The text with `{0}`, `{1}` ... replaced by `args`.
    std::string format(std::string_view key, std::initializer_list<std::string_view> args) const;

    // Every key of one catalogue file, for the test that both languages say everything.
    static bool read_catalogue(const std::filesystem::path& file,
                               std::unordered_map<std::string, std::string>& out,
                               std::string& error);

  private:
    std::string language_;
    std::unordered_map<std::string, std::string> texts_;
    std::unordered_map<std::string, std::string> fallback_;
};

}  // namespace deliberate
