// Typed field access with diagnostics; shared by the scenario, model and catalogue loaders.
#include "json/json_reader.hpp"

#include <algorithm>

#include "deliberate/support/terminal_text.hpp"
#include "json/json_document.hpp"

namespace deliberate::detail {

std::string Path::str() const {
    if (parent_ == nullptr) {
        return {};
    }
    return parent_->str() + '/' + (is_index_ ? std::to_string(index_) : escape_pointer_token(key_));
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(id[0])) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '-'; });
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// An id that breaks the rule, explained by what is wrong with it.
std::string id_rule_problem(std::string_view id) {
    if (id.empty()) {
        return "an id cannot be empty";
    }
    if (id.size() > 64) {
        return "an id is at most 64 characters";
    }
    for (const char c : id) {
        if (c >= 'A' && c <= 'Z') {
            return "ids are lower case";
        }
        if (c == ' ') {
            return "ids use `-` between words, not spaces";
        }
        if (c == '_' || c == '.') {
            return std::string("ids use `-` between words, not `") + c + "`";
        }
    }
    if (id[0] == '-') {
        return "an id cannot start with `-`";
    }
    return "ids use only a-z, 0-9 and -";
}

std::string suggested_id(std::string_view id) {
    std::string out;
    for (const char c : id) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out.substr(0, 64);
}

std::string article_type(const JsonValue& value) {
    if (value.is_number()) {
        return "the number " + value.number_text();
    }
    const std::string name = value.type_name();
    if (name == "array" || name == "object") {
        return "an " + name;
    }
    return "a " + name;
}
}  // namespace

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d <= best_distance && candidate != word) {
            if (!best || d < best_distance) {
                best = candidate;
                best_distance = d;
            }
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const auto best = closest(word, candidates);
    return best ? "did you mean `" + *best + "`?" : std::string();
}

std::string quoted_list(const std::vector<std::string>& words, const char* last_joiner) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? std::string(" ") + last_joiner + " " : ", ";
        }
        out += '`' + words[i] + '`';
    }
    return out;
}

void JsonReader::wrong_type(const JsonValue& value, const Path& path, std::string_view expected) {
    diag.error("F003", path.str(),
               "expected " + std::string(expected) + ", found " + article_type(value));
}

bool JsonReader::expect_object(const JsonValue& value, const Path& path, std::string_view what) {
    if (value.is_object()) {
        return true;
    }
    wrong_type(value, path, what);
    return false;
}

bool JsonReader::expect_array(const JsonValue& value, const Path& path, std::string_view what) {
    if (value.is_array()) {
        return true;
    }
    wrong_type(value, path, what);
    return false;
}

void JsonReader::check_fields(const JsonValue& object, const Path& path,
                              std::initializer_list<std::string_view> allowed,
                              const std::function<std::string(std::string_view)>& elsewhere) {
    for (const JsonMember& member : object.members()) {
        const std::string_view key = member.key;
        if (std::any_of(allowed.begin(), allowed.end(),
                        [&](std::string_view name) { return same_key(name, key); })) {
            continue;
        }
        std::string hint = elsewhere ? elsewhere(key) : std::string();
        if (hint.empty()) {
            std::vector<std::string> names;
            for (const auto name : allowed) {
                if (name != "$schema") {
                    names.emplace_back(name);
                }
            }
            hint = did_you_mean(key, names);
            if (hint.empty()) {
                hint = "allowed here: " + quoted_list(names);
            }
        }
        diag.error("F004", (path / key).str(), "unknown field `" + std::string(key) + "`", hint);
    }
}

const JsonValue* JsonReader::field(const JsonValue& object, const Path& path, std::string_view key,
                                   bool required) {
    if (const JsonValue* value = object.find(key)) {
        return value;
    }
    if (required) {
        diag.error("F002", (path / key).str(), "missing required field `" + std::string(key) + "`");
    }
    return nullptr;
}

namespace {

// A text is shown in a terminal, a window and exports: a character that steers a terminal
// (ESC, C1) is an error, one that hides or reorders what the text says is a warning.
void check_text_characters(Diagnostics& diag, std::string_view text, const Path& path) {
    const auto found = find_unsafe_character(text);
    if (!found) {
        return;
    }
    if (found->kind == UnsafeKind::steering) {
        diag.error("T003", path.str(),
                   "the text holds the control character `" + found->shown + "` at byte " +
                       std::to_string(found->offset) + ", which can take over a terminal",
                   "remove it; texts are plain, their layout is the program's");
    } else {
        diag.warning("W010", path.str(),
                     "the text holds the invisible character `" + found->shown + "` at byte " +
                         std::to_string(found->offset) + ", which can hide or reorder what it says",
                     "remove it, or write the text so that it needs none");
    }
}

}  // namespace

std::optional<std::string> JsonReader::string_field(const JsonValue& object, const Path& path,
                                                    std::string_view key, bool required) {
    const JsonValue* value = field(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        wrong_type(*value, path / key, "a string");
        return std::nullopt;
    }
    // Plain strings (a model's source, an asset's path) are shown too: checked like texts.
    check_text_characters(diag, value->as_string(), path / key);
    return std::string(value->as_string());
}

