// Drawing the map with Dear ImGui's draw list. Nodes sit on a grid, so the visible ones are
// found from the view's rectangle; an edge is drawn when either end is in view.
#include "studio_map.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "theme.hpp"

namespace deliberate::ui {

namespace {

constexpr float cell_w = 260;  // grid spacing, in pixels at zoom 1
constexpr float cell_h = 70;
constexpr float node_w = 150;
constexpr float node_h = 44;

ImU32 kind_colour(NodeKind kind) {
    switch (kind) {
        case NodeKind::scene:
            return IM_COL32(70, 110, 170, 255);
        case NodeKind::dilemma:
            return IM_COL32(190, 130, 40, 255);
        case NodeKind::ending:
            return IM_COL32(60, 140, 80, 255);
    }
    return IM_COL32(128, 128, 128, 255);
}

}  // namespace

void StudioMap::set_scenario(const Scenario& scenario) {
    layout_ = layout_graph(scenario);
    unreached_.assign(scenario.nodes.size(), false);
    stuck_.assign(scenario.nodes.size(), false);
    never_offered_.clear();
}

void StudioMap::set_diagnostics(const Scenario& scenario,
                                const std::vector<Diagnostic>& diagnostics) {
    warned_.assign(scenario.nodes.size(), false);
    for (const Diagnostic& d : diagnostics) {
        if (d.pointer.rfind("/nodes/", 0) != 0) {
            continue;
        }
        const std::size_t node = std::strtoul(d.pointer.c_str() + 7, nullptr, 10);
        if (node < warned_.size()) {
            warned_[node] = true;
        }
    }
}

void StudioMap::set_walk(const Scenario& scenario, const WalkReport& report) {
    unreached_.assign(scenario.nodes.size(), false);
    stuck_.assign(scenario.nodes.size(), false);
    never_offered_.clear();
    for (const std::string& id : report.nodes_unreached) {
        if (const auto i = scenario.find_node(id)) {
            unreached_[*i] = true;
        }
    }
    for (const WalkProblem& problem : report.problems) {
        if (const auto i = scenario.find_node(problem.node_id)) {
            stuck_[*i] = true;
        }
    }
    for (const std::string& both : report.options_never_offered) {
        const std::size_t slash = both.find('/');
        const auto i = scenario.find_node(both.substr(0, slash));
        if (!i || slash == std::string::npos) {
            continue;
        }
        const auto& options = scenario.nodes[*i].options;
        for (std::size_t o = 0; o < options.size(); ++o) {
            if (options[o].id == both.substr(slash + 1)) {
                never_offered_.insert({*i, static_cast<int>(o)});
            }
        }
    }
}

// Where the map is on screen and how big a grid cell and a node are at the current zoom.
struct MapView {
    ImVec2 origin, size;
    float cw, ch, nw, nh;
    bool detail;  // labels only where they can be read

    bool in_view(const ImVec2& a) const {
        return a.x + nw >= origin.x && a.x <= origin.x + size.x && a.y + nh >= origin.y &&
               a.y <= origin.y + size.y;
    }
};

ImVec2 StudioMap::top_left(const MapView& v, std::size_t node) const {
    return ImVec2(v.origin.x + offset_x_ + layout_.column[node] * v.cw,
                  v.origin.y + offset_y_ + layout_.row[node] * v.ch);
}

// Drag pans; the wheel zooms about the mouse, so the node under it stays there.
void StudioMap::follow_mouse(const ImVec2& origin, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        offset_x_ += io.MouseDelta.x;
        offset_y_ += io.MouseDelta.y;
    }
    if (hovered && io.MouseWheel != 0) {
        const float before = zoom_;
        zoom_ = std::clamp(zoom_ * std::pow(1.15f, io.MouseWheel), 0.05f, 3.0f);
        const float mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;
        offset_x_ = mx - (mx - offset_x_) * zoom_ / before;
        offset_y_ = my - (my - offset_y_) * zoom_ / before;
    }
}

std::optional<std::size_t> StudioMap::draw(const UiContext& ui, const Scenario& scenario,
                                           std::size_t current) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("map", size);
    const bool hovered = ImGui::IsItemHovered();
    follow_mouse(origin, hovered);
    const MapView view{origin,         size,           cell_w * zoom_, cell_h * zoom_,
                       node_w * zoom_, node_h * zoom_, zoom_ >= 0.45f};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    const Palette& p = palette(ui.settings.theme);
    draw_edges(*draw, scenario, view, ImGui::ColorConvertFloat4ToU32(p.muted));
    const auto clicked = draw_nodes(*draw, scenario, view, current,
                                    ImGui::ColorConvertFloat4ToU32(p.accent), hovered);
    draw->PopClipRect();
    return clicked;
}

