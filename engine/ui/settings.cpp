// Reading and writing settings.json.
#include "settings.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "deliberate/support/safe_file.hpp"

namespace deliberate {

namespace fs = std::filesystem;

fs::path settings_file() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        return fs::path(xdg) / "deliberate" / "settings.json";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return fs::path(home) / ".config" / "deliberate" / "settings.json";
    }
    return {};
}

Settings load_settings(const fs::path& file, std::string& warning) {
    Settings s;
    std::error_code ec;
    if (file.empty() || !fs::exists(file, ec)) {
        return s;
    }
    std::string bytes;
    std::string error;
    if (!read_regular_file(file, bytes, error)) {
        warning = file.string() + ": " + error + "; using the default settings";
        return s;
    }
    const auto root = nlohmann::json::parse(bytes, nullptr, false);
    if (!root.is_object()) {
        warning = file.string() + " is not a JSON object; using the default settings";
        return s;
    }
    std::string bad;
    const auto read = [&](const char* key, auto& out, auto valid) {
        const auto it = root.find(key);
        if (it == root.end()) {
            return;
        }
        using T = std::decay_t<decltype(out)>;
        bool ok = false;
        if constexpr (std::is_same_v<T, std::string>) {
            ok = it->is_string() && valid(it->template get<std::string>());
        } else if constexpr (std::is_same_v<T, bool>) {
            ok = it->is_boolean();
        } else {
            ok = it->is_number() && valid(it->template get<T>());
        }
        if (ok) {
            out = it->template get<T>();
        } else {
            bad += (bad.empty() ? "" : ", ") + std::string(key);
        }
    };
    const auto any = [](const auto&) { return true; };
    read("language", s.language, [](const std::string& v) { return v == "nl" || v == "en"; });
    read("theme", s.theme, [](const std::string& v) { return v == "light" || v == "dark"; });
    read("zoom", s.zoom, [](float v) { return v >= min_zoom && v <= max_zoom; });
    read("volume", s.volume, [](float v) { return v >= 0.0f && v <= 1.0f; });
    read("muted", s.muted, any);
    read("window_x", s.window_x, any);
    read("window_y", s.window_y, any);
    read("window_width", s.window_width, [](int v) { return v >= 320 && v <= 16384; });
    read("window_height", s.window_height, [](int v) { return v >= 240 && v <= 16384; });
    read("maximized", s.maximized, any);
    read("share_results", s.share_results,
         [](const std::string& v) { return v.empty() || v == "yes" || v == "no"; });
    read("results_folder", s.results_folder, any);
    if (!bad.empty()) {
        warning = file.string() + ": ignored " + bad + " (out of range or of the wrong type)";
    }
    return s;
}

bool save_settings(const fs::path& file, const Settings& s, std::string& error) {
    const nlohmann::json root = {{"language", s.language},
                                 {"theme", s.theme},
                                 {"zoom", s.zoom},
                                 {"volume", s.volume},
                                 {"muted", s.muted},
                                 {"window_x", s.window_x},
                                 {"window_y", s.window_y},
                                 {"window_width", s.window_width},
                                 {"window_height", s.window_height},
                                 {"maximized", s.maximized},
                                 {"share_results", s.share_results},
                                 {"results_folder", s.results_folder}};
    if (!make_private_folders(file.parent_path(), error)) {
        return false;
    }
    return write_file_atomically(file, root.dump(2) + "\n", error);
}

}  // namespace deliberate
