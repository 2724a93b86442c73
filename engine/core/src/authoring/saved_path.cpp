// Saved paths as files: where they live, how a journal becomes one, and their JSON form.
#include "deliberate/authoring/saved_path.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/support/safe_file.hpp"

namespace deliberate {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::size_t max_path_bytes = 4u * 1024u * 1024u;

std::optional<PathAction::Kind> action_kind(const std::string& name) {
    for (auto kind : {PathAction::Kind::continue_scene, PathAction::Kind::answer,
                      PathAction::Kind::back, PathAction::Kind::choose, PathAction::Kind::factor}) {
        if (name == path_action_name(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

Json encode_action(const PathAction& a) {
    Json j;
    j["do"] = path_action_name(a.kind);
    switch (a.kind) {
        case PathAction::Kind::continue_scene:
            j["at"] = a.at;
            j["to"] = a.to;
            break;
        case PathAction::Kind::answer:
            j["at"] = a.at;
            j["step"] = a.step;
            if (!a.picks.empty()) {
                j["picks"] = a.picks;
            }
            if (!a.text.empty()) {
                j["text"] = a.text;
            }
            if (a.scale) {
                j["scale"] = *a.scale;
            }
            break;
        case PathAction::Kind::back:
            j["at"] = a.at;
            j["step"] = a.step;
            break;
        case PathAction::Kind::choose:
            j["at"] = a.at;
            j["option"] = a.option;
            break;
        case PathAction::Kind::factor:
            j["factor"] = a.factor;
            j["value"] = a.value;
            break;
    }
    return j;
}

std::string string_member(const Json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) {
        return {};
    }
    if (!it->is_string()) {
        throw std::invalid_argument(std::string("`") + key + "` must be a string");
    }
    return it->get<std::string>();
}

PathAction decode_action(const Json& j) {
    if (!j.is_object()) {
        throw std::invalid_argument("each action must be an object");
    }
    const auto kind = action_kind(string_member(j, "do"));
    if (!kind) {
        throw std::invalid_argument("`do` must be continue, answer, back, choose or factor");
    }
    PathAction a;
    a.kind = *kind;
    a.at = string_member(j, "at");
    a.to = string_member(j, "to");
    a.step = string_member(j, "step");
    a.text = string_member(j, "text");
    a.option = string_member(j, "option");
    a.factor = string_member(j, "factor");
    a.value = string_member(j, "value");
    if (const auto it = j.find("picks"); it != j.end()) {
        a.picks = it->get<std::vector<std::string>>();
    }
    if (const auto it = j.find("scale"); it != j.end()) {
        a.scale = it->get<int>();
    }
    return a;
}

}  // namespace

const char* path_action_name(PathAction::Kind kind) {
    switch (kind) {
        case PathAction::Kind::continue_scene:
            return "continue";
        case PathAction::Kind::answer:
            return "answer";
        case PathAction::Kind::back:
            return "back";
        case PathAction::Kind::choose:
            return "choose";
        case PathAction::Kind::factor:
            return "factor";
    }
    return "?";
}

fs::path saved_paths_folder(const fs::path& scenario_file) {
    fs::path folder = scenario_file;
    folder.replace_extension(".paths");
    return folder;
}

std::vector<fs::path> list_saved_paths(const fs::path& scenario_file) {
    std::vector<fs::path> paths;
    std::error_code ec;
    for (fs::directory_iterator it(saved_paths_folder(scenario_file), ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) {
            paths.push_back(it->path());
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

bool valid_path_name(const std::string& name) {
    if (name.empty() || name.size() > 100 || name.front() == '.') {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

SavedPath path_from_journal(const JournalHeader& header, const std::vector<JournalEvent>& events) {
    SavedPath path;
    path.scenario_id = header.scenario_id;
    path.language = header.language;
    path.factors = header.factors;
    for (const JournalEvent& e : events) {
        PathAction a;
        a.at = e.node;
        switch (e.type) {
            case EventType::continue_scene:
                a.kind = PathAction::Kind::continue_scene;
                a.to = e.to;
                break;
            case EventType::answer:
                a.kind = PathAction::Kind::answer;
                a.step = e.step;
                a.picks = e.picks;
                a.text = e.text;
                a.scale = e.scale;
                break;
            case EventType::back:
                a.kind = PathAction::Kind::back;
                a.step = e.step;
                break;
            case EventType::choice:
                a.kind = PathAction::Kind::choose;
                a.option = e.option;
                break;
            case EventType::factor:
                a = PathAction{};
                a.kind = PathAction::Kind::factor;
                a.factor = e.factor;
                a.value = e.value;
                break;
            case EventType::end:
                path.ending = e.node;
                continue;
            default:
                continue;
        }
        path.actions.push_back(std::move(a));
    }
    return path;
}

std::string encode_saved_path(const SavedPath& path) {
    Json j;
    j["format"] = saved_path_format_id;
    j["scenario"] = path.scenario_id;
    j["language"] = path.language;
    Json factors = Json::object();
    for (const auto& [id, value] : path.factors) {
        factors[id] = value;
    }
    j["factors"] = factors;
    Json actions = Json::array();
    for (const PathAction& a : path.actions) {
        actions.push_back(encode_action(a));
    }
    j["actions"] = actions;
    j["ending"] = path.ending;
    return j.dump(2) + "\n";
}

std::optional<SavedPath> decode_saved_path(std::string_view bytes, std::string& error) {
    try {
        const Json j = Json::parse(bytes.begin(), bytes.end(), nullptr, true, false);
        if (!j.is_object() || string_member(j, "format") != saved_path_format_id) {
            error =
                std::string("not a saved path (`format` must be \"") + saved_path_format_id + "\")";
            return std::nullopt;
        }
        SavedPath path;
        path.scenario_id = string_member(j, "scenario");
        path.language = string_member(j, "language");
        path.ending = string_member(j, "ending");
        if (const auto it = j.find("factors"); it != j.end()) {
            for (const auto& [id, value] : it->items()) {
                path.factors.emplace_back(id, value.get<std::string>());
            }
        }
        if (const auto it = j.find("actions"); it != j.end()) {
            for (const Json& a : *it) {
                path.actions.push_back(decode_action(a));
            }
        }
        return path;
    } catch (const std::exception& e) {
        error = std::string("not a saved path: ") + e.what();
        return std::nullopt;
    }
}

bool save_path_file(const fs::path& file, const SavedPath& path, std::string& error) {
    std::error_code ec;
    if (file.has_parent_path()) {
        fs::create_directories(file.parent_path(), ec);
        if (ec) {
            error = "cannot create " + file.parent_path().string() + ": " + ec.message();
            return false;
        }
    }
    return write_file_atomically(file, encode_saved_path(path), error);
}

std::optional<SavedPath> load_path_file(const fs::path& file, std::string& error) {
    std::string bytes;
    if (!read_regular_file(file, bytes, error, max_path_bytes + 1)) {
        return std::nullopt;
    }
    if (bytes.size() > max_path_bytes) {
        error = "larger than 4 MiB";
        return std::nullopt;
    }
    return decode_saved_path(bytes, error);
}

}  // namespace deliberate
