// Screens, top bar and menu.
#include "app_shell.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/journal.hpp"
#include "deliberate/journal/session_results.hpp"
#include "deliberate/results/results_folder.hpp"
#include "keys.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

AppShell::AppShell(UiContext& ui) : ui_(ui), launcher_(ui) {}

AppShell::~AppShell() {
    keep_what_is_on_screen();
}

void AppShell::keep_what_is_on_screen() {
    if (present_) {
        present_->keep_what_is_on_screen();
    }
    if (case_) {
        case_->keep_what_is_on_screen();
    }
}

void AppShell::set_language(const std::string& language) {
    if (ui_.settings.language == language) {
        return;
    }
    ui_.settings.language = language;
    std::string error;
    ui_.text.load(ui_.resources.assets_dir / "i18n", language, error);
    settings_changed_ = true;
}

void AppShell::change_zoom(float zoom) {
    zoom = std::clamp(std::round(zoom * 10.0f) / 10.0f, min_zoom, max_zoom);
    if (zoom != ui_.settings.zoom) {
        ui_.settings.zoom = zoom;
        settings_changed_ = true;
    }
}

void AppShell::start(const Scenario* scenario, const std::filesystem::path& file,
                     std::string language, const std::vector<std::string>& factors) {
    (void)scenario;
    std::string error;
    if (!open_practice(file, language, factors, error)) {
        message_ = error;
    }
}

bool AppShell::prepare_session(const std::filesystem::path& scenario_file,
                               const std::string& language, const std::vector<std::string>& factors,
                               std::optional<Session>& session, std::string& error) {
    auto loaded = load_scenario_file(scenario_file, ui_.resources);
    if (!loaded.ok()) {
        errors_file_ = scenario_file;
        errors_ = std::move(loaded.diagnostics);
        screen_ = Screen::errors;
        return true;
    }
    const auto& scenario = loaded.value;
    const auto& langs = scenario->languages;
    std::string lang = language.empty() ? ui_.settings.language : language;
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
        if (!language.empty()) {
            error = ui_.text.format("ui.error.language", {language, scenario_file.string()});
            return false;
        }
        lang = langs.front();
    }
    session.emplace(scenario, lang);
    for (const std::string& assignment : factors) {
        const std::string problem = apply_factor_assignment(*session, assignment);
        if (!problem.empty()) {
            error = ui_.text.format("ui.error.factor", {assignment, problem});
            session.reset();
            return false;
        }
    }
    return true;
}

bool AppShell::open_practice(const std::filesystem::path& scenario_file,
                             const std::string& language, const std::vector<std::string>& factors,
                             std::string& error) {
    std::optional<Session> session;
    if (!prepare_session(scenario_file, language, factors, session, error)) {
        return false;
    }
    if (!session) {
        return true;  // the scenario's errors are shown
    }
    const std::string lang = session->language();
    try {
        JournalHeader header = make_journal_header(*session, "practice");
        const auto path =
            new_journal_path(ui_.data_dir, session->scenario().id, header.participant);
        practice_ = std::make_unique<PracticeView>(
            ui_, RecordedSession::start(std::move(*session), path, std::move(header)));
    } catch (const std::exception& e) {
        error = ui_.text.format("ui.error.cannot_start", {e.what()});
        return false;
    }
    last_file_ = scenario_file;
    last_language_ = lang;
    screen_ = Screen::practice;
    message_.clear();
    return true;
}

