// Drawing a node's picture.
#include "node_image.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>

#include "image_cache.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

void draw_node_image(const UiContext& ui, const Session& session, float max_width, float max_height,
                     float natural_scale) {
    const std::string& name = session.node().image;
    if (name.empty() || ui.images == nullptr) {
        return;
    }
    const Texture* texture =
        ui.images->asset(session.scenario().file, ui.resources.assets_dir, name);
    if (texture == nullptr || texture->id == 0) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette(ui.settings.theme).border);
        ImGui::BeginChild("missing-image", ImVec2(max_width, ImGui::GetFontSize() * 4), true);
        muted(ui, texture == nullptr
                      ? ui.text.format("ui.image_missing", {name})
                      : ui.text.format("ui.image_unreadable", {name, texture->error}));
        ImGui::EndChild();
        ImGui::PopStyleColor();
        return;
    }
    const float aspect =
        static_cast<float>(texture->width) / static_cast<float>(std::max(1, texture->height));
    float width = std::min(max_width, static_cast<float>(texture->width) * natural_scale);
    float height = width / aspect;
    if (height > max_height) {
        height = max_height;
        width = height * aspect;
    }
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture->id)),
                 ImVec2(width, height));
}

}  // namespace deliberate::ui
