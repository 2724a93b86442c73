// Drawing a workshop slide's content.
#include "slide_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>

#include "deliberate/session/step_input.hpp"
#include "node_image.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

// Text in `font`, wrapped; nothing at all for an empty text (an untitled node).
void text_in(ImFont* font, const std::string& text) {
    if (text.empty()) {
        return;
    }
    ImGui::PushFont(font);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

void gap(float lines) {
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * lines));
}

std::string node_title(const Session& s) {
    const Node& node = s.node();
    return node.title.empty() ? std::string() : s.render(node.title);
}

// The options a vote offers, numbered as the console counts them.
void numbered_options(const Session& s, const SlideFonts& fonts) {
    const Node& node = s.node();
    for (const std::size_t o : s.offered_options()) {
        text_in(fonts.bold, std::to_string(o + 1) + ".  " + s.render(node.options[o].label));
    }
}

void draw_step(const UiContext& ui, const Session& s, const SlideFonts& fonts) {
    const ModelStep* step = s.current_step();
    if (step == nullptr) {
        return;
    }
    const Palette& p = palette(ui.settings.theme);
    const std::size_t position = s.step_position() + 1;
    const std::size_t steps = s.node().walked_steps.size();
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
    text_in(fonts.body,
            ui.text.format("present.step", {std::to_string(position), std::to_string(steps)}));
    ImGui::PopStyleColor();
    text_in(fonts.display, s.render(step->title));
    gap(0.3f);
    const StepContent* content = s.node().step_content(step->id);
    if (content != nullptr && !content->prompt.empty()) {
        text_in(fonts.heading, s.render(content->prompt));
    } else {
        text_in(fonts.heading, s.render(step->prompt));
    }
    if (content != nullptr) {
        for (const LocalisedText& prompt : content->prompts) {
            text_in(fonts.body, "\xE2\x80\xA2  " + s.render(prompt));
        }
    }
    gap(0.4f);
    if (step->input == InputKind::arguments) {
        draw_option_arguments(ui, s, fonts.bold, fonts.body);
        return;
    }
    if (step->input == InputKind::choice) {
        numbered_options(s, fonts);
        return;
    }
    // The scenario's content for the step: the stakeholders, the values, the items.
    for (const Candidate& c : step_candidates(s)) {
        text_in(fonts.body, "\xE2\x80\xA2  " + s.render(c.label));
    }
    if (step->input == InputKind::checks && step->from == CandidateSource::none) {
        for (const CheckSpec& check : step->checks) {
            text_in(fonts.body, "\xE2\x80\xA2  " + s.render(check.label));
        }
    }
}