bool AppShell::open_present(const std::filesystem::path& scenario_file,
                            const PresentOptions& options, std::string& error) {
    std::optional<Session> session;
    if (!prepare_session(scenario_file, options.language, options.factors, session, error)) {
        return false;
    }
    if (!session) {
        return true;  // the scenario's errors are shown
    }
    if (options.resume) {
        // The latest unfinished workshop of this scenario (and group, when one is named).
        for (const RecordedSessionInfo& info : list_recorded_sessions(ui_.data_dir)) {
            if (info.mode == "workshop" && !info.finished && info.resumable &&
                info.scenario_id == session->scenario().id &&
                (options.group.empty() || info.group == options.group)) {
                resume(info.journal);
                if (screen_ == Screen::present) {
                    return true;
                }
                error = message_;
                return false;
            }
        }
        error = ui_.text.format("ui.error.nothing_to_resume", {session->scenario().id});
        return false;
    }
    try {
        JournalHeader header = make_journal_header(*session, "workshop");
        header.group = options.group;
        const auto path =
            new_journal_path(ui_.data_dir, session->scenario().id, header.participant);
        Workshop workshop(RecordedSession::start(std::move(*session), path, std::move(header)),
                          std::make_unique<HandCount>());
        present_ = std::make_unique<PresentView>(ui_, std::move(workshop), options.group);
    } catch (const std::exception& e) {
        error = ui_.text.format("ui.error.cannot_start", {e.what()});
        return false;
    }
    screen_ = Screen::present;
    message_.clear();
    return true;
}

void AppShell::resume(const std::filesystem::path& journal) {
    const JournalScan scan = scan_journal(journal);
    if (!scan.header) {
        message_ = ui_.text.format("ui.error.cannot_resume", {journal.string(), "no header"});
        return;
    }
    if (scan.header->mode == case_mode) {
        resume_case(journal, *scan.header);
        return;
    }
    // The library's copy first; else the file the journal names.
    const LibraryEntry* entry = launcher_.entry_for(scan.header->scenario_id);
    std::shared_ptr<const Scenario> scenario = entry != nullptr ? entry->scenario : nullptr;
    const std::filesystem::path file =
        entry != nullptr ? entry->file : std::filesystem::path(scan.header->scenario_file);
    if (!scenario) {
        auto loaded = load_scenario_file(file, ui_.resources);
        if (!loaded.ok()) {
            errors_file_ = file;
            errors_ = std::move(loaded.diagnostics);
            screen_ = Screen::errors;
            return;
        }
        scenario = loaded.value;
    }
    try {
        std::string notice;
        if (scan.header->mode == "workshop") {
            // The scan's events are the intact ones, as replayed; a torn tail is not among them.
            Workshop workshop(RecordedSession::resume(scenario, journal, notice), scan,
                              std::make_unique<HandCount>());
            present_ =
                std::make_unique<PresentView>(ui_, std::move(workshop), scan.header->group,
                                              notice.empty() ? ui_.tr("present.resumed") : notice);
            screen_ = Screen::present;
            message_.clear();
            return;
        }
        practice_ = std::make_unique<PracticeView>(
            ui_, RecordedSession::resume(scenario, journal, notice), notice);
        last_file_ = file;
        last_language_ = scan.header->language;
        screen_ = Screen::practice;
        message_.clear();
    } catch (const std::exception& e) {
        message_ = ui_.text.format("ui.error.cannot_resume", {journal.string(), e.what()});
    }
}

std::string AppShell::screen_name() const {
    switch (screen_) {
        case Screen::launcher:
            return "launcher";
        case Screen::errors:
            return "errors";
        case Screen::practice:
            return practice_ ? practice_->screen_name() : "practice";
        case Screen::present:
            return present_ ? present_->screen_name() : "present";
        case Screen::results:
            return "results";
        case Screen::studio:
            return studio_ ? studio_->screen_name() : "studio";
        case Screen::own_case:
            return case_ ? case_->screen_name() : "case";
    }
    return "screen";
}

void AppShell::handle_keys() {
    if (ctrl_held()) {
        if (key_repeated(Key::plus)) {
            change_zoom(ui_.settings.zoom + 0.1f);
        } else if (key_repeated(Key::minus)) {
            change_zoom(ui_.settings.zoom - 0.1f);
        } else if (digit_hit(0)) {
            change_zoom(1.0f);
        }
    }
    // Esc leaves a text field first (ImGui does that); only then does it open the menu.
    if (!typing() && key_hit(Key::escape) && !ImGui::IsPopupOpen("menu")) {
        menu_requested_ = true;
    }
}

