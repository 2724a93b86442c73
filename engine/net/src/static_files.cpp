// Reading the participants' page into memory.
#include "static_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace deliberate::net {

namespace {

constexpr std::uintmax_t max_file_bytes = 1 << 20;

const char* content_type_of(const std::filesystem::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".html")
        return "text/html; charset=utf-8";
    if (ext == ".js")
        return "text/javascript; charset=utf-8";
    if (ext == ".css")
        return "text/css; charset=utf-8";
    if (ext == ".svg")
        return "image/svg+xml";
    if (ext == ".png")
        return "image/png";
    if (ext == ".ico")
        return "image/x-icon";
    return nullptr;
}

// Plain names only: the map's keys are what a request must match exactly.
bool plain_name(const std::string& name) {
    if (name.empty() || name[0] == '.')
        return false;
    for (const char c : name) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& folder) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const char* type = content_type_of(entry.path());
        if (!entry.is_regular_file() || entry.is_symlink() || type == nullptr ||
            !plain_name(name) || entry.file_size() > max_file_bytes) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files_["/" + name] = StaticFile{bytes.str(), type};
    }
    if (files_.find("/index.html") == files_.end()) {
        throw std::runtime_error("the participants' page is missing: no index.html in " +
                                 folder.string());
    }
}

const StaticFile* StaticFiles::find(std::string_view path) const {
    if (path == "/")
        path = "/index.html";
    const auto found = files_.find(path);
    return found == files_.end() ? nullptr : &found->second;
}

}  // namespace deliberate::net
