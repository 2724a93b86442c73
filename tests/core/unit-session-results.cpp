// Recorded sessions as others see them: how others chose (from five sessions on) and the list
// of sessions the launcher offers to continue.
#include <doctest/doctest.h>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/session_results.hpp"
#include "journal_support.hpp"

using namespace deliberate;

TEST_CASE("how others chose: counted per dilemma, shown from five earlier sessions on") {
    test::TempDir dir;
    std::vector<std::filesystem::path> journals;
    for (int i = 0; i < 4; ++i) {
        auto path = dir / ("s" + std::to_string(i) + ".jsonl");
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);  // chooses `report`
        journals.push_back(path);
    }
    const auto scenario = test::full_featured();
    ChoiceTally four = tally_choices(*scenario, journals, {});
    CHECK(four.sessions == 4);
    CHECK_FALSE(four.shown());
    auto path = dir / "s4.jsonl";
    {
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
    }
    journals.push_back(path);
    ChoiceTally five = tally_choices(*scenario, journals, {});
    CHECK(five.shown());
    const DilemmaTally* parcel = five.find(*scenario->find_node("parcel"));
    REQUIRE(parcel != nullptr);
    CHECK(parcel->reached == 5);
    CHECK(parcel->per_option == std::vector<int>{0, 5});
    // The participant's own session is left out.
    CHECK(tally_choices(*scenario, journals, path).sessions == 4);
    // A workshop's branch is the group's: not counted as one participant's choice.
    auto workshop = dir / "w.jsonl";
    {
        Session session(scenario, "en");
        auto rec = RecordedSession::start(std::move(session), workshop,
                                          make_journal_header(Session(scenario, "en"), "workshop"));
        test::play_full_featured(rec);
    }
    journals.push_back(workshop);
    CHECK(tally_choices(*scenario, journals, {}).sessions == 5);
}

TEST_CASE("recorded sessions are listed newest first, with what the launcher needs") {
    test::TempDir dir;
    const auto data = dir / "data";
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "workshop");
    header.group = "Team A";
    const auto path = new_journal_path(data, "full-featured", header.participant);
    {
        auto rec = RecordedSession::start(std::move(session), path, std::move(header));
        rec.continue_scene();
    }
    const auto sessions = list_recorded_sessions(data);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].scenario_id == "full-featured");
    CHECK(sessions[0].mode == "workshop");
    CHECK(sessions[0].group == "Team A");  // --resume --group picks by it
    CHECK(sessions[0].events == 1);
    CHECK_FALSE(sessions[0].finished);
    CHECK(sessions[0].resumable);
}
