// Decoding images and uploading them as textures.
#include "image_cache.hpp"

#include <GL/gl.h>
#include <stb_image.h>

#include "deliberate/scenario/asset_paths.hpp"
#include "deliberate/support/safe_file.hpp"

namespace deliberate::ui {

ImageCache::~ImageCache() {
    for (auto& [path, texture] : textures_) {
        if (texture.id != 0) {
            glDeleteTextures(1, &texture.id);
        }
    }
}

const Texture& ImageCache::get(const std::filesystem::path& file) {
    if (const auto it = textures_.find(file); it != textures_.end()) {
        return it->second;
    }
    Texture& texture = textures_[file];
    // Read as a regular file first: a FIFO or device put in an image's place must not stall
    // the window, and no image of ours comes near this size.
    std::string bytes;
    if (!read_regular_file(file, bytes, texture.error, 64u << 20)) {
        return texture;
    }
    int channels = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                  static_cast<int>(bytes.size()), &texture.width,
                                                  &texture.height, &channels, 4);
    if (pixels == nullptr) {
        const char* reason = stbi_failure_reason();
        texture.error = reason != nullptr ? reason : "cannot decode";
        return texture;
    }
    glGenTextures(1, &texture.id);
    glBindTexture(GL_TEXTURE_2D, texture.id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, texture.width, texture.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    return texture;
}

const Texture* ImageCache::asset(const std::filesystem::path& scenario_file,
                                 const std::filesystem::path& assets_dir, const std::string& name) {
    const std::string key = scenario_file.string() + '\n' + name;
    auto it = found_.find(key);
    if (it == found_.end()) {
        it = found_.emplace(key, find_asset(scenario_file, assets_dir, name)).first;
    }
    return it->second.empty() ? nullptr : &get(it->second);
}

}  // namespace deliberate::ui
