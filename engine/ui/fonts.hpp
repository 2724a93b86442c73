// The shipped DejaVu Sans at the sizes the views use, rebuilt whenever the scale changes so
// that text is rasterised at its real pixel size (crisp at any zoom), never stretched.
#pragma once

#include <filesystem>
#include <string>

struct ImFont;

namespace deliberate::ui {

struct Fonts {
    ImFont* body = nullptr;     // reading text
    ImFont* bold = nullptr;     // emphasis in body size
    ImFont* heading = nullptr;  // titles of screens and cards
    ImFont* display = nullptr;  // very large: the audience view of a workshop
    float scale = 1.0f;
};

// Body text size in pixels at scale 1: large enough for comfortable reading on a laptop.
constexpr float body_size_px = 19.0f;

// Loads the fonts from `folder` into ImGui's atlas at `scale` (content scale times zoom).
// Falls back to ImGui's built-in font, saying why in `error`, when the files are missing.
bool load_fonts(const std::filesystem::path& folder, float scale, Fonts& fonts, std::string& error);

}  // namespace deliberate::ui
