// Recording and replaying sessions: the same journal gives the same state, resuming carries
// on, a journal that does not fit its scenario is refused with its line; and the candidates,
// answer checks and feedback of each kind of step.
#include <doctest/doctest.h>

#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/session/step_input.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

void check_same_state(const Session& a, const Session& b) {
    CHECK(a.node().id == b.node().id);
    CHECK(a.step_position() == b.step_position());
    CHECK(a.history() == b.history());
    CHECK(a.variables() == b.variables());
    CHECK(a.factor_values() == b.factor_values());
    CHECK(a.language() == b.language());
    REQUIRE(a.choices().size() == b.choices().size());
    for (std::size_t i = 0; i < a.choices().size(); ++i) {
        CHECK(a.choices()[i].node == b.choices()[i].node);
        CHECK(a.choices()[i].option == b.choices()[i].option);
    }
    REQUIRE(a.answers().size() == b.answers().size());
    for (std::size_t i = 0; i < a.answers().size(); ++i) {
        CHECK(a.answers()[i].step_id == b.answers()[i].step_id);
        CHECK(a.answers()[i].picks == b.answers()[i].picks);
        CHECK(a.answers()[i].text == b.answers()[i].text);
        CHECK(a.answers()[i].scale == b.answers()[i].scale);
    }
}

// Rewrites event `index` of the journal at `path` with `change`, resealing its line.
template <typename Change>
void rewrite_event(const std::filesystem::path& path, std::size_t index, Change change) {
    const JournalScan scan = scan_journal(path);
    std::string bytes = encode_journal_header(*scan.header) + "\n";
    for (std::size_t i = 0; i < scan.events.size(); ++i) {
        JournalEvent event = scan.events[i];
        if (i == index) {
            change(event);
        }
        bytes += encode_journal_event(event) + "\n";
    }
    test::write_bytes(path, bytes);
}

}  // namespace

TEST_CASE("replaying a journal reproduces the session, at every point and at the end") {
    test::TempDir dir;
    auto rec = test::start_recording(dir / "s.jsonl");
    const auto scenario = rec.session().scenario();
    // Compare after every action, so that each event's replay is checked, not only the last.
    const auto compare = [&] {
        const JournalScan scan = scan_journal(dir / "s.jsonl");
        REQUIRE(scan.intact());
        const Session replayed =
            replay_journal(test::full_featured(), *scan.header, scan.events, scan.event_lines);
        check_same_state(replayed, rec.session());
    };
    compare();
    rec.continue_scene();
    compare();
    rec.answer_step({});
    rec.answer_step(test::text("Q?"));
    compare();
    rec.answer_step(test::picks({"supplier", "team"}));
    REQUIRE(rec.go_back());
    compare();
    rec.answer_step(test::picks({"team"}));
    rec.answer_step(test::picks({"value"}));
    rec.set_factor(0, 1);
    compare();
    rec.answer_step(test::picks({"honesty", "loyalty"}));
    rec.answer_step(test::picks({}));
    rec.answer_step(test::text("w"));
    rec.choose(0);
    compare();
    rec.answer_step({});  // the optional scale, skipped
    compare();
    rec.continue_scene();
    REQUIRE(rec.session().at_ending());
    compare();
    CHECK(scan_journal(dir / "s.jsonl").finished());
    (void)scenario;
}

TEST_CASE("resuming a journal carries on where it stopped") {
    test::TempDir dir;
    const auto path = dir / "s.jsonl";
    {
        auto rec = test::start_recording(path);
        rec.continue_scene();
        rec.answer_step({});
        rec.answer_step(test::text("Q?"));
    }
    std::string notice;
    auto rec = RecordedSession::resume(test::full_featured(), path, notice);
    CHECK(notice.empty());
    CHECK(rec.events_recorded() == 3);
    CHECK(rec.session().current_step()->id == "who");
    rec.answer_step(test::picks({"supplier"}));
    CHECK(rec.events_recorded() == 4);
    const JournalScan scan = scan_journal(path);
    CHECK(scan.intact());
    CHECK(scan.events.size() == 4);
}

TEST_CASE("a finished journal resumes at its ending without recording anything") {
    test::TempDir dir;
    const auto path = dir / "s.jsonl";
    {
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
    }
    const std::string before = test::read_bytes(path);
    std::string notice;
    auto rec = RecordedSession::resume(test::full_featured(), path, notice);
    CHECK(rec.session().at_ending());
    CHECK(test::read_bytes(path) == before);
}

