// The two palettes and ImGui's style built from them.
#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace deliberate::ui {

namespace {

ImVec4 rgb(int hex) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, 1.0f);
}

const Palette light_palette{
    rgb(0xF6F4EF), rgb(0xFFFFFF), rgb(0x1F2328), rgb(0x565B63), rgb(0x1F5FA8),
    rgb(0x174B86), rgb(0x1D6B3A), rgb(0x8A4B00), rgb(0xB3261E), rgb(0xD5D2CA),
};

const Palette dark_palette{
    rgb(0x16181C), rgb(0x22252B), rgb(0xECEDEE), rgb(0xB3B8C0), rgb(0x3573BD),
    rgb(0x2F6DB5), rgb(0x7FD39B), rgb(0xF0B45A), rgb(0xFF8A80), rgb(0x3A3F47),
};

double channel(float c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) {
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

ImVec4 with_alpha(ImVec4 c, float a) {
    c.w = a;
    return c;
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

}  // namespace

const Palette& palette(const std::string& theme) {
    return theme == "dark" ? dark_palette : light_palette;
}

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void apply_theme(const std::string& theme, float scale) {
    const Palette& p = palette(theme);
    ImGuiStyle style;
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.GrabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.surface;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = mix(p.surface, p.accent, 0.10f);
    c[ImGuiCol_FrameBgActive] = mix(p.surface, p.accent, 0.18f);
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.surface;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.muted;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent_hover;
    c[ImGuiCol_Button] = mix(p.surface, p.accent, 0.08f);
    c[ImGuiCol_ButtonHovered] = mix(p.surface, p.accent, 0.18f);
    c[ImGuiCol_ButtonActive] = mix(p.surface, p.accent, 0.28f);
    c[ImGuiCol_Header] = mix(p.surface, p.accent, 0.14f);
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.accent, 0.20f);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.accent, 0.28f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_TextSelectedBg] = with_alpha(p.accent, 0.35f);
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    ImGui::GetStyle() = style;
}

}  // namespace deliberate::ui
