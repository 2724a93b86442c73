// The trainer console: what the room sees now and next, the controls, the vote entry or the
// branch, the step's guidance and the trainer's notes, "what if", the timer and notes for
// the record. Counts entered here stay off the audience view until the reveal.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "present_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

void section(const UiContext& ui, const std::string& title) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
}

SlideFonts console_fonts(const UiContext& ui) {
    return {ui.fonts.body, ui.fonts.bold, ui.fonts.bold, ui.fonts.heading};
}

}  // namespace

void PresentView::draw_controls() {
    const SlideKind slide = workshop_.slide();
    const bool at_reveal = slide == SlideKind::reveal;
    if (secondary_button(ui_.tr("present.back"), "PgUp")) {
        back();
    }
    ImGui::SameLine();
    const std::string next_label =
        at_reveal ? ui_.tr("present.take_branch") : ui_.tr("present.next");
    if (primary_button(ui_, next_label, "PgDn", slide != SlideKind::closing)) {
        next();
    }
    if (secondary_button(ui_.tr(presenter_.blanked ? "present.unblank" : "present.blank"), "B")) {
        presenter_.blanked = !presenter_.blanked;
    }
    ImGui::SameLine();
    if (secondary_button(ui_.tr("present.fullscreen"), "F")) {
        presenter_.fullscreen_request = true;
    }
    if (presenter_.blanked) {
        coloured(palette(ui_.settings.theme).warning, ui_.tr("present.blanked"));
    }
}

void PresentView::draw_vote_entry() {
    const Session& s = workshop_.session();
    const Node& node = s.node();
    auto* hands = dynamic_cast<HandCount*>(&workshop_.source());
    const std::vector<int> counts = workshop_.source().counts();
    section(ui_, ui_.text.format(workshop_.vote_round() == "first" ? "present.enter_first"
                                                                   : "present.enter_final",
                                 {workshop_.source().name()}));
    muted(ui_, ui_.tr("present.hidden"));
    const Palette& p = palette(ui_.settings.theme);
    int total = 0;
    for (std::size_t o = 0; o < node.options.size() && o < counts.size(); ++o) {
        if (!s.is_offered(o)) {
            continue;
        }
        ImGui::PushID(static_cast<int>(o));
        const bool selected = o == vote_row_;
        ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent : p.text);
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s %zu.", selected ? "\xE2\x96\xB6" : "  ", o + 1);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        int count = counts[o];
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (hands != nullptr) {
            if (ImGui::InputInt("##count", &count, 1, 5)) {
                hands->set(o, count);
            }
            if (ImGui::IsItemActive()) {
                vote_row_ = o;
            }
        } else {
            ImGui::Text("%d", count);
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s", s.render(node.options[o].label).c_str());
        total += counts[o];
        ImGui::PopID();
    }
    ImGui::Text("%s", ui_.text.format("present.total", {std::to_string(total)}).c_str());
    muted(ui_, ui_.tr("present.vote_keys"));
    // What is already recorded here, per setting: the trainer sees the tipping point forming
    // while the room does not.
    const auto recorded = workshop_.votes_by_setting();
    if (recorded.empty()) {
        return;
    }
    section(ui_, ui_.tr("present.recorded"));
    const auto counts_text = [](const std::optional<VoteRecord>& vote) {
        std::string out;
        for (const int n : vote ? vote->per_option : std::vector<int>{}) {
            out += (out.empty() ? "" : " \xC2\xB7 ") + std::to_string(n);
        }
        return out.empty() ? std::string("\xE2\x80\x94") : out;
    };
    for (const SettingVotes& setting : recorded) {
        const std::string label = factor_setting_text(s.scenario(), setting.setting, s.language());
        ImGui::TextWrapped(
            "%s", ui_.text
                      .format("present.recorded_line",
                              {label.empty() ? ui_.tr("present.votes") : label,
                               counts_text(setting.first_round), counts_text(setting.final_round)})
                      .c_str());
    }
}

void PresentView::draw_branch() {
    const Session& s = workshop_.session();
    const Node& node = s.node();
    section(ui_, ui_.tr("present.branch"));
    const auto majority = workshop_.majority();
    if (majority) {
        ImGui::TextWrapped(
            "%s",
            ui_.text.format("present.majority", {s.render(node.options[*majority].label)}).c_str());
    } else {
        coloured(palette(ui_.settings.theme).warning,
                 ui_.tr(workshop_.tie() ? "present.tie" : "present.pick_needed"));
    }
    for (const std::size_t o : s.offered_options()) {
        ImGui::PushID(static_cast<int>(o));
        const bool picked = pick_ == o || (!pick_ && majority == o);
        if (ImGui::RadioButton("##pick", picked)) {
            pick_ = o;
        }
        ImGui::SameLine();
        ImGui::TextWrapped(
            "%s", (std::to_string(o + 1) + ".  " + s.render(node.options[o].label)).c_str());
        ImGui::PopID();
    }
    if (pick_ && majority && *pick_ != *majority) {
        coloured(palette(ui_.settings.theme).warning, ui_.tr("present.override"));
    }
    muted(ui_, ui_.tr("present.branch_keys"));
}

void PresentView::draw_guidance() {
    const Session& s = workshop_.session();
    const ModelStep* step = workshop_.slide() == SlideKind::step ? s.current_step() : nullptr;
    if (step != nullptr && !step->guidance.empty()) {
        section(ui_, ui_.tr("play.guidance"));
        paragraph(s.render(step->guidance));
    }
    section(ui_, ui_.tr("present.trainer_notes"));
    if (s.node().notes.empty()) {
        muted(ui_, ui_.tr("present.no_notes"));
    } else {
        paragraph(s.render(s.node().notes));
    }
}