TEST_CASE("a journal that does not fit the scenario is refused with its line, untouched") {
    test::TempDir dir;
    const auto path = dir / "s.jsonl";
    {
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
    }
    std::string notice;
    SUBCASE("an unknown option") {
        rewrite_event(path, 11, [](JournalEvent& e) { e.option = "bribe"; });
        const std::string before = test::read_bytes(path);
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             "line 13: `parcel` has no option `bribe`", ReplayError);
        CHECK(test::read_bytes(path) == before);
    }
    SUBCASE("an answer to another step") {
        rewrite_event(path, 2, [](JournalEvent& e) { e.step = "who"; });
        CHECK_THROWS_WITH_AS(
            RecordedSession::resume(test::full_featured(), path, notice),
            "line 4: the journal answers step `who`, but the session is at step `issue`",
            ReplayError);
    }
    SUBCASE("a scene that now leads elsewhere") {
        rewrite_event(path, 0, [](JournalEvent& e) { e.to = "after"; });
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             "line 2: the scene now leads to `parcel`, the journal went to "
                             "`after`",
                             ReplayError);
    }
    SUBCASE("an unknown factor value") {
        rewrite_event(path, 8, [](JournalEvent& e) { e.value = "huge"; });
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             "line 10: factor `amount` has no value `huge`", ReplayError);
    }
    SUBCASE("another scenario's journal") {
        const JournalScan scan = scan_journal(path);
        JournalHeader header = *scan.header;
        header.scenario_id = "other";
        test::write_bytes(path, encode_journal_header(header) + "\n");
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             "line 1: the journal is of scenario `other`, not `full-featured`",
                             ReplayError);
    }
}

TEST_CASE("an answer that does not fit its step is refused and not recorded") {
    test::TempDir dir;
    auto rec = test::start_recording(dir / "s.jsonl");
    rec.continue_scene();
    rec.answer_step({});
    const std::uint64_t recorded = rec.events_recorded();
    CHECK_THROWS_WITH_AS(rec.answer_step({}), "this step needs a written answer",
                         std::invalid_argument);
    rec.answer_step(test::text("Q?"));
    CHECK_THROWS_WITH_AS(rec.answer_step(test::picks({"nobody"})),
                         "a pick is not among the candidates", std::invalid_argument);
    CHECK_THROWS_WITH_AS(rec.answer_step(test::picks({"team", "team"})),
                         "a candidate is picked twice", std::invalid_argument);
    CHECK_THROWS_WITH_AS(rec.answer_step(test::picks({})), "this step needs at least one pick",
                         std::invalid_argument);
    rec.answer_step(test::picks({"team"}));
    CHECK_THROWS_WITH_AS(rec.answer_step(test::picks({"value", "colour"})),
                         "this step takes one pick", std::invalid_argument);
    rec.answer_step(test::picks({"value"}));
    CHECK_THROWS_WITH_AS(rec.answer_step(test::picks({"honesty"})),
                         "a ranking must place every candidate", std::invalid_argument);
    rec.answer_step(test::picks({"honesty", "loyalty"}));
    rec.answer_step(test::picks({"newspaper"}));
    rec.answer_step(test::text("w"));
    rec.choose(1);
    CHECK_THROWS_WITH_AS(rec.answer_step({"", {}, "", 6}), "the value is outside the scale",
                         std::invalid_argument);
    CHECK_THROWS_AS(rec.choose(0), std::logic_error);
    CHECK(rec.events_recorded() == recorded + 7);
    CHECK(scan_journal(dir / "s.jsonl").events.size() == recorded + 7);
}

TEST_CASE("step candidates come from the step's source") {
    Session session(test::full_featured(), "en");
    CHECK(step_candidates(session).empty());  // a scene
    session.continue_scene();
    const auto ids = [&] {
        std::vector<std::string> out;
        for (const Candidate& c : step_candidates(session)) {
            out.push_back(c.id + (c.relevant ? "*" : ""));
        }
        return out;
    };
    CHECK(ids().empty());  // info
    session.answer_step();
    session.answer_step();
    CHECK(ids() == std::vector<std::string>{"supplier*", "team"});
    session.answer_step();
    CHECK(ids() == std::vector<std::string>{"value*", "colour"});
    session.answer_step();
    CHECK(ids() == std::vector<std::string>{"honesty", "loyalty"});
    CHECK(step_candidates(session)[0].label.in("en") == "Honesty");  // from the catalogue
    session.answer_step();
    CHECK(ids() == std::vector<std::string>{"newspaper"});  // the model's checks
}

