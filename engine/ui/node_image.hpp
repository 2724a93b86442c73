// A node's picture, drawn from the textures of the window being drawn, or a placeholder
// that names the file when it is missing or unreadable, so that the gap is noticed.
#pragma once

#include "deliberate/session/session.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

// Draws the current node's image, if it names one: at `natural_scale` times its own size,
// within `max_width` x `max_height`, keeping its proportions.
void draw_node_image(const UiContext& ui, const Session& session, float max_width, float max_height,
                     float natural_scale);

}  // namespace deliberate::ui
