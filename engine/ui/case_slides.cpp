// The own case as the room sees it: the case as confirmed, each step's prompt with the
// group's answers, the vote slides, and both votes side by side at the end. Never the
// facilitator's guidance or notes, and no counts before the closing slide.
#include <imgui.h>

#include <algorithm>

#include "case_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

void big(ImFont* font, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
}

void numbered_options(const CaseContent& content, ImFont* font) {
    ImGui::PushFont(font);
    for (std::size_t o = 0; o < content.options.size(); ++o) {
        ImGui::TextWrapped("%zu.  %s", o + 1, content.options[o].label.c_str());
    }
    ImGui::PopFont();
}

}  // namespace

void CaseView::draw_case_slide(const SlideFonts& fonts) {
    const CaseContent& content = case_.content();
    big(fonts.display, content.title.empty() ? ui_.tr("case.slide.case") : content.title);
    if (!content.text.empty()) {
        big(fonts.body, content.text);
    }
    if (!content.question.empty()) {
        big(fonts.bold, content.question);
    }
    numbered_options(content, fonts.body);
}

void CaseView::draw_step_slide(const SlideFonts& fonts) {
    const ModelStep& step = case_.model().steps[case_.slide().step];
    const std::string& lang = case_.state().header.language;
    big(fonts.heading, step.title.in(lang));
    big(fonts.body, step.prompt.in(lang));
    const auto answers = case_.state().answers_at(step.id);
    ImGui::PushFont(fonts.body);
    for (const Contribution& c : answers) {
        if (c.option.empty()) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", c.text.c_str());
        }
    }
    ImGui::PopFont();
    const CaseContent& content = case_.content();
    for (std::size_t o = 0; o < content.options.size(); ++o) {
        const bool any = std::any_of(answers.begin(), answers.end(), [&](const Contribution& c) {
            return c.option == content.options[o].id;
        });
        if (!any) {
            continue;
        }
        ImGui::PushFont(fonts.bold);
        ImGui::TextWrapped("%zu.  %s", o + 1, content.options[o].label.c_str());
        ImGui::PopFont();
        ImGui::PushFont(fonts.body);
        for (const Contribution& c : answers) {
            if (c.option == content.options[o].id) {
                ImGui::TextWrapped("   %s %s", c.side == "against" ? "\xE2\x88\x92" : "+",
                                   c.text.c_str());
            }
        }
        ImGui::PopFont();
    }
}

void CaseView::draw_vote_slide(const SlideFonts& fonts) {
    big(fonts.heading, ui_.tr("case.slide." + case_.slide().id));
    big(fonts.body, case_.content().question);
    numbered_options(case_.content(), fonts.bold);
    ImGui::Spacing();
    muted(ui_, ui_.tr("present.vote_hint"));
}

void CaseView::draw_closing_slide(const SlideFonts& fonts) {
    const CaseState& state = case_.state();
    big(fonts.heading, state.content.title);
    big(fonts.body, state.content.question);
    const VoteRecord* first = state.vote("first");
    const VoteRecord* final_vote = state.vote("final");
    ImGui::PushFont(fonts.body);
    for (std::size_t o = 0; o < state.content.options.size(); ++o) {
        const auto count = [&](const VoteRecord* v) {
            return v == nullptr ? std::string("-")
                                : std::to_string(v->per_option[o]) + " (" +
                                      vote_percent(v->per_option[o], v->total()) + "%)";
        };
        ImGui::TextWrapped("%zu.  %s:  %s %s,  %s %s", o + 1,
                           state.content.options[o].label.c_str(), ui_.tr("present.first").c_str(),
                           count(first).c_str(), ui_.tr("present.final").c_str(),
                           count(final_vote).c_str());
    }
    ImGui::PopFont();
    ImGui::Spacing();
    big(fonts.body, ui_.tr("present.thanks"));
}

void CaseView::draw_slide(const SlideFonts& fonts) {
    switch (case_.slide().kind) {
        case CaseSlideKind::entry:
            draw_case_slide(fonts);
            break;
        case CaseSlideKind::first_vote:
        case CaseSlideKind::final_vote:
            draw_vote_slide(fonts);
            break;
        case CaseSlideKind::step:
            draw_step_slide(fonts);
            break;
        case CaseSlideKind::closing:
            draw_closing_slide(fonts);
            break;
    }
}

void CaseView::draw_audience(const SlideFonts& fonts) {
    begin_audience_window(ui_, presenter_.blanked);
    handle_keys();
    sync_phones();  // a slide moved by keys in this window puts its question on the phones
    if (!presenter_.blanked) {
        begin_slide_area(true);
        ImGui::PushFont(fonts.body);
        draw_slide(fonts);
        ImGui::PopFont();
        ImGui::EndChild();
        draw_phones_audience(fonts);
    }
    ImGui::End();
}

}  // namespace deliberate::ui
