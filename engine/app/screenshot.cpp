// Framebuffer to PNG with stb_image_write.
#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <vector>

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
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (stbi_write_png(file.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
        error = file.string() + ": cannot write the PNG";
        return false;
    }
    return true;
}

}  // namespace deliberate::app
