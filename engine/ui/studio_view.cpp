// The studio's life cycle: opening and watching a file, reloading it on every save while
// keeping the last good version, the background walk, the start form for a new scenario,
// and the state file the window tests read.
#include "studio_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "deliberate/scenario/scenario_template.hpp"
#include "deliberate/support/json_locator.hpp"
#include "deliberate/support/safe_file.hpp"
#include "keys.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* template_models[] = {"quick-check", "seven-questions", "dilemma-method"};
constexpr int walk_runs = 200;

}  // namespace

StudioView::StudioView(UiContext& ui, StudioOptions options)
    : ui_(ui), options_(std::move(options)), woken_(ui.woken) {}

StudioView::~StudioView() = default;

bool StudioView::open(const std::filesystem::path& file, std::string& error) {
    std::string bytes;
    if (!read_regular_file(file, bytes, error)) {
        return false;
    }
    file_ = file;
    scenario_.reset();
    session_.reset();
    path_ = {};
    setup_ = {};
    std::shared_ptr<std::atomic<bool>> woken = woken_;
    // Called on the watcher's thread: flags the change and wakes the main loop's wait. A
    // short quiet time: an editor's save is one write or one rename, and the preview should
    // follow within a tenth of a second.
    watcher_ = std::make_unique<FileWatcher>(
        file_,
        [woken] {
            if (woken) {
                *woken = true;
            }
            glfwPostEmptyEvent();
        },
        std::chrono::milliseconds(20));
    reload();
    return true;
}

// Loads the file as it is now. A version with errors leaves the last good one playing.
void StudioView::reload() {
    const auto started = Clock::now();
    std::string bytes, error;
    if (!read_regular_file(file_, bytes, error)) {
        diagnostics_ = {
            {Severity::error, "S007", file_.string(), "", 0, 0, "cannot read file: " + error, ""}};
        state_due_ = true;
        return;
    }
    Loaded<Scenario> loaded =
        load_scenario_text(bytes, file_.string(), file_.parent_path(), ui_.resources);
    file_text_ = std::move(bytes);
    diagnostics_ = std::move(loaded.diagnostics);
    for (Diagnostic& d : diagnostics_) {
        if (d.line == 0 && !d.pointer.empty()) {
            const TextPosition at = locate_pointer(file_text_, d.pointer);
            d.line = at.line;
            d.column = at.column;
        }
    }
    if (loaded.ok()) {
        adopt(loaded.value);
        map_.set_diagnostics(*scenario_, diagnostics_);
    }
    ++reloads_;
    last_reload_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    state_due_ = true;
}

// A version that loaded: the map, the numbers and the walk follow it, and the played path
// is replayed on it so the author stays where they were.
void StudioView::adopt(std::shared_ptr<const Scenario> scenario) {
    scenario_ = std::move(scenario);
    language_ = ui_.settings.language;
    if (std::find(scenario_->languages.begin(), scenario_->languages.end(), language_) ==
        scenario_->languages.end()) {
        language_ = scenario_->languages.empty() ? "en" : scenario_->languages.front();
    }
    map_.set_scenario(*scenario_);
    numbers_ = author_numbers(*scenario_);
    update_translations();
    Replay replay = replay_path(scenario_, language_, path_);
    broke_ = replay.broke.empty() ? "" : replay.broke_at + ": " + replay.broke;
    path_.actions.resize(replay.actions_replayed);
    session_ = std::move(replay.session);
    input_key_.clear();
    start_walk();
}

void StudioView::restart(const StartSetup& setup) {
    path_ = {setup, {}};
    std::string problem;
    session_.emplace(start_session(scenario_, language_, setup, &problem));
    broke_ = problem;
    input_key_.clear();
    action_error_.clear();
    tab_ = Tab::preview;
    state_due_ = true;
}