std::optional<std::string> JsonReader::id_value(const JsonValue& value, const Path& path) {
    if (!value.is_string()) {
        wrong_type(value, path, "an id (a string such as \"my-id\")");
        return std::nullopt;
    }
    std::string id(value.as_string());
    if (!is_valid_id(id)) {
        const std::string suggestion = suggested_id(id);
        diag.error("F005", path.str(), "invalid id `" + id + "`: " + id_rule_problem(id),
                   suggestion.empty() ? "ids match [a-z0-9][a-z0-9-]*"
                                      : "ids match [a-z0-9][a-z0-9-]*, e.g. `" + suggestion + "`");
        return std::nullopt;
    }
    return id;
}

std::optional<std::string> JsonReader::id_field(const JsonValue& object, const Path& path,
                                                std::string_view key, bool required) {
    const JsonValue* value = field(object, path, key, required);
    return value ? id_value(*value, path / key) : std::nullopt;
}

std::optional<bool> JsonReader::bool_field(const JsonValue& object, const Path& path,
                                           std::string_view key) {
    const JsonValue* value = field(object, path, key, false);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        wrong_type(*value, path / key, "true or false");
        return std::nullopt;
    }
    return value->as_bool();
}

std::vector<std::string> JsonReader::id_list_field(const JsonValue& object, const Path& path,
                                                   std::string_view key, bool required) {
    std::vector<std::string> ids;
    const JsonValue* list = field(object, path, key, required);
    if (list == nullptr || !expect_array(*list, path / key, "a list of ids")) {
        return ids;
    }
    const Path list_path = path / key;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto id = id_value((*list)[i], list_path[i]);
        if (!id) {
            continue;
        }
        if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
            diag.error("F006", list_path[i].str(), "`" + *id + "` is listed twice");
            continue;
        }
        ids.push_back(std::move(*id));
    }
    return ids;
}

LocalisedText JsonReader::text_value(const JsonValue& value, const Path& path) {
    LocalisedText text;
    if (value.is_string()) {
        check_text_characters(diag, value.as_string(), path);
        if (!plain_strings_allowed) {
            diag.error("T001", path.str(), "text must be keyed by language here",
                       "write {\"nl\": \"...\", \"en\": \"...\"}");
        } else if (languages.size() > 1) {
            std::vector<std::string> rest(languages.begin() + 1, languages.end());
            diag.error(
                "T001", path.str(),
                "plain text in a scenario with " + std::to_string(languages.size()) +
                    " languages; missing translations: " + quoted_list(rest, "and"),
                "write {" +
                    [&] {
                        std::string keys;
                        for (const auto& lang : languages) {
                            keys += (keys.empty() ? "\"" : ", \"") + lang + "\": \"...\"";
                        }
                        return keys;
                    }() +
                    "}");
        }
        text.set(languages.empty() ? std::string() : languages.front(),
                 std::string(value.as_string()));
        if (on_text) {
            on_text(value.as_string(), path);
        }
        return text;
    }
    if (!value.is_object()) {
        wrong_type(value, path, "text (a string, or an object keyed by language)");
        return text;
    }
    for (const auto& [lang, translation] : value.members()) {
        const Path lang_path = path / lang;
        if (!translation.is_string()) {
            wrong_type(translation, lang_path, "a string");
            continue;
        }
        if (!languages.empty() &&
            std::find(languages.begin(), languages.end(), lang) == languages.end()) {
            diag.warning("W005", lang_path.str(),
                         "text in `" + std::string(lang) + "`, which is not among the languages " +
                             quoted_list(languages, "and") + "; it is ignored",
                         did_you_mean(lang, languages));
        }
        check_text_characters(diag, translation.as_string(), lang_path);
        if (on_text) {
            on_text(translation.as_string(), lang_path);
        }
        text.set(std::string(lang), std::string(translation.as_string()));
    }
    std::vector<std::string> missing;
    for (const auto& lang : languages) {
        if (!text.has(lang)) {
            missing.push_back(lang);
        }
    }
    if (!missing.empty()) {
        diag.error("T001", path.str(), "missing translation: " + quoted_list(missing, "and"));
    }
    return text;
}

LocalisedText JsonReader::text_field(const JsonValue& object, const Path& path,
                                     std::string_view key, bool required) {
    const JsonValue* value = field(object, path, key, required);
    return value ? text_value(*value, path / key) : LocalisedText();
}

std::vector<LocalisedText> JsonReader::text_list_field(const JsonValue& object, const Path& path,
                                                       std::string_view key, bool required,
                                                       bool non_empty) {
    std::vector<LocalisedText> texts;
    const JsonValue* list = field(object, path, key, required);
    if (list == nullptr || !expect_array(*list, path / key, "a list of texts")) {
        return texts;
    }
    const Path list_path = path / key;
    if (non_empty && list->empty()) {
        diag.error("F007", list_path.str(), "`" + std::string(key) + "` needs at least one text");
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        texts.push_back(text_value((*list)[i], list_path[i]));
    }
    return texts;
}

}  // namespace deliberate::detail
