// Scenario images as OpenGL textures, decoded with stb_image once and kept while the view
// lives. A file that cannot be read gives no texture and a reason, never a crash.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace deliberate::ui {

struct Texture {
    unsigned int id = 0;  // 0 when the image could not be loaded
    int width = 0;
    int height = 0;
    std::string error;
};

class ImageCache {
  public:
    ImageCache() = default;
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;
    ~ImageCache();

    const Texture& get(const std::filesystem::path& file);
    // A scenario's image by the name it gives (beside the scenario, else among the shared
    // assets); null when no such file exists. The file is looked up on disk once per name.
    const Texture* asset(const std::filesystem::path& scenario_file,
                         const std::filesystem::path& assets_dir, const std::string& name);

  private:
    std::map<std::filesystem::path, Texture> textures_;
    std::map<std::string, std::filesystem::path> found_;  // scenario file + name: the file
};

}  // namespace deliberate::ui