void AppShell::draw_top_bar() {
    const Palette& p = palette(ui_.settings.theme);
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Deliberate");
    ImGui::PopFont();
    const float em = ImGui::GetFontSize();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - em * 22.0f);
    for (const char* lang : {"nl", "en"}) {
        const bool on = ui_.settings.language == lang;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        if (ImGui::Button(lang[0] == 'n' ? "NL" : "EN")) {
            set_language(lang);
        }
        if (on) {
            ImGui::PopStyleColor(2);
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(
            ui_.tr(ui_.settings.theme == "dark" ? "ui.theme.light" : "ui.theme.dark").c_str())) {
        ui_.settings.theme = ui_.settings.theme == "dark" ? "light" : "dark";
        settings_changed_ = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("A\xE2\x88\x92")) {
        change_zoom(ui_.settings.zoom - 0.1f);
    }
    ImGui::SameLine();
    if (ImGui::Button("A+")) {
        change_zoom(ui_.settings.zoom + 0.1f);
    }
    ImGui::SameLine();
    if (ImGui::Button(ui_.tr("ui.menu").c_str())) {
        menu_requested_ = true;
    }
    ImGui::Separator();
}

void AppShell::draw_sharing_menu(bool keys) {
    // Sharing is the participant's choice, off until made; here it can be changed.
    bool share = ui_.settings.share_results == "yes";
    if (ImGui::Checkbox(ui_.tr("ui.menu.share").c_str(), &share)) {
        ui_.settings.share_results = share ? "yes" : "no";
        settings_changed_ = true;
    }
    draw_results_folder(keys);
    // The organisation's shared results, from the library only: never in the middle of a session.
    if (screen_ == Screen::launcher &&
        (ImGui::Button((ui_.tr("ui.menu.results") + "   [O]").c_str()) ||
         (keys && key_hit(Key::o)))) {
        results_ = std::make_unique<ResultsView>(ui_);
        screen_ = Screen::results;
        ImGui::CloseCurrentPopup();
    }
}

