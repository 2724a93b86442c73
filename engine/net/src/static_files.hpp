// The participants' page: the files directly in assets/web/, read once when the server starts
// and served from memory by exact name, so no request can reach any other file.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace deliberate::net {

struct StaticFile {
    std::string body;
    std::string content_type;
};

class StaticFiles {
  public:
    // Throws std::runtime_error when the folder has no index.html.
    explicit StaticFiles(const std::filesystem::path& folder);
    // The file for a request path ("/" is index.html); nullptr for anything else.
    const StaticFile* find(std::string_view path) const;

  private:
    std::map<std::string, StaticFile, std::less<>> files_;
};

}  // namespace deliberate::net