// Two bars per option, first vote and final, with count and percentage.
void draw_bars(const UiContext& ui, const Session& s, const SettingVotes& votes,
               const SlideFonts& fonts) {
    const Palette& p = palette(ui.settings.theme);
    const Node& node = s.node();
    const float em = ImGui::GetFontSize();
    const float label_width = ImGui::GetContentRegionAvail().x * 0.34f;
    // Room for the widest figure beside a full bar, in this language: "100 (100%) final vote".
    const std::string widest =
        "000 (100%) " +
        std::max(ui.tr("present.first"), ui.tr("present.final"),
                 [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    const float bar_room = std::max(em, ImGui::GetContentRegionAvail().x - label_width -
                                            ImGui::CalcTextSize(widest.c_str()).x - em);
    const struct {
        const std::optional<VoteRecord>& vote;
        const char* key;
        ImVec4 colour;
    } rounds[] = {
        {votes.first_round, "present.first", p.muted},
        {votes.final_round, "present.final", p.accent},
    };
    for (std::size_t o = 0; o < node.options.size(); ++o) {
        if (!s.is_offered(o) && std::none_of(std::begin(rounds), std::end(rounds), [&](auto& r) {
                return r.vote && r.vote->per_option[o] > 0;
            })) {
            continue;
        }
        ImGui::PushFont(fonts.bold);
        const ImVec2 start = ImGui::GetCursorPos();
        ImGui::PushTextWrapPos(start.x + label_width - em * 0.5f);
        ImGui::TextWrapped(
            "%s", (std::to_string(o + 1) + ".  " + s.render(node.options[o].label)).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const float label_bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + label_width, start.y));
        ImGui::BeginGroup();
        for (const auto& round : rounds) {
            if (!round.vote) {
                continue;
            }
            const int count = round.vote->per_option[o];
            const int total = round.vote->total();
            const float width =
                total > 0 ? bar_room * static_cast<float>(count) / static_cast<float>(total) : 0;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float height = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(
                at, ImVec2(at.x + std::max(width, 2.0f), at.y + height),
                ImGui::ColorConvertFloat4ToU32(round.colour));
            ImGui::Dummy(ImVec2(std::max(width, 2.0f), height));
            ImGui::SameLine();
            ImGui::Text("%d (%s%%) %s", count, vote_percent(count, total).c_str(),
                        ui.tr(round.key).c_str());
        }
        ImGui::EndGroup();
        ImGui::SetCursorPosY(std::max(label_bottom, ImGui::GetCursorPosY()) + em * 0.4f);
    }
}

void draw_reveal(const UiContext& ui, const Session& s, const std::vector<SettingVotes>& votes,
                 const SlideFonts& fonts) {
    text_in(fonts.display, ui.tr("present.reveal"));
    text_in(fonts.heading, s.render(s.node().question));
    gap(0.4f);
    if (votes.empty()) {
        text_in(fonts.body, ui.tr("present.no_votes"));
        return;
    }
    ImGui::PushFont(fonts.body);
    for (const SettingVotes& setting : votes) {
        // One setting needs no heading; several are the "what if" split the room compares.
        if (votes.size() > 1) {
            text_in(fonts.heading,
                    factor_setting_text(s.scenario(), setting.setting, s.language()));
        }
        draw_bars(ui, s, setting, fonts);
        gap(0.3f);
    }
    ImGui::PopFont();
}

void draw_closing(const UiContext& ui, const Session& s, const SlideFonts& fonts) {
    text_in(fonts.display, ui.tr("present.closing"));
    gap(0.3f);
    for (const ChoiceRecord& choice : s.choices()) {
        const Node& node = s.scenario().nodes[choice.node];
        text_in(fonts.body, s.render(node.question));
        ImGui::Indent();
        text_in(fonts.bold, "\xE2\x86\x92  " + s.render(node.options[choice.option].label));
        ImGui::Unindent();
    }
    gap(0.6f);
    text_in(fonts.heading, ui.tr("present.thanks"));
}

}  // namespace

void draw_option_arguments(const UiContext& ui, const Session& s, ImFont* label_font,
                           ImFont* body_font) {
    const Palette& p = palette(ui.settings.theme);
    const Node& node = s.node();
    for (const std::size_t o : s.offered_options()) {
        const Option& option = node.options[o];
        text_in(label_font, std::to_string(o + 1) + ".  " + s.render(option.label));
        ImGui::Indent();
        ImGui::PushFont(body_font);
        for (const LocalisedText& a : option.arguments_for) {
            coloured(p.good, "+  " + s.render(a));
        }
        for (const LocalisedText& a : option.arguments_against) {
            coloured(p.warning, "\xE2\x88\x92  " + s.render(a));
        }
        ImGui::PopFont();
        ImGui::Unindent();
    }
}

std::string slide_title(const UiContext& ui, const SlideState& slide) {
    const Session& s = slide.session;
    switch (slide.kind) {
        case SlideKind::step: {
            const ModelStep* step = s.current_step();
            return ui.text.format("present.step", {std::to_string(s.step_position() + 1),
                                                   std::to_string(s.node().walked_steps.size())}) +
                   (step != nullptr ? ": " + s.render(step->title) : std::string());
        }
        case SlideKind::scene:
        case SlideKind::case_text:
        case SlideKind::ending: {
            const std::string title = node_title(s);
            return ui.tr(std::string("present.slide.") + slide_kind_name(slide.kind)) +
                   (title.empty() ? "" : ": " + title);
        }
        default:
            return ui.tr(std::string("present.slide.") + slide_kind_name(slide.kind));
    }
}