void PresentView::draw_what_if() {
    const Session& s = workshop_.session();
    const Scenario& scenario = s.scenario();
    if (scenario.factors.empty()) {
        return;
    }
    section(ui_, ui_.tr("present.what_if"));
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        const Factor& factor = scenario.factors[f];
        const auto current = factor.find_value(s.factor_values()[f]);
        ImGui::PushID(static_cast<int>(f));
        const std::string label =
            (f == factor_ ? "\xE2\x96\xB6 " : "   ") + factor.label.in(s.language());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        const std::string preview = current ? factor.values[*current].label.in(s.language()) : "";
        if (ImGui::BeginCombo("##value", preview.c_str())) {
            for (std::size_t v = 0; v < factor.values.size(); ++v) {
                if (ImGui::Selectable(factor.values[v].label.in(s.language()).c_str(),
                                      current == v) &&
                    current != v) {
                    factor_ = f;
                    try {
                        workshop_.set_factor(f, v);
                        vote_row_ = 0;
                    } catch (const std::exception& e) {
                        say(ui_.text.format("present.error", {e.what()}));
                    }
                }
            }
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
    muted(ui_, ui_.tr("present.what_if_keys"));
}

void PresentView::draw_timer() {
    section(ui_, ui_.tr("present.timer"));
    const auto now = DiscussionTimer::Clock::now();
    const long long seconds = (timer_.remaining(now).count() + 999) / 1000;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%lld:%02lld", seconds / 60, seconds % 60);
    ImGui::SameLine();
    if (secondary_button(
            ui_.tr(timer_.running() && !timer_.ran_out(now) ? "present.pause" : "present.start"),
            "T")) {
        timer_.toggle(now);
    }
    ImGui::SameLine();
    if (secondary_button(ui_.tr("present.reset"))) {
        timer_.reset();
    }
    for (const int minutes : {1, 2, 5}) {
        ImGui::PushID(minutes);
        if (ImGui::RadioButton(
                ui_.text.format("present.minutes", {std::to_string(minutes)}).c_str(),
                timer_.duration() == std::chrono::minutes(minutes))) {
            timer_.set(std::chrono::minutes(minutes));
        }
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3);
    if (ImGui::InputInt(ui_.tr("present.custom").c_str(), &custom_minutes_, 0, 0)) {
        custom_minutes_ = std::clamp(custom_minutes_, 1, 120);
    }
    ImGui::SameLine();
    if (secondary_button(ui_.tr("present.set"))) {
        timer_.set(std::chrono::minutes(custom_minutes_));
    }
}

void PresentView::draw_notes() {
    section(ui_, ui_.tr("present.note"));
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
    const bool entered = ImGui::InputTextWithHint("##note", ui_.tr("present.note_hint").c_str(),
                                                  &note_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((secondary_button(ui_.tr("present.note_add")) || entered) && !note_.empty()) {
        try {
            workshop_.add_note(note_);
            note_.clear();
            say(ui_.tr("play.note_saved"));
        } catch (const std::exception& e) {
            say(ui_.text.format("present.error", {e.what()}));
        }
    }
    if (secondary_button(ui_.tr("present.export"), "E")) {
        export_summary();
    }
    sharing_.draw(ui_, workshop_.recorded());
    muted(ui_, ui_.text.format("play.journal", {workshop_.recorded().journal().path().string()}));
}

void PresentView::draw_console() {
    tick_timer();
    handle_keys();
    const Palette& p = palette(ui_.settings.theme);
    const Session& s = workshop_.session();
    const SlideState now = current();
    // The heading line: scenario, group, where we are.
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::TextWrapped(
        "%s",
        (s.render(s.scenario().title) + (group_.empty() ? "" : "  \xC2\xB7  " + group_)).c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", slide_title(ui_, now).c_str());
    if (!message_.empty()) {
        coloured(p.warning, message_);
    }
    ImGui::Separator();

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = avail.x * 0.55f;
    const float footer = ImGui::GetTextLineHeightWithSpacing() * 1.3f;
    ImGui::BeginChild("previews", ImVec2(left, avail.y - footer), false);
    const float pane =
        (ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2) * 0.5f;
    muted(ui_, ui_.tr("present.now"));
    ImGui::BeginChild("now", ImVec2(0, pane), true);
    if (presenter_.blanked) {
        muted(ui_, ui_.tr("present.blanked"));
    } else {
        draw_slide(ui_, now, workshop_.votes_by_setting(), console_fonts(ui_));
    }
    ImGui::EndChild();
    const auto upcoming = workshop_.preview_next(pick_);
    muted(ui_, ui_.tr("present.next_slide") +
                   (upcoming ? ": " + slide_title(ui_, *upcoming) : std::string()));
    ImGui::BeginChild("next", ImVec2(0, 0), true);
    if (!upcoming) {
        muted(ui_, ui_.tr("present.finished"));
    } else if (workshop_.slide() == SlideKind::reveal && !workshop_.majority() && !pick_) {
        muted(ui_, ui_.tr("present.next_after_pick"));
    } else {
        draw_slide(ui_, *upcoming, workshop_.votes_by_setting(), console_fonts(ui_));
    }
    ImGui::EndChild();
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("controls", ImVec2(0, avail.y - footer), false);
    draw_controls();
    if (!workshop_.vote_round().empty()) {
        draw_vote_entry();
    } else if (workshop_.slide() == SlideKind::reveal) {
        draw_branch();
    }
    draw_phones();
    draw_guidance();
    draw_timer();
    draw_what_if();
    draw_notes();
    ImGui::EndChild();
    muted(ui_, ui_.tr("present.keys"));
}

}  // namespace deliberate::ui
