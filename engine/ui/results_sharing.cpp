// How others chose and sharing, in the practice summary.
#include "results_sharing.hpp"

#include <imgui.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "keys.hpp"
#include "settings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace fs = std::filesystem;

namespace {

bool ready(const auto& future) {
    return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

ResultsSharing::ResultsSharing(UiContext& ui) : ui_(ui) {
    const fs::path results = results_folder();
    if (!results.empty() && ui_.settings.share_results == "yes") {
        delivering_ = std::async(std::launch::async, [data = ui_.data_dir, results] {
            std::string problem;
            deliver_outbox(data, results, problem);
        });
    }
}

ResultsSharing::~ResultsSharing() {
    // A read or write of the shared folder still under way is waited for: it holds no lock
    // the window needs, and its files must not be left half-done.
    for (auto* f : {&reading_}) {
        if (f->valid()) {
            f->wait();
        }
    }
    if (sharing_.valid()) {
        sharing_.wait();
    }
    if (delivering_.valid()) {
        delivering_.wait();
    }
}

fs::path ResultsSharing::results_folder() const {
    return resolve_results_folder("", ui_.settings.results_folder);
}

void ResultsSharing::begin(std::shared_ptr<const Scenario> scenario, const fs::path& journal) {
    scenario_ = std::move(scenario);
    journal_ = journal;
    own_ = build_extract(*scenario_, scan_journal(journal_));
    reading_ = std::async(std::launch::async, [scenario = scenario_, journal = journal_,
                                               data = ui_.data_dir, results = results_folder()] {
        const FactCounts local =
            local_facts(*scenario, list_journals(data, scenario->id), journal, data);
        FactCounts folder;
        if (!results.empty()) {
            folder = read_results(results, results_cache_path(data, results)).facts;
        }
        return others_figures(scenario, folder, local);
    });
    if (ui_.settings.share_results == "yes" && !results_folder().empty()) {
        share();
    }
}

void ResultsSharing::share() {
    if (!own_ || sharing_.valid() || !shared_message_.empty()) {
        return;
    }
    sharing_ = std::async(std::launch::async, [extract = *own_, data = ui_.data_dir,
                                               results = results_folder(), journal = journal_] {
        try {
            const ShareOutcome outcome = share_extract(data, results, extract);
            mark_shared(data, journal);
            return outcome.delivered ? ShareResult{ShareResult::done, ""}
                                     : ShareResult{ShareResult::waiting, outcome.problem};
        } catch (const std::exception& e) {
            return ShareResult{ShareResult::failed, e.what()};
        }
    });
}

void ResultsSharing::poll() {
    if (ready(reading_)) {
        figures_ = reading_.get();
    }
    if (ready(sharing_)) {
        const ShareResult result = sharing_.get();
        shared_message_ =
            result.outcome == ShareResult::done
                ? ui_.tr("share.done")
                : ui_.text.format(
                      result.outcome == ShareResult::waiting ? "share.waiting" : "share.failed",
                      {result.detail});
    }
    if (reading_.valid() || sharing_.valid()) {
        ui_.redraw_within(std::chrono::milliseconds(100));
    }
}

void ResultsSharing::draw_others(const Session& session) {
    poll();
    heading(ui_, ui_.tr("ui.others"));
    if (!figures_) {
        muted(ui_, ui_.tr("others.loading"));
        return;
    }
    const Scenario& scenario = session.scenario();
    muted(ui_, figures_->practice == hidden_count
                   ? ui_.tr("others.count_hidden")
                   : ui_.text.format("others.count", {std::to_string(figures_->practice)}));
    for (const ExtractDilemma& mine : own_ ? own_->dilemmas : std::vector<ExtractDilemma>{}) {
        const auto n = scenario.find_node(mine.node);
        const DilemmaFigures* d = nullptr;
        for (const DilemmaFigures& f : figures_->dilemmas) {
            d = f.node == mine.node ? &f : d;
        }
        if (!n) {
            continue;
        }
        const Node& node = scenario.nodes[*n];
        ImGui::Spacing();
        ImGui::PushFont(ui_.fonts.bold);
        paragraph(session.render(node.question.empty() ? node.title : node.question));
        ImGui::PopFont();
        if (d == nullptr || !count_shown(d->reached)) {
            muted(ui_, ui_.tr("others.too_few"));
            continue;
        }
        for (const SettingFigures& s : d->settings) {
            const std::string setting =
                factor_setting_text(scenario, parse_setting_key(s.setting), session.language());
            muted(ui_, sessions_text(setting, s.sessions, ui_.text));
            if (!count_shown(s.sessions)) {
                continue;
            }
            const bool my_setting = setting_key(mine.factors) == s.setting;
            for (const ReportCount& c : s.options) {
                std::string label = c.id;
                for (const Option& o : node.options) {
                    label = o.id == c.id ? session.render(o.label) : label;
                }
                const bool shown = c.n == 0 || count_shown(c.n);
                const float share =
                    shown ? static_cast<float>(c.n) / static_cast<float>(s.sessions) : 0.0f;
                const std::string figure = shown ? std::to_string(std::lround(share * 100.0f)) +
                                                       "%  (" + std::to_string(c.n) + ")"
                                                 : ui_.tr("report.hidden");
                paragraph(label + (my_setting && c.id == mine.choice
                                       ? "   \xE2\x86\x90 " + ui_.tr("ui.you")
                                       : ""));
                ImGui::ProgressBar(share, ImVec2(ImGui::CalcItemWidth(), 0), figure.c_str());
            }
        }
    }
}

void ResultsSharing::draw_sharing() {
    poll();
    if (!own_ || results_folder().empty()) {
        return;
    }
    ImGui::Spacing();
    ImGui::Separator();
    heading(ui_, ui_.tr("share.heading"));
    if (!shared_message_.empty()) {
        paragraph(shared_message_);
    } else if (sharing_.valid()) {
        muted(ui_, ui_.tr("share.busy"));
    } else if (ui_.settings.share_results.empty()) {
        paragraph(ui_.tr("share.question"));
        // Keys as well as buttons: S share, N don't, W what is shared.
        if (primary_button(ui_, ui_.tr("share.yes"), "S") || key_pressed(Key::s)) {
            ui_.settings.share_results = "yes";
            std::string error;
            save_settings(settings_file(), ui_.settings, error);
            share();
        }
        ImGui::SameLine();
        if (secondary_button(ui_.tr("share.no"), "N") || key_pressed(Key::n)) {
            ui_.settings.share_results = "no";
            std::string error;
            save_settings(settings_file(), ui_.settings, error);
        }
        ImGui::SameLine();
        if (secondary_button(ui_.tr(show_extract_ ? "share.hide" : "share.show"), "W") ||
            key_pressed(Key::w)) {
            show_extract_ = !show_extract_;
        }
        if (show_extract_) {
            // Exactly what would be shared, laid out to be read.
            std::string extract = nlohmann::ordered_json::parse(encode_extract(*own_)).dump(2);
            ImGui::InputTextMultiline("##extract", extract.data(), extract.size() + 1,
                                      ImVec2(-1, ImGui::GetTextLineHeight() * 12),
                                      ImGuiInputTextFlags_ReadOnly);
        }
    } else {
        muted(ui_, ui_.tr(ui_.settings.share_results == "yes" ? "share.on" : "share.off"));
    }
}

}  // namespace deliberate::ui
