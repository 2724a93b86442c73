// Framebuffer to PNG with stb_image_write.
#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <string>
#include <vector>

#include "deliberate/support/safe_file.hpp"

namespace deliberate::app {

bool save_screenshot(const std::filesystem::path& file, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no size";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    stbi_flip_vertically_on_write(1);
    std::string png;
    const auto collect = [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
    };
    if (stbi_write_png_to_func(collect, &png, width, height, 4, pixels.data(), width * 4) == 0) {
        error = file.string() + ": cannot encode the PNG";
        return false;
    }
    return (file.parent_path().empty() || make_private_folders(file.parent_path(), error)) &&
           write_file_atomically(file, png, error, Durability::none);
}

}  // namespace deliberate::app
