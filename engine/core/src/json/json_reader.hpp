// Reading typed fields out of a JSON tree while reporting, with JSON pointers, everything that
// does not fit: missing and unknown fields, wrong types, bad ids and missing translations.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"
#include "deliberate/support/diagnostic.hpp"
#include "json/json_value.hpp"

namespace deliberate::detail {

// A JSON pointer built on the stack as the reader descends; turned into text only when a
// diagnostic needs it, so a clean load allocates nothing for paths.
class Path {
  public:
    static Path root() { return Path(); }
    Path operator/(std::string_view key) const { return Path(this, key, 0, false); }
    Path operator[](std::size_t index) const { return Path(this, {}, index, true); }
    std::string str() const;

  private:
    Path() = default;
    Path(const Path* parent, std::string_view key, std::size_t index, bool is_index)
        : parent_(parent), key_(key), index_(index), is_index_(is_index) {}

    const Path* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

bool is_valid_id(std::string_view id);
// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);
// "did you mean `x`?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// `a`, `b` or `c`
std::string quoted_list(const std::vector<std::string>& words, const char* last_joiner = "or");

class JsonReader {
  public:
    explicit JsonReader(Diagnostics& diagnostics) : diag(diagnostics) {}

    Diagnostics& diag;
    // Languages every text must have; empty while unknown (no translation checks then).
    std::vector<std::string> languages;
    // Whether a plain string counts as text in the single language (scenarios: yes).
    bool plain_strings_allowed = true;
    // Called for every string of every text read, e.g. to check placeholders.
    std::function<void(std::string_view, const Path&)> on_text;

    bool expect_object(const JsonValue& value, const Path& path, std::string_view what);
    bool expect_array(const JsonValue& value, const Path& path, std::string_view what);
    // Reports every key of `object` not in `allowed`. `elsewhere` may explain a key that
    // belongs to another kind of object (returns "" when it does not).
    void check_fields(const JsonValue& object, const Path& path,
                      std::initializer_list<std::string_view> allowed,
                      const std::function<std::string(std::string_view)>& elsewhere = {});

    // Looks up `key`; reports F002 when it is required and missing.
    const JsonValue* field(const JsonValue& object, const Path& path, std::string_view key,
                           bool required);

    std::optional<std::string> string_field(const JsonValue& object, const Path& path,
                                            std::string_view key, bool required);
    std::optional<std::string> id_field(const JsonValue& object, const Path& path,
                                        std::string_view key, bool required);
    std::optional<std::string> id_value(const JsonValue& value, const Path& path);
    std::optional<bool> bool_field(const JsonValue& object, const Path& path, std::string_view key);
    // A list of ids, each checked for the id rule and for repeats.
    std::vector<std::string> id_list_field(const JsonValue& object, const Path& path,
                                           std::string_view key, bool required);

    LocalisedText text_field(const JsonValue& object, const Path& path, std::string_view key,
                             bool required);
    LocalisedText text_value(const JsonValue& value, const Path& path);
    std::vector<LocalisedText> text_list_field(const JsonValue& object, const Path& path,
                                               std::string_view key, bool required, bool non_empty);

    void wrong_type(const JsonValue& value, const Path& path, std::string_view expected);
};

}  // namespace deliberate::detail
