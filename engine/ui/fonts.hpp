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
    float scale = 1.0f;
    // A workshop's audience view: sized to the projected window, not to the reading distance
    // of a laptop. Loaded only when asked for (audience_px > 0).
    ImFont* audience_body = nullptr;
    ImFont* audience_bold = nullptr;
    ImFont* audience_heading = nullptr;
    ImFont* audience_display = nullptr;
    float audience_px = 0;
};

// The audience view's body size for a window `height` pixels tall: about 24 lines of body
// text fill it, which reads from the back of a meeting room. Steps of 4 px, so that resizing
// the window does not rebuild the fonts at every pixel; at most 64 px, since the four
// audience sizes share one font texture (at a 4K screen's 88 px it would take 64 MB).
float audience_body_px(int height);

// Body text size in pixels at scale 1: large enough for comfortable reading on a laptop.
constexpr float body_size_px = 19.0f;

// Loads the fonts from `folder` into ImGui's atlas at `scale` (content scale times zoom).
// Falls back to ImGui's built-in font, saying why in `error`, when the files are missing.
// `audience_px` > 0 also loads the audience view's fonts at that body size.
bool load_fonts(const std::filesystem::path& folder, float scale, Fonts& fonts, std::string& error,
                float audience_px = 0);

}  // namespace deliberate::ui
