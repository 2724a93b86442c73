// The data folder and the journal files in it.
#include "deliberate/journal/data_folder.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "deliberate/support/safe_file.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

// Creates `folder` and its parents; the ones created are owner-only, since they hold
// people's answers.
void make_private_folder(const fs::path& folder) {
    std::string error;
    if (!make_private_folders(folder, error)) {
        throw std::runtime_error(error);
    }
}

}  // namespace

fs::path export_path(const fs::path& data, const fs::path& journal, const std::string& extension) {
    const fs::path folder = data / "exports";
    make_private_folder(folder);
    return folder / (journal.stem().string() + "." + extension);
}

fs::path resolve_data_folder(const std::string& flag) {
    if (!flag.empty()) {
        return flag;
    }
    if (const std::string data = env("DELIBERATE_DATA"); !data.empty()) {
        return data;
    }
    if (const std::string xdg = env("XDG_DATA_HOME"); !xdg.empty()) {
        return fs::path(xdg) / "deliberate";
    }
    if (const std::string home = env("HOME"); !home.empty()) {
        return fs::path(home) / ".local" / "share" / "deliberate";
    }
    throw std::runtime_error(
        "no data folder: give --data DIR, or set DELIBERATE_DATA, XDG_DATA_HOME or HOME");
}

std::string data_folder_warning(const fs::path& data) {
    struct stat info {};
    if (::stat(data.c_str(), &info) != 0 || (info.st_mode & (S_IWGRP | S_IWOTH)) == 0) {
        return {};
    }
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return data.string() + ": the data folder can be written by other users (mode " + mode +
           "), who could change or plant session records; make it yours only: chmod 700 " +
           data.string();
}

fs::path new_journal_path(const fs::path& data, const std::string& scenario_id,
                          const std::string& participant) {
    const fs::path folder = data / "sessions" / scenario_id;
    make_private_folder(folder);
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    return folder / (std::string(stamp) + "-" + participant + ".jsonl");
}

std::vector<fs::path> list_journals(const fs::path& data, const std::string& scenario_id) {
    std::vector<fs::path> out;
    const fs::path root = scenario_id.empty() ? data / "sessions" : data / "sessions" / scenario_id;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        return out;
    }
    for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
        if (ec) {
            break;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".jsonl") {
            out.push_back(it->path());
        }
    }
    // Names start with the UTC time, so by file name is by age within a scenario.
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
    });
    return out;
}

}  // namespace deliberate
