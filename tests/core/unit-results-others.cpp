// How others chose after a session: the results folder and this laptop's unshared sessions,
// per dilemma and setting, the participant's own choice marked, under the k rule.
#include <doctest/doctest.h>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/others_choices.hpp"
#include "journal_support.hpp"
#include "results_support.hpp"

using namespace deliberate;

namespace {

MessageCatalogue english() {
    MessageCatalogue text;
    std::string error;
    REQUIRE(text.load(std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n", "en", error));
    return text;
}

// A local practice session that chooses `report` under the default setting (amount low).
std::filesystem::path played(const std::filesystem::path& data) {
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "practice");
    const auto path = new_journal_path(data, "full-featured", header.participant);
    auto rec = RecordedSession::start(std::move(session), path, header);
    rec.continue_scene();
    while (!rec.session().at_choice()) {
        rec.discuss_step();
    }
    rec.choose(1);
    while (!rec.session().at_ending()) {
        rec.session().at_dilemma() ? rec.discuss_step() : rec.continue_scene();
    }
    return path;
}

}  // namespace

TEST_CASE("how others chose counts the folder and the laptop's unshared sessions once each") {
    test::TempDir dir;
    const auto data = dir / "data";
    const auto scenario = test::full_featured();
    std::vector<std::filesystem::path> journals;
    for (int i = 0; i < 3; ++i) {
        journals.push_back(played(data));
    }
    const auto own = journals.back();
    // One local session was shared: it is in the folder's counts, not counted again here.
    mark_shared(data, journals[0]);
    const FactCounts local =
        local_facts(*scenario, list_journals(data, "full-featured"), own, data);
    FactCounts folder;
    add_extract_facts(test::practice_extract("report"), folder);  // the shared one
    for (int i = 0; i < 2; ++i) {
        add_extract_facts(test::practice_extract("keep"), folder);
    }
    const auto text = english();
    const auto mine = build_extract(*scenario, scan_journal(own));
    REQUIRE(mine);

    // 1 local + 3 in the folder = 4: nothing shown yet.
    ScenarioFigures four = others_figures(scenario, folder, local);
    CHECK(four.practice == hidden_count);  // 4: not shown
    std::string shown = others_text(four, *scenario, *mine, text, "en");
    CHECK(shown.find("Fewer than 5 finished sessions chose here") != std::string::npos);
    CHECK(shown.find("Keep:") == std::string::npos);

    // Two more in the folder: 6, of which 2 chose `report` (fewer than 5) and 4 `keep`.
    add_extract_facts(test::practice_extract("keep"), folder);
    add_extract_facts(test::practice_extract("keep"), folder);
    shown = others_text(others_figures(scenario, folder, local), *scenario, *mine, text, "en");
    CHECK(shown.find("How others chose (6 sessions") != std::string::npos);
    CHECK(shown.find("When Value: €25 (6 sessions):") != std::string::npos);
    CHECK(shown.find("Keep: not shown") != std::string::npos);
    CHECK(shown.find("Report: not shown   <- you") != std::string::npos);

    // `keep` at 5 of 7 would give the 2 who chose `report`: not shown either.
    add_extract_facts(test::practice_extract("keep"), folder);
    shown = others_text(others_figures(scenario, folder, local), *scenario, *mine, text, "en");
    CHECK(shown.find("Keep: not shown") != std::string::npos);
    CHECK(shown.find("(5)") == std::string::npos);
    // Once both reach 5, both shares are shown.
    for (int i = 0; i < 3; ++i) {
        add_extract_facts(test::practice_extract("report"), folder);
    }
    shown = others_text(others_figures(scenario, folder, local), *scenario, *mine, text, "en");
    CHECK(shown.find("Keep: 50% (5)") != std::string::npos);
    CHECK(shown.find("Report: 50% (5)   <- you") != std::string::npos);
}
