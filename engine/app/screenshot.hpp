// Saving what the window shows as a PNG, for tests and for people documenting a workshop.
#pragma once

#include <filesystem>
#include <string>

namespace deliberate::app {

// Reads the current framebuffer (width x height) and writes it to `file`; false with
// `error` set when it cannot.
bool save_screenshot(const std::filesystem::path& file, int width, int height, std::string& error);

}  // namespace deliberate::app
