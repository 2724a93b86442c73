// Font atlas building: every glyph Dutch and English text needs, at four sizes.
#include "fonts.hpp"

#include <imgui.h>

#include <algorithm>

namespace deliberate::ui {

namespace {

// Latin-1 and Latin Extended-A (ë, ï, é, ĳ ...), general punctuation (dashes, curly quotes,
// ellipsis, bullet), the euro sign, arrows and a few marks the views draw (✓, ✗, ●, ○).
const ImWchar glyph_ranges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190,
    0x2193, 0x2212, 0x2212, 0x25B2, 0x25BC, 0x25CB, 0x25CF, 0x2713, 0x2717, 0,
};

}  // namespace

float audience_body_px(int height) {
    const float px = static_cast<float>(height) / 24.0f;
    return std::clamp(4.0f * static_cast<float>(static_cast<int>(px / 4.0f)), 16.0f, 64.0f);
}

bool load_fonts(const std::filesystem::path& folder, float scale, Fonts& fonts, std::string& error,
                float audience_px) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::filesystem::path regular = folder / "DejaVuSans.ttf";
    const std::filesystem::path bold = folder / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    fonts.scale = scale;
    fonts.audience_px = audience_px;
    if (!std::filesystem::exists(regular, ec) || !std::filesystem::exists(bold, ec)) {
        error = "fonts not found in " + folder.string() + "; using the built-in font";
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        fonts.body = fonts.bold = fonts.heading = io.Fonts->AddFontDefault(&config);
        fonts.audience_body = fonts.audience_bold = fonts.audience_heading =
            fonts.audience_display = fonts.body;
        return false;
    }
    ImFontConfig config;
    // Glyphs snap to whole pixels, so horizontal oversampling would only cost start-up time.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const auto add = [&](const std::filesystem::path& file, float px) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), px, &config, glyph_ranges);
    };
    fonts.body = add(regular, body_size_px * scale);
    fonts.bold = add(bold, body_size_px * scale);
    fonts.heading = add(bold, body_size_px * 1.45f * scale);
    // The large sizes cost start-up time and atlas memory: only for an audience view.
    if (audience_px > 0) {
        fonts.audience_body = add(regular, audience_px);
        fonts.audience_bold = add(bold, audience_px);
        fonts.audience_heading = add(bold, audience_px * 1.3f);
        fonts.audience_display = add(bold, audience_px * 1.75f);
    } else {
        fonts.audience_body = fonts.body;
        fonts.audience_bold = fonts.bold;
        fonts.audience_heading = fonts.heading;
        fonts.audience_display = fonts.heading;
    }
    return fonts.body != nullptr;
}

}  // namespace deliberate::ui