void draw_slide(const UiContext& ui, const SlideState& slide,
                const std::vector<SettingVotes>& votes, const SlideFonts& fonts) {
    const Session& s = slide.session;
    const Node& node = s.node();
    ImGui::PushTextWrapPos(0.0f);
    switch (slide.kind) {
        case SlideKind::scene:
            text_in(fonts.display, node_title(s));
            gap(0.3f);
            // As large as a third of the window allows.
            draw_node_image(ui, s, ImGui::GetContentRegionAvail().x,
                            ImGui::GetMainViewport()->Size.y * 0.34f, 2.0f);
            text_in(fonts.body, s.render(node.text));
            break;
        case SlideKind::case_text:
            text_in(fonts.display, node_title(s));
            gap(0.3f);
            // As large as a third of the window allows.
            draw_node_image(ui, s, ImGui::GetContentRegionAvail().x,
                            ImGui::GetMainViewport()->Size.y * 0.34f, 2.0f);
            text_in(fonts.body, s.render(node.text));
            gap(0.5f);
            text_in(fonts.heading, s.render(node.question));
            numbered_options(s, fonts);
            break;
        case SlideKind::first_vote:
        case SlideKind::final_vote:
            text_in(fonts.display,
                    ui.tr(slide.kind == SlideKind::first_vote ? "present.first_vote"
                                                              : "present.final_vote"));
            text_in(fonts.heading, s.render(node.question));
            gap(0.5f);
            numbered_options(s, fonts);
            gap(0.5f);
            ImGui::PushStyleColor(ImGuiCol_Text, palette(ui.settings.theme).muted);
            text_in(fonts.body, ui.tr("present.vote_hint"));
            ImGui::PopStyleColor();
            break;
        case SlideKind::step:
            draw_step(ui, s, fonts);
            break;
        case SlideKind::reveal:
            draw_reveal(ui, s, votes, fonts);
            break;
        case SlideKind::ending:
            text_in(fonts.display, node_title(s));
            gap(0.3f);
            text_in(fonts.body, s.render(node.outcome));
            if (!node.debrief.empty()) {
                gap(0.5f);
                text_in(fonts.heading, ui.tr("play.debrief"));
                text_in(fonts.body, s.render(node.debrief));
            }
            break;
        case SlideKind::discussion:
            text_in(fonts.display, ui.tr("play.discussion"));
            gap(0.3f);
            for (std::size_t i = 0; i < node.discussion.size(); ++i) {
                text_in(fonts.body, std::to_string(i + 1) + ".  " + s.render(node.discussion[i]));
                gap(0.3f);
            }
            break;
        case SlideKind::closing:
            draw_closing(ui, s, fonts);
            break;
    }
    ImGui::PopTextWrapPos();
}

void begin_audience_window(const UiContext& ui, bool blanked) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          blanked ? ImVec4(0, 0, 0, 1) : palette(ui.settings.theme).background);
    ImGui::Begin("audience", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
}

void begin_slide_area(bool scrolls) {
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const float margin_x = std::max(size.x * 0.06f, ImGui::GetFontSize());
    const float margin_y = size.y * 0.05f;
    ImGui::SetCursorPos(ImVec2(margin_x, margin_y));
    ImGui::BeginChild(
        "slide",
        ImVec2(size.x - margin_x * 2 + ImGui::GetStyle().WindowPadding.x, size.y - margin_y * 1.5f),
        false, ImGuiWindowFlags_NoBackground | (scrolls ? 0 : ImGuiWindowFlags_NoScrollbar));
}

}  // namespace deliberate::ui