// An edge is drawn when either end is in view; never-offered options in red.
void StudioMap::draw_edges(ImDrawList& draw, const Scenario& scenario, const MapView& v,
                           ImU32 muted) const {
    for (const LayoutEdge& e : layout_.edges) {
        const ImVec2 a = top_left(v, e.from), b = top_left(v, e.to);
        if (!v.in_view(a) && !v.in_view(b)) {
            continue;
        }
        const bool dead = never_offered_.count({e.from, e.option}) > 0;
        const ImU32 colour = dead ? IM_COL32(200, 60, 60, 255) : muted;
        const ImVec2 from(a.x + v.nw, a.y + v.nh / 2), to(b.x, b.y + v.nh / 2);
        draw.AddBezierCubic(from, ImVec2(from.x + v.cw * 0.3f, from.y),
                            ImVec2(to.x - v.cw * 0.3f, to.y), to, colour, dead ? 2.5f : 1.2f);
        if (v.detail && e.option >= 0 && v.in_view(a)) {
            // Labels stacked beside the dilemma, one line per option, so they never overlap.
            std::string label = scenario.nodes[e.from].options[e.option].id;
            if (!e.condition.empty()) {
                label += " [" + e.condition + "]";
            }
            const float line = ImGui::GetFontSize() * 0.8f * zoom_;
            const float first = from.y - line * scenario.nodes[e.from].options.size() / 2;
            draw.AddText(ImGui::GetFont(), line, ImVec2(from.x + 4, first + e.option * line),
                         colour, label.c_str());
        } else if (v.detail && !e.condition.empty() && v.in_view(b)) {
            // A scene's branch: its condition just before the node it leads to.
            const float px = ImGui::GetFontSize() * 0.8f * zoom_;
            const std::string label = "[" + e.condition + "]";
            const float width = ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0, label.c_str()).x;
            draw.AddText(ImGui::GetFont(), px, ImVec2(to.x - width - 4, to.y - px - 2), colour,
                         label.c_str());
        }
    }
}

// The nodes in view; returns the one clicked (a release without a drag), if any.
std::optional<std::size_t> StudioMap::draw_nodes(ImDrawList& draw, const Scenario& scenario,
                                                 const MapView& v, std::size_t current,
                                                 ImU32 accent, bool hovered) const {
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<std::size_t> clicked;
    const float round = 6 * zoom_;
    for (std::size_t i = 0; i < scenario.nodes.size() && i < layout_.column.size(); ++i) {
        const ImVec2 a = top_left(v, i);
        if (!v.in_view(a)) {
            continue;
        }
        const ImVec2 b(a.x + v.nw, a.y + v.nh);
        const Node& node = scenario.nodes[i];
        const bool lost = !layout_.reachable[i] || (i < unreached_.size() && unreached_[i]);
        draw.AddRectFilled(a, b, lost ? IM_COL32(120, 120, 120, 255) : kind_colour(node.kind),
                           round);
        if (node.kind == NodeKind::ending) {
            draw.AddRect(a, b, IM_COL32(255, 255, 255, 200), round, 0, 3 * zoom_);
        }
        if (i < warned_.size() && warned_[i]) {
            draw.AddRect(a, b, IM_COL32(230, 160, 0, 255), round, 0, 3);
        }
        if (i < stuck_.size() && stuck_[i]) {
            draw.AddRect(a, b, IM_COL32(220, 40, 40, 255), round, 0, 4);
        }
        if (i == current) {
            draw.AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), accent, round, 0, 3);
        }
        if (v.detail) {
            // Text scales with the map, so labels stay inside their nodes when zoomed out.
            const float text_px = ImGui::GetFontSize() * std::min(zoom_, 1.0f);
            draw.AddText(ImGui::GetFont(), text_px, ImVec2(a.x + 6 * zoom_, a.y + 4 * zoom_),
                         IM_COL32(255, 255, 255, 255), node.id.c_str());
            draw.AddText(ImGui::GetFont(), text_px * 0.85f, ImVec2(a.x + 6 * zoom_, a.y + v.nh / 2),
                         IM_COL32(230, 230, 230, 200),
                         lost ? "unreached" : node_kind_name(node.kind));
        }
        if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
            io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 4.0f * 4.0f &&
            ImGui::IsMouseHoveringRect(a, b)) {
            clicked = i;
        }
    }
    return clicked;
}

}  // namespace deliberate::ui
