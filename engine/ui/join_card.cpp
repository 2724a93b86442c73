// Phones in the room, the audience's side: how to join (the address, the room code and a QR
// code, large on the first slide and small in a corner after, for late joiners), and the
// phones' answers to a step once the trainer shows them.
#include <imgui.h>

#include <algorithm>
#include <qrcodegen/qrcodegen.hpp>

#include "join_card.hpp"
#include "present_view.hpp"
#include "theme.hpp"

namespace deliberate::ui {

namespace {

// The QR code's modules for `text`, worked out once per text rather than every frame.
const qrcodegen::QrCode& qr_for(const std::string& text) {
    static std::string cached_text;
    static qrcodegen::QrCode cached =
        qrcodegen::QrCode::encodeText("", qrcodegen::QrCode::Ecc::MEDIUM);
    if (text != cached_text) {
        cached = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        cached_text = text;
    }
    return cached;
}

// Dark modules on white with the quiet zone of four modules that scanners need, whatever
// the theme: a QR code in dark-on-light scans best.
void draw_qr(ImDrawList* draw, const qrcodegen::QrCode& qr, ImVec2 at, float side) {
    const int n = qr.getSize();
    const float module = side / static_cast<float>(n + 8);
    draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            if (qr.getModule(x, y)) {
                const ImVec2 from(at.x + (x + 4) * module, at.y + (y + 4) * module);
                draw->AddRectFilled(from, ImVec2(from.x + module, from.y + module),
                                    IM_COL32(0, 0, 0, 255));
            }
        }
    }
}

}  // namespace

void PresentView::draw_join_card(const SlideFonts& fonts) {
    if (!phones_) {
        return;
    }
    const Workshop& w = workshop_;
    const bool first_slide = w.session().history().size() == 1 &&
                             (w.slide() == SlideKind::scene || w.slide() == SlideKind::case_text);
    ui::draw_join_card(ui_, *phones_, fonts, first_slide);
}

void draw_join_card(const UiContext& ui, const PhoneLink& link, const SlideFonts& fonts,
                    bool large) {
    const Palette& p = palette(ui.settings.theme);
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const qrcodegen::QrCode& qr = qr_for(link.join_url);
    const std::string code = ui.text.format("phones.code", {link.room_code});
    if (large) {
        // Large, on the right third: the room joins while the trainer opens.
        const float side = std::min(size.y * 0.5f, size.x * 0.28f);
        const ImVec2 at(pos.x + size.x - side - size.x * 0.04f, pos.y + size.y * 0.12f);
        ImGui::PushFont(fonts.heading);
        const std::string title = ui.tr("phones.join_card");
        draw->AddText(ImVec2(at.x, at.y - ImGui::GetFontSize() * 1.3f),
                      ImGui::ColorConvertFloat4ToU32(p.text), title.c_str());
        ImGui::PopFont();
        draw_qr(draw, qr, at, side);
        ImGui::PushFont(fonts.bold);
        const float line = ImGui::GetFontSize() * 1.2f;
        draw->AddText(ImVec2(at.x, at.y + side + line * 0.3f),
                      ImGui::ColorConvertFloat4ToU32(p.text), link.address.c_str());
        draw->AddText(ImVec2(at.x, at.y + side + line * 1.3f),
                      ImGui::ColorConvertFloat4ToU32(p.text), code.c_str());
        ImGui::PopFont();
        return;
    }
    // Small, bottom right, for late joiners.
    const float side = std::max(96.0f, size.y * 0.14f);
    const ImVec2 at(pos.x + size.x - side - size.y * 0.02f, pos.y + size.y - side - size.y * 0.02f);
    draw_qr(draw, qr, at, side);
    ImGui::PushFont(fonts.body);
    const ImVec2 text = ImGui::CalcTextSize(code.c_str());
    draw->AddText(ImVec2(at.x + side - text.x, at.y - text.y * 1.1f),
                  ImGui::ColorConvertFloat4ToU32(p.muted), code.c_str());
    ImGui::PopFont();
}

void PresentView::draw_phone_result(const SlideFonts& fonts) {
    if (!phones_ || !phones_on_screen_ || workshop_.slide() != SlideKind::step) {
        return;
    }
    const auto snap = phones_->box->snapshot();
    if (!snap->open || !snap->revealed) {
        return;
    }
    const Palette& p = palette(ui_.settings.theme);
    const std::string& language = workshop_.session().language();
    const PhoneQuestion& q = snap->question;
    const RoundTally& t = snap->tally;
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(ui_.text.format("phones.answers", {std::to_string(t.ballots)}).c_str());
    ImGui::PopFont();
    // Rows of label and bar; a ranking by its combined points, highest first.
    std::vector<std::pair<std::string, double>> rows;
    for (std::size_t i = 0; i < t.per_choice.size(); ++i) {
        const double value = t.rank_points.empty() ? t.per_choice[i] : t.rank_points[i];
        rows.emplace_back(q.choices[i].label.in(language), value);
    }
    if (!t.rank_points.empty()) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    for (std::size_t i = 0; i < t.scale_counts.size(); ++i) {
        rows.emplace_back(std::to_string(q.scale_min + static_cast<int>(i)), t.scale_counts[i]);
    }
    double most = 1;
    for (const auto& row : rows)
        most = std::max(most, row.second);
    const float width = ImGui::GetContentRegionAvail().x * 0.5f;
    for (const auto& [label, value] : rows) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFontSize() * 0.8f;
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(at.x, at.y + h * 0.15f),
            ImVec2(at.x + std::max(2.0f, width * static_cast<float>(value / most)), at.y + h),
            ImGui::ColorConvertFloat4ToU32(p.accent));
        ImGui::Dummy(ImVec2(width, h));
        ImGui::SameLine();
        ImGui::Text("%s  %g", label.c_str(), value);
    }
    for (const std::size_t i : t.named_by_few) {
        ImGui::TextWrapped(
            "%s", ui_.text.format("phones.few", {q.choices[i].label.in(language)}).c_str());
    }
    for (const TextEntry& entry : t.texts) {
        if (entry.shown) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", entry.text.c_str());
        }
    }
}

}  // namespace deliberate::ui
