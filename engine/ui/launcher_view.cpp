// The launcher: keys 1-9 open the n-th card shown, C continues the latest session, / or
// Ctrl+F searches.
#include "launcher_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "deliberate/case/own_case.hpp"
#include "keys.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

std::string language_list(const Scenario& scenario) {
    std::string out;
    for (const std::string& lang : scenario.languages) {
        std::string upper = lang;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        out += (out.empty() ? "" : ", ") + upper;
    }
    return out;
}

// "2026-11-28T14:05:33.120Z" as "2026-11-28 14:05" (UTC, as recorded).
std::string short_time(const std::string& time) {
    return time.size() >= 16 ? time.substr(0, 10) + " " + time.substr(11, 5) : time;
}

}  // namespace

// The library is read when it is first needed, so that `deliberate practice` opens without
// loading every scenario first.
LauncherView::LauncherView(UiContext& ui) : ui_(ui) {}

void LauncherView::ensure_loaded() {
    if (!loaded_) {
        reload();
    }
}

void LauncherView::reload() {
    loaded_ = true;
    entries_ = scan_libraries(library_folders(ui_.scenarios_dir), ui_.resources);
    tags_ = library_tags(entries_);
    unfinished_.clear();
    for (RecordedSessionInfo& info : list_recorded_sessions(ui_.data_dir)) {
        if (info.finished || !info.resumable) {
            continue;
        }
        // A scenario outside the library (opened with `deliberate practice FILE`) can be
        // continued too, as long as its file is still where the journal says.
        std::error_code ec;
        std::string title;
        if (info.mode == case_mode) {
            title = case_title(info.journal);
        } else if (const LibraryEntry* entry = entry_for(info.scenario_id)) {
            title = entry->scenario->title.in(info.language);
        } else if (std::filesystem::is_regular_file(info.scenario_file, ec)) {
            const auto loaded = load_scenario_file(info.scenario_file, ui_.resources);
            title = loaded.ok() ? loaded.value->title.in(info.language) : info.scenario_id;
        } else {
            continue;
        }
        unfinished_.push_back({std::move(info), std::move(title)});
    }
}

const LibraryEntry* LauncherView::entry_for(const std::string& scenario_id) {
    ensure_loaded();
    for (const LibraryEntry& e : entries_) {
        if (e.ok() && e.scenario->id == scenario_id) {
            return &e;
        }
    }
    return nullptr;
}

std::string LauncherView::case_title(const std::filesystem::path& journal) {
    const JournalScan scan = scan_journal(journal);
    try {
        return scan.header ? read_case(*scan.header, scan.events, scan.event_lines).content.title
                           : std::string();
    } catch (const std::exception&) {
        return journal.filename().string();
    }
}

LauncherView::Request LauncherView::draw_continue() {
    Request request;
    if (unfinished_.empty()) {
        return request;
    }
    heading(ui_, ui_.tr("ui.launcher.continue"));
    const std::size_t shown = std::min<std::size_t>(unfinished_.size(), 3);
    for (std::size_t i = 0; i < shown; ++i) {
        const RecordedSessionInfo& info = unfinished_[i].info;
        ImGui::PushID(static_cast<int>(i));
        const std::string line = (info.mode == "workshop" ? ui_.tr("ui.mode.workshop") + ":  "
                                  : info.mode == "case"   ? ui_.tr("ui.mode.own_case") + ":  "
                                                          : std::string()) +
                                 ui_.text.format("ui.launcher.session_line",
                                                 {unfinished_[i].title, short_time(info.last_event),
                                                  std::to_string(info.events)});
        if (secondary_button(ui_.tr("ui.launcher.continue_button"), i == 0 ? "C" : "") ||
            (i == 0 && key_pressed(Key::c))) {
            request.kind = Request::Kind::resume;
            request.journal = info.journal;
        }
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopID();
    }
    ImGui::Spacing();
    return request;
}

