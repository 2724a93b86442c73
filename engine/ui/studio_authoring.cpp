// The studio's bridge to the authoring tools: saving the path just played as a test for
// `deliberate test`, and each translation's state from the PO files beside the scenario.
#include <imgui.h>

#include "deliberate/authoring/saved_path.hpp"
#include "deliberate/authoring/translation.hpp"
#include "deliberate/support/safe_file.hpp"
#include "studio_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

// The played path in the saved paths' form, by playing it again with a recorder.
SavedPath to_saved_path(const std::shared_ptr<const Scenario>& scenario,
                        const std::string& language, const PlayedPath& played) {
    Session session = start_session(scenario, language, played.start);
    PathRecorder recorder(session);
    for (const PlayedAction& action : played.actions) {
        switch (action.kind) {
            case PlayedAction::Kind::continue_scene:
                recorder.continue_scene(session);
                break;
            case PlayedAction::Kind::answer_step:
                recorder.answer_step(session, action.answer);
                break;
            case PlayedAction::Kind::choose: {
                const auto& options = session.node().options;
                for (std::size_t i = 0; i < options.size(); ++i) {
                    if (options[i].id == action.option_id) {
                        recorder.choose(session, i);
                        break;
                    }
                }
                break;
            }
        }
    }
    return recorder.path(session);
}

}  // namespace

// Only a path from the start with the scenario's own initial values can be a saved path:
// `deliberate test` starts every path there.
bool StudioView::can_save_path() const {
    return session_ && session_->at_ending() && path_.start.node_id.empty() &&
           path_.start.variables.empty();
}

void StudioView::save_path() {
    try {
        const SavedPath saved = to_saved_path(scenario_, language_, path_);
        const auto folder = saved_paths_folder(file_);
        std::string name = "ending-" + saved.ending;
        for (int n = 2; std::filesystem::exists(folder / (name + ".json")); ++n) {
            name = "ending-" + saved.ending + "-" + std::to_string(n);
        }
        std::string error;
        const auto file = folder / (name + ".json");
        path_message_ = save_path_file(file, saved, error)
                            ? ui_.text.format("ui.studio.path_saved", {file.string()})
                            : ui_.text.format("ui.studio.path_not_saved", {error});
    } catch (const std::exception& e) {
        path_message_ = ui_.text.format("ui.studio.path_not_saved", {e.what()});
    }
}

// Per language after the first: how many texts are translated, and how many changed in the
// source since the PO file beside the scenario (NAME.LANG.po) was exported.
void StudioView::update_translations() {
    translations_.clear();
    if (!scenario_ || scenario_->languages.size() < 2) {
        return;
    }
    const std::string& from = scenario_->languages.front();
    for (std::size_t l = 1; l < scenario_->languages.size(); ++l) {
        const std::string& to = scenario_->languages[l];
        const auto po_file = file_.parent_path() / (file_.stem().string() + "." + to + ".po");
        std::optional<PoFile> previous;
        std::string bytes, error;
        if (std::filesystem::exists(po_file) && read_regular_file(po_file, bytes, error)) {
            previous = parse_po(bytes, error);
        }
        const auto exported =
            export_translation(file_text_, from, to, previous ? &*previous : nullptr, error);
        if (exported) {
            translations_.push_back({to, po_file.filename().string(), previous.has_value(),
                                     exported->texts, exported->translated, exported->fuzzy});
        }
    }
}

void StudioView::draw_translations() {
    for (const TranslationState& t : translations_) {
        paragraph(
            ui_.text.format("ui.studio.translation",
                            {t.language, std::to_string(t.translated), std::to_string(t.texts)}));
        if (t.has_po) {
            muted(ui_,
                  ui_.text.format("ui.studio.outdated", {std::to_string(t.outdated), t.po_file}));
        }
    }
}

}  // namespace deliberate::ui
