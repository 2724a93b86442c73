// The Results screen.
#include "results_view.hpp"

#include <imgui.h>

#include <cmath>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "deliberate/scenario/library.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "keys.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace fs = std::filesystem;

ResultsView::ResultsView(UiContext& ui) : ui_(ui) {
    reading_ = std::async(
        std::launch::async,
        [folder = resolve_results_folder("", ui_.settings.results_folder), data = ui_.data_dir,
         scenarios = ui_.scenarios_dir, resources = ui_.resources] {
            Read out;
            out.folder = folder.string();
            if (folder.empty()) {
                out.problem = "none";
                return out;
            }
            const ResultsRead read = read_results(folder, results_cache_path(data, folder));
            if (!read.problem.empty()) {
                out.problem = read.problem;
                return out;
            }
            std::vector<std::shared_ptr<const Scenario>> known;
            for (const LibraryEntry& entry : scan_library(scenarios, resources)) {
                if (entry.ok()) {
                    known.push_back(entry.scenario);
                }
            }
            out.report = build_report(read.facts, {}, known);
            out.report.skipped = read.skipped;
            return out;
        });
}

ResultsView::~ResultsView() {
    if (reading_.valid()) {
        reading_.wait();
    }
}

void ResultsView::bars(const std::vector<std::pair<std::string, long long>>& rows,
                       long long total) {
    for (const auto& [label, n] : rows) {
        const bool shown = n == 0 || count_shown(n);
        const float share =
            shown && total > 0 ? static_cast<float>(n) / static_cast<float>(total) : 0.0f;
        paragraph(label);
        const std::string figure =
            shown ? std::to_string(std::lround(share * 100.0f)) + "%  (" + std::to_string(n) + ")"
                  : ui_.tr("report.hidden");
        ImGui::ProgressBar(share, ImVec2(ImGui::CalcItemWidth(), 0), figure.c_str());
    }
}

void ResultsView::draw_dilemma(const ScenarioFigures& s, const DilemmaFigures& d) {
    const Scenario* scenario = s.scenario.get();
    const std::string lang = ui_.text.language();
    const Node* node = nullptr;
    if (scenario != nullptr) {
        if (const auto n = scenario->find_node(d.node)) {
            node = &scenario->nodes[*n];
        }
    }
    const auto option_label = [&](const std::string& id) {
        for (const Option& o : node != nullptr ? node->options : std::vector<Option>{}) {
            if (o.id == id) {
                return o.label.in(lang);
            }
        }
        return id;
    };
    ImGui::Spacing();
    ImGui::PushFont(ui_.fonts.bold);
    paragraph(node != nullptr && !node->question.empty() ? node->question.in(lang) : d.node);
    ImGui::PopFont();
    const bool practice_shown = count_shown(d.reached);
    if (!practice_shown) {
        muted(ui_, ui_.tr("report.too_few"));
    }
    for (const SettingFigures& g : practice_shown ? d.settings : std::vector<SettingFigures>{}) {
        const std::string setting =
            scenario != nullptr ? factor_setting_text(*scenario, parse_setting_key(g.setting), lang)
                                : g.setting;
        muted(ui_, (setting.empty() ? ui_.tr("report.how_chosen")
                                    : ui_.text.format("report.under_setting", {setting})) +
                       " (" + shown_count(g.sessions, ui_.text) + ")");
        if (count_shown(g.sessions)) {
            std::vector<std::pair<std::string, long long>> rows;
            for (const ReportCount& c : g.options) {
                rows.emplace_back(option_label(c.id), c.n);
            }
            bars(rows, g.sessions);
        }
    }
    for (const VoteFigures& v : d.votes) {
        for (const bool first : {true, false}) {
            const long long hands = first ? v.first_hands : v.final_hands;
            if (!count_shown(hands)) {
                continue;
            }
            muted(ui_, ui_.tr(first ? "report.first_vote" : "report.final_vote"));
            std::vector<std::pair<std::string, long long>> rows;
            for (const ReportCount& c : first ? v.first : v.final_) {
                rows.emplace_back(option_label(c.id), c.n);
            }
            bars(rows, hands);
        }
    }
    if (practice_shown && !d.blind_spots.empty()) {
        muted(ui_, ui_.tr("report.blind_spots"));
        for (const BlindSpot& b : d.blind_spots) {
            std::string label = b.candidate;
            for (const Stakeholder& st :
                 scenario != nullptr ? scenario->stakeholders : std::vector<Stakeholder>{}) {
                label = st.id == b.candidate ? st.label.in(lang) : label;
            }
            ImGui::BulletText("%s: %s / %s", label.c_str(), shown_count(b.named, ui_.text).c_str(),
                              shown_count(b.answered, ui_.text).c_str());
        }
    }
}

void ResultsView::draw_scenario(const ScenarioFigures& s) {
    const std::string lang = ui_.text.language();
    const std::string title = s.scenario ? s.scenario->title.in(lang) : s.id;
    if (!ImGui::CollapsingHeader((title + "##" + s.id).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    paragraph(ui_.text.format(
        "report.reach", {shown_count(s.practice, ui_.text), shown_count(s.workshop, ui_.text)}));
    if (ImGui::BeginTable(("reach##" + s.id).c_str(), 3, ImGuiTableFlags_Borders)) {
        // Headings in bold on the page's own background: the table header colour of the
        // light theme leaves too little contrast.
        ImGui::TableNextRow();
        ImGui::PushFont(ui_.fonts.bold);
        for (const char* key : {"report.month", "report.practice", "report.workshops"}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui_.tr(key).c_str());
        }
        ImGui::PopFont();
        for (const auto& [month, counts] : s.months) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(month.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shown_count(counts.first, ui_.text).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shown_count(counts.second, ui_.text).c_str());
        }
        ImGui::EndTable();
    }
    for (const DilemmaFigures& d : s.dilemmas) {
        draw_dilemma(s, d);
    }
}

bool ResultsView::draw() {
    if (reading_.valid() &&
        reading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        read_ = reading_.get();
    } else if (reading_.valid()) {
        ui_.redraw_within(std::chrono::milliseconds(100));
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::BeginChild("results", ImVec2(0, -footer), false, ImGuiWindowFlags_NoBackground);
    begin_column(ui_, 44.0f);
    heading(ui_, ui_.tr("report.title"));
    if (!read_) {
        muted(ui_, ui_.tr("others.loading"));
    } else if (read_->problem == "none") {
        paragraph(ui_.tr("results.no_folder"));
    } else if (!read_->problem.empty()) {
        paragraph(read_->problem);
    } else {
        const ResultsReport& report = read_->report;
        long long skipped = 0;
        for (const auto& [reason, n] : report.skipped) {
            skipped += n;
        }
        const std::string why = skipped_reasons(report.skipped, ui_.text);
        if (skipped > 0) {
            paragraph(ui_.text.format("report.skipped", {std::to_string(skipped), why}));
        }
        muted(ui_, report.extracts == hidden_count
                       ? ui_.tr("report.meta_all_hidden")
                       : ui_.text.format("report.meta_all", {std::to_string(report.extracts)}));
        muted(ui_, ui_.tr("report.k_rule"));
        if (report.scenarios.empty()) {
            paragraph(ui_.tr("report.nothing"));
        }
        for (const ScenarioFigures& s : report.scenarios) {
            draw_scenario(s);
        }
    }
    end_column();
    ImGui::EndChild();
    ImGui::Separator();
    return primary_button(ui_, ui_.tr("ui.to_library"), ui_.tr("ui.key.enter")) ||
           key_pressed(Key::enter);
}

}  // namespace deliberate::ui