void LauncherView::draw_modes() {
    const Palette& p = palette(ui_.settings.theme);
    // P and W switch between practice and workshop.
    if (key_pressed(Key::w)) {
        workshop_mode_ = true;
    } else if (key_pressed(Key::p)) {
        workshop_mode_ = false;
    }
    const struct {
        const char* title;
        const char* line;
        const char* key;
        bool available;
    } modes[] = {
        {"ui.mode.practice", "ui.mode.practice_line", "P", true},
        {"ui.mode.workshop", "ui.mode.workshop_line", "W", true},
        {"ui.mode.author", "ui.mode.author_line", "", true},
    };
    const float width =
        (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
    for (std::size_t i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        ImGui::PushID(static_cast<int>(i));
        const bool selected = i < 2 && (i == 1) == workshop_mode_;
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
            ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.0f);
        } else if (!modes[i].available) {
            ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.6f);
        }
        ImGui::BeginChild("mode", ImVec2(width, ImGui::GetFontSize() * 5.2f), true,
                          ImGuiWindowFlags_NoScrollbar);
        ImGui::PushFont(ui_.fonts.bold);
        const std::string key =
            modes[i].key[0] != '\0' ? std::string("   [") + modes[i].key + "]" : "";
        ImGui::TextWrapped("%s", (ui_.tr(modes[i].title) + key).c_str());
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
        ImGui::TextWrapped("%s", ui_.tr(modes[i].line).c_str());
        ImGui::PopStyleColor();
        ImGui::EndChild();
        if (modes[i].available && ImGui::IsItemClicked()) {
            write_requested_ = i == 2;
            workshop_mode_ = i == 1 || (i == 2 && workshop_mode_);
        }
        if (selected) {
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
        } else if (!modes[i].available) {
            ImGui::PopStyleVar();
        }
        ImGui::PopID();
    }
    if (workshop_mode_) {
        coloured(p.accent, ui_.tr("ui.launcher.workshop_pick"));
        // Or a dilemma the group brings itself, with no scenario.
        own_case_ = secondary_button(ui_.tr("ui.mode.own_case"), "O") || key_pressed(Key::o);
        ImGui::SameLine();
        muted(ui_, ui_.tr("ui.mode.own_case_line"));
    }
    ImGui::Spacing();
}

// The search field, the tag filter and the length filter above the cards.
void LauncherView::draw_filters() {
    if ((!typing() && (key_hit(Key::slash) || (ctrl_held() && key_hit(Key::f))))) {
        focus_search_ = true;
    }
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    ImGui::InputTextWithHint("##search", ui_.tr("ui.launcher.search").c_str(), &search_);
    if (ImGui::IsItemFocused() && key_hit(Key::escape)) {
        search_.clear();
    }
    // [ and ] step through the tags, for those without a mouse.
    const int step = key_pressed(Key::right_bracket) ? 1 : key_pressed(Key::left_bracket) ? -1 : 0;
    if (step != 0 && !tags_.empty()) {
        const auto at = std::find(tags_.begin(), tags_.end(), tag_);
        const int count = static_cast<int>(tags_.size()) + 1;  // "all" is position 0
        int position = at == tags_.end() ? 0 : static_cast<int>(at - tags_.begin()) + 1;
        position = (position + step + count) % count;
        tag_ = position == 0 ? "" : tags_[static_cast<std::size_t>(position - 1)];
    }
    // Many tags: a drop-down keeps the library in view.
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const std::string all = ui_.tr("ui.launcher.all_tags");
    if (ImGui::BeginCombo("##tag", tag_.empty() ? all.c_str() : ("# " + tag_).c_str())) {
        if (ImGui::Selectable(all.c_str(), tag_.empty())) {
            tag_.clear();
        }
        for (const std::string& tag : tags_) {
            if (ImGui::Selectable(("# " + tag).c_str(), tag_ == tag)) {
                tag_ = tag;
            }
        }
        ImGui::EndCombo();
    }
    // Length: "10 minutes" finds the dilemma cards for a team meeting.
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const std::string any_length = ui_.tr("ui.launcher.any_length");
    const auto length_label = [&](int minutes) {
        return ui_.text.format("ui.launcher.at_most_minutes", {std::to_string(minutes)});
    };
    if (ImGui::BeginCombo("##length",
                          length_ == 0 ? any_length.c_str() : length_label(length_).c_str())) {
        if (ImGui::Selectable(any_length.c_str(), length_ == 0)) {
            length_ = 0;
        }
        for (const int minutes : library_lengths) {
            if (ImGui::Selectable(length_label(minutes).c_str(), length_ == minutes)) {
                length_ = minutes;
            }
        }
        ImGui::EndCombo();
    }
}

std::vector<std::size_t> LauncherView::shown_entries() const {
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (library_matches(entries_[i], search_, tag_, ui_.settings.language) &&
            within_length(entries_[i], length_)) {
            shown.push_back(i);
        }
    }
    return shown;
}