TEST_CASE("step feedback names the relevant candidates left out") {
    Session session(test::full_featured(), "en");
    session.continue_scene();
    session.answer_step();
    const StepFeedback issue = step_feedback(session, test::text("x"));
    CHECK(issue.general.in("en") == "Well put.");
    CHECK(issue.missed.empty());
    session.answer_step();
    const StepFeedback who = step_feedback(session, test::picks({"team"}));
    REQUIRE(who.missed.size() == 1);
    CHECK(who.missed[0].id == "supplier");
    CHECK(step_feedback(session, test::picks({"supplier"})).empty());
    session.answer_step();
    const StepFeedback facts = step_feedback(session, test::picks({"colour"}));
    REQUIRE(facts.missed.size() == 1);
    REQUIRE(facts.explained.size() == 1);
    CHECK(facts.explained[0].feedback.in("en") == "The value matters.");
    CHECK(step_feedback(session, test::picks({"value"})).empty());
}

TEST_CASE("a group's votes, reveal and branch are recorded, replayed and summarised") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    {
        Session session(test::full_featured(), "en");
        JournalHeader header = make_journal_header(session, "workshop");
        header.group = "Team A";
        auto rec = RecordedSession::start(std::move(session), path, std::move(header));
        rec.continue_scene();
        CHECK_THROWS_AS(rec.record_vote("first", {1}), std::invalid_argument);
        CHECK_THROWS_AS(rec.record_vote("second", {1, 2}), std::invalid_argument);
        CHECK_THROWS_AS(rec.record_vote("first", {-1, 2}), std::invalid_argument);
        rec.record_vote("first", {7, 3});
        rec.record_vote("first", {6, 4});  // a recount replaces the first count
        rec.set_factor(0, 1);
        rec.record_vote("first", {2, 8});  // what if: another setting, its own count
        rec.add_note("the amount made the difference");
        while (!rec.session().at_choice()) {
            rec.answer_step(rec.session().current_step()->input == InputKind::text ||
                                    rec.session().current_step()->input == InputKind::arguments
                                ? test::text("discussed")
                            : rec.session().current_step()->input == InputKind::rank
                                ? test::picks({"honesty", "loyalty"})
                            : rec.session().current_step()->input == InputKind::multiselect ||
                                    rec.session().current_step()->input == InputKind::select
                                ? test::picks({step_candidates(rec.session())[0].id})
                                : StepAnswer{});
        }
        rec.record_vote("final", {1, 9});
        rec.record_reveal();
        rec.choose(1, "majority");
        rec.answer_step({});
        rec.continue_scene();
        REQUIRE(rec.session().at_ending());
    }
    const JournalScan scan = scan_journal(path);
    REQUIRE(scan.intact());
    CHECK(scan.header->mode == "workshop");
    CHECK(scan.header->group == "Team A");
    std::string notice;
    auto resumed = RecordedSession::resume(test::full_featured(), path, notice);
    CHECK(resumed.session().at_ending());

    const auto scenario = test::full_featured();
    const WorkshopSummary summary = summarise_session(scenario, scan);
    REQUIRE(summary.dilemmas.size() == 1);
    const DilemmaSummary& d = summary.dilemmas[0];
    REQUIRE(d.votes.size() == 3);
    CHECK(d.votes[0].per_option == std::vector<int>{6, 4});
    CHECK(d.votes[1].per_option == std::vector<int>{2, 8});
    CHECK(d.votes[1].factors == FactorSetting{{"amount", "high"}});
    CHECK(d.votes[2].round == "final");
    CHECK(d.chosen == std::size_t{1});
    CHECK(d.reason == "majority");
    CHECK(summary.notes == std::vector<std::string>{"the amount made the difference"});
    CHECK(summary.path.back() == *scenario->find_node("audit"));

    const std::string csv = summary_csv(*scenario, summary, "en");
    CHECK(csv.rfind("dilemma,question,factors,round,option,label,count,percent,chosen,reason\n",
                    0) == 0);
    CHECK(csv.find("parcel,What do you do?,Value: €25,first,keep,Keep,6,60,no,\n") !=
          std::string::npos);
    CHECK(csv.find("parcel,What do you do?,Value: €250,final,report,Report,9,90,yes,majority\n") !=
          std::string::npos);
    MessageCatalogue text;
    std::string error;
    REQUIRE(text.load(std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n", "en", error));
    const std::string html = summary_html(*scenario, summary, text);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("9 (90%)") != std::string::npos);
    CHECK(html.find("Team A") != std::string::npos);
    CHECK(html.find("the amount made the difference") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    // First 2:8 and final 1:9 under the same setting (amount high): the shift.
    CHECK(html.find("in percentage points: Keep \xE2\x88\x92"
                    "10, Report +10") != std::string::npos);
}
