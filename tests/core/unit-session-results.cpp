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

TEST_CASE("how others chose counts finished sessions only") {
    test::TempDir dir;
    std::vector<std::filesystem::path> journals;
    for (int i = 0; i < 5; ++i) {
        auto path = dir / ("s" + std::to_string(i) + ".jsonl");
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
        journals.push_back(path);
    }
    // Four sessions stopped after choosing: counted, they would make up the five with one
    // finished session, and that one person's choice would be on show.
    for (int i = 0; i < 4; ++i) {
        auto path = dir / ("u" + std::to_string(i) + ".jsonl");
        auto rec = test::start_recording(path);
        rec.continue_scene();
        journals.push_back(path);
    }
    const auto scenario = test::full_featured();
    CHECK(tally_choices(*scenario, journals, {}).sessions == 5);
    const std::vector<std::filesystem::path> one_finished{journals[0], journals[5], journals[6],
                                                          journals[7], journals[8]};
    const ChoiceTally few = tally_choices(*scenario, one_finished, {});
    CHECK(few.sessions == 1);
    CHECK_FALSE(few.shown());
}

TEST_CASE("an option's count shows from five on; fewer is only \"fewer than 5\"") {
    const auto figures = [](std::vector<int> counts) {
        DilemmaTally d{0, 0, counts};
        for (const int n : counts) {
            d.reached += n;
        }
        std::vector<std::string> out;
        for (const OptionFigure& f : option_figures(d)) {
            out.push_back(f.shown ? std::to_string(f.count) + " " + std::to_string(f.percent) + "%"
                                  : "fewer");
        }
        return out;
    };
    using list = std::vector<std::string>;
    // Thresholds at 4, 5 and 6 for a single option.
    CHECK(figures({4, 10, 10}) == list{"fewer", "fewer", "10 42%"});
    CHECK(figures({5, 10, 10}) == list{"5 20%", "10 40%", "10 40%"});
    CHECK(figures({6, 10, 10}) == list{"6 23%", "10 38%", "10 38%"});
    // A lone small count would follow from the rest: the smallest shown one hides with it.
    CHECK(figures({4, 6}) == list{"fewer", "fewer"});
    CHECK(figures({1, 5, 9}) == list{"fewer", "fewer", "9 60%"});
    // Hidden counts that together reach five give nothing away about any one of them.
    CHECK(figures({3, 2, 7}) == list{"fewer", "fewer", "7 58%"});
    // Nobody chose it: nothing to recognise, but shown the same way as a small count.
    CHECK(figures({0, 5}) == list{"fewer", "5 100%"});
    CHECK(figures({5, 5}) == list{"5 50%", "5 50%"});
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