LauncherView::Request LauncherView::draw_cards() {
    Request request;
    heading(ui_, ui_.tr("ui.launcher.library"));
    draw_filters();
    ImGui::Spacing();

    const std::vector<std::size_t> shown = shown_entries();
    if (shown.empty()) {
        muted(ui_, entries_.empty()
                       ? ui_.text.format("ui.launcher.empty_folder", {ui_.scenarios_dir.string()})
                       : ui_.tr("ui.launcher.no_match"));
        return request;
    }
    const int digit = digit_pressed();
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::max(1, static_cast<int>((avail + spacing) / (em * 20 + spacing)));
    const float width =
        (avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float height = em * 14.0f;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const LibraryEntry& entry = entries_[shown[k]];
        if (k % static_cast<std::size_t>(columns) != 0) {
            ImGui::SameLine();
        }
        ImGui::PushID(static_cast<int>(shown[k]));
        ImGui::BeginChild("card", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
        const std::string number = k < 9 ? std::to_string(k + 1) : "";
        const bool clicked = entry.ok() ? draw_scenario_card(*entry.scenario, number, height)
                                        : draw_broken_card(entry, number, height);
        if (clicked || (digit > 0 && static_cast<std::size_t>(digit) == k + 1)) {
            request.kind = !entry.ok()      ? Request::Kind::show_errors
                           : workshop_mode_ ? Request::Kind::present
                                            : Request::Kind::practise;
            request.entry = shown[k];
        }
        ImGui::EndChild();
        ImGui::PopID();
    }
    return request;
}

// Title, length and languages, as much of the summary as fits, tags, and the button; true
// when the button was clicked.
bool LauncherView::draw_scenario_card(const Scenario& s, const std::string& number, float height) {
    const Palette& p = palette(ui_.settings.theme);
    const std::string& lang = ui_.settings.language;
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::TextWrapped("%s", s.title.in(lang).c_str());
    ImGui::PopFont();
    std::string meta = language_list(s);
    if (s.duration_minutes > 0) {
        meta = ui_.text.format("ui.launcher.minutes", {std::to_string(s.duration_minutes)}) +
               "  \xC2\xB7  " + meta;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
    ImGui::TextWrapped("%s", meta.c_str());
    ImGui::PopStyleColor();
    // The summary gets the room left above the tags and the button, clipped there.
    const float footer = ImGui::GetFrameHeightWithSpacing() +
                         ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
    // Whole lines only, so that no line shows cut in half.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float room = std::floor((height - ImGui::GetCursorPosY() - footer) / line) * line;
    if (room > ImGui::GetTextLineHeight()) {
        ImGui::BeginChild("summary", ImVec2(0, room), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                              ImGuiWindowFlags_NoBackground);
        ImGui::TextWrapped("%s", s.summary.in(lang).c_str());
        ImGui::EndChild();
    }
    std::string tags;
    for (const std::string& t : s.tags) {
        tags += (tags.empty() ? "# " : "  # ") + t;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
    ImGui::TextUnformatted(tags.c_str());
    ImGui::PopStyleColor();
    ImGui::SetCursorPosY(height - ImGui::GetFrameHeightWithSpacing() -
                         ImGui::GetStyle().WindowPadding.y * 0.5f);
    return primary_button(
        ui_, ui_.tr(workshop_mode_ ? "ui.launcher.present" : "ui.launcher.practise"), number);
}

// A scenario that does not load: its file name, how many errors, and a button to see them.
bool LauncherView::draw_broken_card(const LibraryEntry& entry, const std::string& number,
                                    float height) {
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::TextWrapped("%s", entry.file.filename().c_str());
    ImGui::PopFont();
    std::size_t errors = 0;
    for (const Diagnostic& d : entry.diagnostics) {
        errors += d.severity == Severity::error;
    }
    coloured(palette(ui_.settings.theme).error,
             ui_.text.format("ui.launcher.has_errors", {std::to_string(errors)}));
    ImGui::SetCursorPosY(height - ImGui::GetFrameHeightWithSpacing() -
                         ImGui::GetStyle().WindowPadding.y * 0.5f);
    return secondary_button(ui_.tr("ui.launcher.show_errors"), number);
}

LauncherView::Request LauncherView::draw() {
    ensure_loaded();
    Request request = draw_continue();
    draw_modes();
    if (write_requested_) {
        write_requested_ = false;
        Request write;
        write.kind = Request::Kind::write;
        return write;
    }
    if (own_case_) {
        own_case_ = false;
        request.kind = Request::Kind::own_case;
    }
    const Request card = draw_cards();
    return request.kind != Request::Kind::none ? request : card;
}

}  // namespace deliberate::ui
