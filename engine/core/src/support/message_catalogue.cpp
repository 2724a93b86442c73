// Loading the UI text catalogues and filling in their arguments.
#include "deliberate/support/message_catalogue.hpp"

#include <nlohmann/json.hpp>

#include "deliberate/support/safe_file.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate {

bool is_language_id(std::string_view id) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t letters = 0;
    while (letters < id.size() && lower(id[letters])) {
        ++letters;
    }
    if (letters < 2 || letters > 3) {
        return false;
    }
    const std::string_view region = id.substr(letters);
    if (region.empty()) {
        return true;
    }
    if (region[0] != '-') {
        return false;
    }
    return (region.size() == 3 && upper(region[1]) && upper(region[2])) ||
           (region.size() == 4 && digit(region[1]) && digit(region[2]) && digit(region[3]));
}

bool MessageCatalogue::read_catalogue(const std::filesystem::path& file,
                                      std::unordered_map<std::string, std::string>& out,
                                      std::string& error) {
    std::string bytes;
    std::string why;
    if (!read_regular_file(file, bytes, why)) {
        error = file.string() + ": cannot read the UI text catalogue: " + why;
        return false;
    }
    const auto root = nlohmann::json::parse(bytes, nullptr, false);
    if (!root.is_object()) {
        error = file.string() + ": not a JSON object of texts";
        return false;
    }
    for (const auto& [key, value] : root.items()) {
        if (key == "$comment") {
            continue;
        }
        if (!value.is_string()) {
            error = file.string() + ": `" + key + "` is not a text";
            return false;
        }
        out[key] = value.get<std::string>();
    }
    return true;
}

bool MessageCatalogue::load(const std::filesystem::path& folder, const std::string& language,
                            std::string& error) {
    language_ = language;
    texts_.clear();
    fallback_.clear();
    const bool base = read_catalogue(folder / "en.json", fallback_, error);
    if (language == "en") {
        return base;
    }
    if (!is_language_id(language)) {
        language_ = "en";
        error = "`" + for_terminal(language) + "` is not a language id; the texts are in English";
        return false;
    }
    std::string own_error;
    if (!read_catalogue(folder / (language + ".json"), texts_, own_error)) {
        error = own_error;
        return false;
    }
    return base;
}

std::string MessageCatalogue::get(std::string_view key) const {
    const std::string k(key);
    if (const auto it = texts_.find(k); it != texts_.end()) {
        return it->second;
    }
    if (const auto it = fallback_.find(k); it != fallback_.end()) {
        return it->second;
    }
    return k;
}

std::string MessageCatalogue::format(std::string_view key,
                                     std::initializer_list<std::string_view> args) const {
    const std::string text = get(key);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) {
                out += *(args.begin() + n);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace deliberate
