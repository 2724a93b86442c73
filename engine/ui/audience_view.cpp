// The workshop's audience view: the current slide in large type, the discussion timer in a
// corner, or nothing at all while blanked.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "present_view.hpp"
#include "theme.hpp"

namespace deliberate::ui {

void PresentView::tick_timer() {
    const auto now = DiscussionTimer::Clock::now();
    if (timer_.take_ran_out(now)) {
        ui_.cue(Sound::timer_done);
    }
    if (timer_.running() && !timer_.ran_out(now)) {
        // Draw again when the shown second changes, not every frame.
        const auto left = timer_.remaining(now).count();
        ui_.redraw_within(std::chrono::milliseconds(left % 1000 + 1));
    }
}

void PresentView::draw_timer_badge(const SlideFonts& fonts) {
    if (!timer_.shown()) {
        return;
    }
    const auto now = DiscussionTimer::Clock::now();
    const long long left_ms = timer_.remaining(now).count();
    // Rounded up, so that 0:00 appears only when the time is really up.
    const long long seconds = (left_ms + 999) / 1000;
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
    const Palette& p = palette(ui_.settings.theme);
    const bool out = timer_.ran_out(now);
    ImGui::PushFont(fonts.heading);
    const std::string label = out ? ui_.tr("present.times_up") + "  " + text : text;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 window = ImGui::GetWindowSize();
    const float pad = ImGui::GetFontSize() * 0.4f;
    const ImVec2 at(ImGui::GetWindowPos().x + window.x - size.x - pad * 3,
                    ImGui::GetWindowPos().y + pad);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.5f),
                        ImVec2(at.x + size.x + pad, at.y + size.y + pad * 0.5f),
                        ImGui::ColorConvertFloat4ToU32(out ? p.warning : p.surface), pad);
    draw->AddText(at,
                  ImGui::ColorConvertFloat4ToU32(out ? ImVec4(1, 1, 1, 1)
                                                     : (timer_.running() ? p.text : p.muted)),
                  label.c_str());
    ImGui::PopFont();
}

void PresentView::draw_audience(const SlideFonts& fonts) {
    tick_timer();
    begin_audience_window(ui_, presenter_.blanked);
    handle_keys();
    sync_phones();  // a slide moved by keys in this window puts its question on the phones
    if (!presenter_.blanked) {
        begin_slide_area();
        // A long text is made to fit rather than scroll: nobody in the room can scroll. The
        // scale shrinks over a frame or two until the slide fits, and resets per slide.
        const std::string shown = screen_name() + std::to_string(workshop_.session().node_index()) +
                                  "/" + std::to_string(workshop_.session().step_position());
        if (shown != fitted_slide_) {
            fitted_slide_ = shown;
            fit_scale_ = 1.0f;
        }
        ImGui::SetWindowFontScale(fit_scale_);
        ImGui::PushFont(fonts.body);
        draw_slide(ui_, current(), workshop_.votes_by_setting(), fonts);
        draw_phone_result(fonts);
        ImGui::PopFont();
        const float used = ImGui::GetCursorPosY();
        const float room = ImGui::GetWindowHeight();
        if (used > room && fit_scale_ > 0.5f) {
            fit_scale_ = std::max(0.5f, fit_scale_ * std::max(0.8f, room / used * 0.98f));
            ui_.redraw_within(std::chrono::milliseconds(0));
        }
        ImGui::EndChild();
        draw_timer_badge(fonts);
        draw_join_card(fonts);
    }
    ImGui::End();
}

}  // namespace deliberate::ui
