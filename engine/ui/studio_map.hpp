// The studio's map of the scenario: nodes in columns by depth, coloured by kind, options as
// labelled edges with their conditions, and what the validator and the walk found marked.
// Pan by dragging, zoom with the wheel, click a node to play from it. Only what is on screen
// is drawn, so the 10,000-node scenario pans smoothly.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "deliberate/scenario/graph_layout.hpp"
#include "deliberate/session/walk.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

struct MapView;

class StudioMap {
  public:
    // A new version of the scenario: the layout is computed here, once.
    void set_scenario(const Scenario& scenario);
    // What the walk found: nodes never reached, dead ends, options never offered.
    void set_walk(const Scenario& scenario, const WalkReport& report);
    // The validator's warnings about nodes (a dead end, an option never offered) mark them.
    void set_diagnostics(const Scenario& scenario, const std::vector<Diagnostic>& diagnostics);
    // Draws the map in the space left; returns the node clicked, if any. `current` is the
    // preview's node, outlined.
    std::optional<std::size_t> draw(const UiContext& ui, const Scenario& scenario,
                                    std::size_t current);
    // Moves the view by (dx, dy) pixels, for the benchmark's panning.
    void pan(float dx, float dy) {
        offset_x_ += dx;
        offset_y_ += dy;
    }

  private:
    ImVec2 top_left(const MapView& view, std::size_t node) const;
    void follow_mouse(const ImVec2& origin, bool hovered);
    void draw_edges(ImDrawList& draw, const Scenario& scenario, const MapView& view,
                    ImU32 muted) const;
    std::optional<std::size_t> draw_nodes(ImDrawList& draw, const Scenario& scenario,
                                          const MapView& view, std::size_t current, ImU32 accent,
                                          bool hovered) const;

    GraphLayout layout_;
    std::vector<bool> unreached_;                          // by the walk
    std::vector<bool> stuck_;                              // a walk got stuck or looped here
    std::vector<bool> warned_;                             // the validator has a warning about it
    std::set<std::pair<std::size_t, int>> never_offered_;  // (node, option)
    float offset_x_ = 40;
    float offset_y_ = 40;
    float zoom_ = 1;
};

}  // namespace deliberate::ui