// The walk runs on a thread of its own and hands its report over when done. One walk at a
// time: saves that come while one runs wait for it, and then only the latest version is
// walked, so quick saves never pile up walks that nobody will look at.
void StudioView::start_walk() {
    walk_ready_ = false;
    if (walk_ && !walk_finished_) {
        return;  // draw() starts the latest version's walk when this one ends
    }
    auto job = std::make_shared<WalkJob>();
    job->scenario = scenario_;
    walk_ = job;
    walk_finished_ = false;
    std::shared_ptr<std::atomic<bool>> woken = woken_;
    std::thread([job, scenario = scenario_, woken] {
        // Below the window's thread, so that the walk never delays the preview's next frame
        // (Linux gives each thread its own nice value).
        (void)!setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
        job->report = random_walks(*scenario, walk_runs, 1, {});
        job->done = true;
        if (woken) {
            *woken = true;
        }
        glfwPostEmptyEvent();
    }).detach();
}

StudioView::Action StudioView::draw() {
    if (watcher_ && watcher_->take_change()) {
        reload();
    }
    if (walk_ && walk_->done.exchange(false)) {
        walk_finished_ = true;
        if (walk_->scenario == scenario_) {
            map_.set_walk(*scenario_, walk_->report);
            walk_ready_ = true;
            state_due_ = true;
        } else {
            start_walk();
        }
    }
    if (file_.empty()) {
        return draw_start();
    }
    Action action = Action::none;
    if (ImGui::BeginTabBar("studio")) {
        const struct {
            Tab tab;
            const char* key;
        } tabs[] = {{Tab::preview, "ui.studio.preview"},
                    {Tab::map, "ui.studio.map"},
                    {Tab::numbers, "ui.studio.numbers"}};
        for (const auto& t : tabs) {
            const bool pan = options_.pan_map && t.tab == Tab::map && tab_ != Tab::map;
            if (ImGui::BeginTabItem(ui_.tr(t.key).c_str(), nullptr,
                                    pan ? ImGuiTabItemFlags_SetSelected : 0)) {
                tab_ = t.tab;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    const float side = ImGui::GetFontSize() * 20;
    ImGui::BeginChild("studio-main", ImVec2(ImGui::GetContentRegionAvail().x - side, 0), false);
    if (!scenario_) {
        muted(ui_, ui_.tr("ui.studio.no_good_version"));
    } else if (tab_ == Tab::preview) {
        draw_preview();
    } else if (tab_ == Tab::map) {
        if (options_.pan_map) {
            map_.pan(-6.0f, -1.0f);
            ui_.redraw_within(std::chrono::milliseconds(0));
        }
        const std::size_t current = session_ ? session_->node_index() : no_node;
        const auto map_started = Clock::now();
        const auto node = map_.draw(ui_, *scenario_, current);
        map_ms_ += std::chrono::duration<double, std::milli>(Clock::now() - map_started).count();
        // The benchmark reads the map's own drawing time, averaged over a second's frames.
        if (options_.pan_map && ++map_frames_ % 30 == 0) {
            state_due_ = true;
        }
        if (node) {
            StartSetup setup = setup_;
            setup.node_id = scenario_->nodes[*node].id;
            restart(setup);
        }
    } else {
        draw_numbers();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("studio-side", ImVec2(0, 0), true);
    draw_side_panel();
    if (secondary_button(ui_.tr("ui.to_library"))) {
        action = Action::to_library;
    }
    ImGui::EndChild();
    write_state();
    return action;
}

std::string StudioView::screen_name() const {
    if (file_.empty()) {
        return "studio-start";
    }
    switch (tab_) {
        case Tab::preview:
            return diagnostics_.empty() ? "studio-preview" : "studio-diagnostics";
        case Tab::map:
            return "studio-map";
        case Tab::numbers:
            return "studio-numbers";
    }
    return "studio";
}

// Open a file by its path, or write a new one from the template and open that.
StudioView::Action StudioView::draw_start() {
    begin_column(ui_, 40.0f);
    heading(ui_, ui_.tr("ui.studio.title"));
    paragraph(ui_.tr("ui.studio.intro"));
    ImGui::Spacing();
    ImGui::PushFont(ui_.fonts.bold);
    paragraph(ui_.tr("ui.studio.open"));
    ImGui::PopFont();
    ImGui::InputText("##open", open_path_, sizeof open_path_);
    ImGui::SameLine();
    if (secondary_button(ui_.tr("ui.studio.open_button")) && open_path_[0] != '\0') {
        if (!open(open_path_, start_error_)) {
            start_error_ = ui_.text.format("ui.studio.cannot_open", {start_error_});
        }
    }
    ImGui::Spacing();
    draw_new_form();
    if (!start_error_.empty()) {
        coloured(palette(ui_.settings.theme).error, start_error_);
    }
    const bool back = secondary_button(ui_.tr("ui.to_library"));
    end_column();
    return back ? Action::to_library : Action::none;
}

void StudioView::draw_new_form() {
    ImGui::PushFont(ui_.fonts.bold);
    paragraph(ui_.tr("ui.studio.new"));
    ImGui::PopFont();
    ImGui::InputText(ui_.tr("ui.studio.new_id").c_str(), new_id_, sizeof new_id_);
    ImGui::InputText(ui_.tr("ui.studio.new_title").c_str(), new_title_, sizeof new_title_);
    ImGui::Checkbox("nl", &new_nl_);
    ImGui::SameLine();
    ImGui::Checkbox("en", &new_en_);
    ImGui::Combo(ui_.tr("ui.studio.new_model").c_str(), &new_model_, template_models,
                 static_cast<int>(std::size(template_models)));
    if (!primary_button(ui_, ui_.tr("ui.studio.create"))) {
        return;
    }
    TemplateChoices choices{new_id_, new_title_, {}, template_models[new_model_]};
    if (new_nl_) {
        choices.languages.push_back("nl");
    }
    if (new_en_ || choices.languages.empty()) {
        choices.languages.push_back("en");
    }
    const auto file = ui_.data_dir / "scenarios" / (choices.id + ".json");
    // An absolute file URI: the new file lives in the data folder, away from the schemas.
    const auto schema =
        std::filesystem::absolute(ui_.scenarios_dir / "schema" / "scenario.schema.json");
    std::string error;
    if (std::filesystem::exists(file)) {
        start_error_ = ui_.text.format("ui.studio.exists", {file.string()});
    } else if (!make_private_folders(file.parent_path(), error) ||
               !write_file_atomically(file, scenario_template(choices, "file://" + schema.string()),
                                      error) ||
               !open(file, error)) {
        start_error_ = ui_.text.format("ui.studio.cannot_open", {error});
    }
}

// What the tests and the benchmark read: the version shown, where the preview is, what it
// says, and the diagnostics; with the wall-clock time it was drawn.
void StudioView::write_state() {
    if (options_.state_file.empty() || !state_due_) {
        return;
    }
    state_due_ = false;
    std::string state = "reloads=" + std::to_string(reloads_) + "\n";
    state += "reload_ms=" + std::to_string(last_reload_ms_) + "\n";
    const auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    state += "drawn_at_ms=" + std::to_string(wall.count()) + "\n";
    state += "walk=" + std::string(walk_ready_ ? "done" : "running") + "\n";
    if (session_) {
        state += "node=" + session_->node().id + "\n";
        std::string text = session_->render(session_->node().text);
        std::replace(text.begin(), text.end(), '\n', ' ');
        state += "text=" + text + "\n";
        for (std::size_t f = 0; f < session_->factor_values().size(); ++f) {
            state +=
                "factor." + scenario_->factors[f].id + "=" + session_->factor_values()[f] + "\n";
        }
    }
    state += "broke=" + broke_ + "\n";
    state += "path_message=" + path_message_ + "\n";
    if (map_frames_ > 0) {
        state += "map_draw_ms=" + std::to_string(map_ms_ / map_frames_) + "\n";
    }
    for (const Diagnostic& d : diagnostics_) {
        state += "diagnostic=" + d.code + " " + std::to_string(d.line) + ":" +
                 std::to_string(d.column) + " " + d.message + "\n";
    }
    std::string error;
    write_file_atomically(options_.state_file, state, error, Durability::none);
}

}  // namespace deliberate::ui