void AppShell::draw_results_folder(bool keys) {
    const auto check = [this](const std::string& folder) {
        if (folder.empty()) {
            return ui_.tr("ui.menu.folder_none");
        }
        const std::string problem = check_results_folder(folder);
        return problem.empty() ? ui_.tr("ui.menu.folder_ok") : ui_.tr("ui.menu.folder_" + problem);
    };
    if (!folder_field_open_) {
        // Checked when saved, not on opening: a network share that does not answer must not
        // hold up the menu.
        folder_typed_ = ui_.settings.results_folder;
        folder_check_.clear();
        folder_field_open_ = true;
    }
    ImGui::TextUnformatted((ui_.tr("ui.menu.folder") + "   [F]").c_str());
    if (keys && key_hit(Key::f)) {
        // Focused with all of it selected, so that what is typed replaces it.
        ImGui::SetKeyboardFocusHere();
        ui_.redraw_within(std::chrono::milliseconds(50));
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    const bool entered = ImGui::InputTextWithHint(
        "##results_folder", ui_.tr("ui.menu.folder_hint").c_str(), &folder_typed_,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::SameLine();
    if (entered || ImGui::Button(ui_.tr("ui.menu.folder_save").c_str())) {
        // Kept as typed, less spaces around it; a folder that cannot be reached now is still
        // saved (a network share may be down), and what the check found is said plainly.
        const auto first = folder_typed_.find_first_not_of(" \t");
        const auto last = folder_typed_.find_last_not_of(" \t");
        folder_typed_ =
            first == std::string::npos ? "" : folder_typed_.substr(first, last - first + 1);
        ui_.settings.results_folder = folder_typed_;
        settings_changed_ = true;
        folder_check_ = check(folder_typed_);
    }
    if (const char* env = std::getenv("DELIBERATE_RESULTS"); env != nullptr && *env != '\0') {
        muted(ui_, ui_.text.format("ui.menu.folder_env", {env}));
    } else if (!folder_check_.empty()) {
        paragraph(folder_check_);
    }
}

void AppShell::draw_menu() {
    if (menu_requested_) {
        ImGui::OpenPopup("menu");
        menu_requested_ = false;
        folder_field_open_ = false;
        menu_opened_frame_ = ImGui::GetFrameCount();
    }
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("menu", nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        return;
    }
    heading(ui_, ui_.tr("ui.menu"));
    // Keys inside the menu: L language, T theme, M mute, F the results folder, Q quit, Esc or
    // Enter close. Not in the frame that opened it, where the Esc that opened it is still
    // pressed, nor while the results folder is typed.
    const bool keys = ImGui::GetFrameCount() != menu_opened_frame_ && !typing();
    const auto pressed = [keys](Key key) { return keys && key_hit(key); };
    const bool key_l = pressed(Key::l);
    const bool key_t = pressed(Key::t);
    const bool key_m = pressed(Key::m);
    if (ImGui::Button((ui_.tr("ui.menu.language") + "   [L]").c_str()) || key_l) {
        set_language(ui_.settings.language == "nl" ? "en" : "nl");
    }
    if (ImGui::Button((ui_.tr("ui.menu.theme") + "   [T]").c_str()) || key_t) {
        ui_.settings.theme = ui_.settings.theme == "dark" ? "light" : "dark";
        settings_changed_ = true;
    }
    ImGui::TextUnformatted(
        ui_.text
            .format("ui.menu.zoom",
                    {std::to_string(static_cast<int>(std::round(ui_.settings.zoom * 100)))})
            .c_str());
    int volume = static_cast<int>(std::round(ui_.settings.volume * 100));
    if (pressed(Key::left) || pressed(Key::right)) {
        volume = std::clamp(volume + (pressed(Key::right) ? 10 : -10), 0, 100);
        ui_.settings.volume = static_cast<float>(volume) / 100.0f;
        settings_changed_ = true;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::SliderInt((ui_.tr("ui.menu.volume") + "   [\xE2\x86\x90 \xE2\x86\x92]").c_str(),
                         &volume, 0, 100, "%d%%")) {
        ui_.settings.volume = static_cast<float>(volume) / 100.0f;
        settings_changed_ = true;
    }
    bool muted_now = ui_.settings.muted;
    if (ImGui::Checkbox((ui_.tr("ui.menu.mute") + "   [M]").c_str(), &muted_now) || key_m) {
        ui_.settings.muted = key_m ? !ui_.settings.muted : muted_now;
        settings_changed_ = true;
    }
    draw_sharing_menu(keys);
    ImGui::Separator();
    if (screen_ != Screen::launcher &&
        ImGui::Button((ui_.tr("ui.to_library") + "   [B]").c_str())) {
        leave_to_launcher();
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::Button((ui_.tr("ui.menu.quit") + "   [Q]").c_str()) || pressed(Key::q)) {
        quit_ = true;
    }
    ImGui::SameLine();
    if (ImGui::Button((ui_.tr("ui.menu.close") + "   [Esc]").c_str()) || pressed(Key::escape) ||
        pressed(Key::enter)) {
        ImGui::CloseCurrentPopup();
    }
    if (screen_ != Screen::launcher && pressed(Key::b)) {
        leave_to_launcher();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

bool AppShell::open_studio(const std::filesystem::path& scenario_file, const StudioOptions& options,
                           std::string& error) {
    studio_ = std::make_unique<StudioView>(ui_, options);
    if (!studio_->open(scenario_file, error)) {
        studio_.reset();
        return false;
    }
    screen_ = Screen::studio;
    return true;
}

bool AppShell::attach_phones(std::string& error) {
    const std::string language = present_ ? present_->workshop().session().language()
                                 : case_  ? case_->own_case().state().header.language
                                          : std::string();
    if (language.empty() || !ui_.start_phones) {
        error = "--phones: nothing is presented";
        return false;
    }
    auto link = ui_.start_phones(language, error);
    if (!link) {
        return false;
    }
    if (present_) {
        present_->attach_phones(std::move(*link));
    } else {
        case_->attach_phones(std::move(*link));
    }
    return true;
}

void AppShell::leave_to_launcher() {
    keep_what_is_on_screen();
    screen_ = Screen::launcher;
    present_.reset();  // its journal stays and is listed under "continue"
    studio_.reset();
    case_.reset();
    launcher_.reload();
}

void AppShell::draw_audience(const SlideFonts& fonts) {
    if (present_) {
        present_->draw_audience(fonts);
    } else if (case_) {
        case_->draw_audience(fonts);
    }
    // Esc in the audience window opens the menu on the console.
    if (key_hit(Key::escape)) {
        menu_requested_ = true;
    }
}

// The screen under the top bar: the launcher, a scenario's errors, practice or the console.
void AppShell::draw_screen() {
    switch (screen_) {
        case Screen::launcher:
            if (!message_.empty()) {
                coloured(palette(ui_.settings.theme).error, message_);
            }
            follow_launcher(launcher_.draw());
            break;
        case Screen::errors:
            if (draw_diagnostics(ui_, errors_file_, errors_)) {
                screen_ = Screen::launcher;
                launcher_.reload();
            }
            break;
        case Screen::present:
            present_->draw_console();
            break;
        case Screen::results:
            if (results_->draw()) {
                results_.reset();
                screen_ = Screen::launcher;
            }
            break;
        case Screen::studio:
            if (studio_->draw() == StudioView::Action::to_library) {
                leave_to_launcher();
            }
            break;
        case Screen::own_case:
            case_->draw_console();
            break;
        case Screen::practice: {
            const PracticeView::Action action = practice_->draw();
            if (action == PracticeView::Action::to_library) {
                screen_ = Screen::launcher;
                launcher_.reload();
            } else if (action == PracticeView::Action::play_again) {
                start(nullptr, last_file_, last_language_, {});
            }
            break;
        }
    }
}

void AppShell::follow_launcher(const LauncherView::Request& request) {
    using Kind = LauncherView::Request::Kind;
    if (request.kind == Kind::practise) {
        const LibraryEntry& entry = launcher_.entries()[request.entry];
        start(entry.scenario.get(), entry.file, "", {});
    } else if (request.kind == Kind::present) {
        std::string error;
        if (!open_present(launcher_.entries()[request.entry].file, {}, error)) {
            message_ = error;
        }
    } else if (request.kind == Kind::own_case) {
        std::string error;
        if (!open_case("dilemma-method", ui_.settings.language, error)) {
            message_ = error;
        }
    } else if (request.kind == Kind::show_errors) {
        const LibraryEntry& entry = launcher_.entries()[request.entry];
        errors_file_ = entry.file;
        errors_ = entry.diagnostics;
        screen_ = Screen::errors;
    } else if (request.kind == Kind::resume) {
        resume(request.journal);
    } else if (request.kind == Kind::write) {
        studio_ = std::make_unique<StudioView>(ui_);
        screen_ = Screen::studio;
    }
}

void AppShell::draw() {
    settings_changed_ = false;
    // One window while presenting: the audience view fills it, until C shows the console.
    if (presenting() && !audience_window_ &&
        !(present_ ? present_->console_shown() : case_->console_shown())) {
        const SlideFonts fonts{ui_.fonts.audience_body, ui_.fonts.audience_bold,
                               ui_.fonts.audience_heading, ui_.fonts.audience_display};
        if (present_) {
            present_->draw_audience(fonts);
        } else {
            case_->draw_audience(fonts);
        }
        if (!ImGui::IsPopupOpen("menu")) {
            handle_keys();
        }
        draw_menu();
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Deliberate", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool menu_open = ImGui::IsPopupOpen("menu");
    if (!menu_open) {
        handle_keys();
    }
    draw_top_bar();
    ImGui::BeginChild("screen", ImVec2(0, -ImGui::GetTextLineHeightWithSpacing() * 1.2f), false,
                      ImGuiWindowFlags_NoBackground);
    // While the menu is open the screen below must not react to keys meant for the menu.
    if (menu_open) {
        ImGui::BeginDisabled();
    }
    draw_screen();
    if (menu_open) {
        ImGui::EndDisabled();
    }
    ImGui::EndChild();
    if (!ui_.status.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette(ui_.settings.theme).muted);
        ImGui::TextUnformatted(ui_.status.c_str());
        ImGui::PopStyleColor();
    }
    draw_menu();
    ImGui::End();
}

}  // namespace deliberate::ui
