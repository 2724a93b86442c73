// One workshop slide as the room sees it: the case, a vote's options, a step's prompt with
// the scenario's content for it, the reveal's bars, the ending. Drawn large on the audience
// view and small in the trainer console's "now" and "next" panes. Nothing private (trainer
// notes, guidance, counts before the reveal) is ever drawn here.
#pragma once

#include <vector>

#include "deliberate/workshop/workshop.hpp"
#include "ui_context.hpp"

struct ImFont;

namespace deliberate::ui {

struct SlideFonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* display = nullptr;
};

// Draws `slide` into the current window, wrapping at its width. `votes` are the reveal's.
void draw_slide(const UiContext& ui, const SlideState& slide,
                const std::vector<SettingVotes>& votes, const SlideFonts& fonts);

// The offered options, numbered, each with its arguments for (+) and against (-): the
// arguments step, in a workshop's slide and in practice alike.
void draw_option_arguments(const UiContext& ui, const Session& session, ImFont* label_font,
                           ImFont* body_font);

// Begins the audience view's window over the whole of the current one: the theme's background,
// or black when `blanked`; no decoration. End it with ImGui::End().
void begin_audience_window(const UiContext& ui, bool blanked);

// Begins the audience view's slide area inside its window: margins as on a slide, so the
// text keeps clear of the projector's edges. A workshop's slide is made to fit instead of
// scrolling; an own case's, whose answers can run long, scrolls (`scrolls`). End it with
// ImGui::EndChild().
void begin_slide_area(bool scrolls = false);

// The slide's short name for the console ("First vote", "Step 3 of 7: Who is involved?").
std::string slide_title(const UiContext& ui, const SlideState& slide);

}  // namespace deliberate::ui
