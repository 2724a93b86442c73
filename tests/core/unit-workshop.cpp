// The workshop's slide flow, its votes per round and factor setting, the branch and its
// reason, resuming from the journal; the hand count and the discussion timer.
#include <doctest/doctest.h>

#include "deliberate/workshop/discussion_timer.hpp"
#include "deliberate/workshop/workshop.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

Workshop start_workshop(const std::filesystem::path& path) {
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "workshop");
    header.group = "Team A";
    return Workshop(RecordedSession::start(std::move(session), path, std::move(header)),
                    std::make_unique<HandCount>());
}

HandCount& hands(Workshop& w) {
    return dynamic_cast<HandCount&>(w.source());
}

void count(Workshop& w, std::vector<int> counts) {
    hands(w).begin(std::move(counts));
}

// Next until the slide is `kind`, at most `limit` times.
void next_until(Workshop& w, SlideKind kind, int limit = 20) {
    while (w.slide() != kind && limit-- > 0) {
        REQUIRE(w.next() == Workshop::Move::moved);
    }
    REQUIRE(w.slide() == kind);
}

std::vector<const JournalEvent*> events_of(const JournalScan& scan, EventType type) {
    std::vector<const JournalEvent*> out;
    for (const JournalEvent& e : scan.events) {
        if (e.type == type) {
            out.push_back(&e);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a workshop walks each dilemma: case, first vote, steps, final vote, reveal, branch") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    {
        Workshop w = start_workshop(path);
        CHECK(w.slide() == SlideKind::scene);
        CHECK(w.vote_round().empty());
        REQUIRE(w.next() == Workshop::Move::moved);
        CHECK(w.slide() == SlideKind::case_text);
        CHECK(w.session().node().id == "parcel");
        w.next();
        CHECK(w.slide() == SlideKind::first_vote);
        CHECK(w.vote_round() == "first");
        CHECK(w.source().counts() == std::vector<int>{0, 0});
        count(w, {7, 3});
        w.next();
        CHECK(w.slide() == SlideKind::step);
        CHECK(w.session().current_step()->input == InputKind::info);
        // Every step before the choice is a discussion prompt, passed without an answer.
        next_until(w, SlideKind::final_vote);
        CHECK(w.session().at_choice());
        CHECK_FALSE(w.revealed());
        count(w, {4, 6});
        w.next();
        CHECK(w.slide() == SlideKind::reveal);
        CHECK(w.revealed());
        CHECK(w.majority() == std::size_t{1});
        const auto by_setting = w.votes_by_setting();
        REQUIRE(by_setting.size() == 1);
        CHECK(by_setting[0].first_round->per_option == std::vector<int>{7, 3});
        CHECK(by_setting[0].final_round->per_option == std::vector<int>{4, 6});
        w.next();  // the majority's branch, then the step after the choice
        CHECK(w.session().chosen_option() == std::size_t{1});
        CHECK(w.slide() == SlideKind::step);
        CHECK(w.back() == Workshop::Move::cannot_undo);
        w.next();
        CHECK(w.slide() == SlideKind::scene);
        CHECK(w.votes_here().empty());
        w.next();
        CHECK(w.slide() == SlideKind::ending);
        CHECK(w.back() == Workshop::Move::at_start);
        w.next();
        CHECK(w.slide() == SlideKind::discussion);
        w.next();
        CHECK(w.slide() == SlideKind::closing);
        CHECK(w.next() == Workshop::Move::finished);
        CHECK(w.back() == Workshop::Move::moved);
        CHECK(w.slide() == SlideKind::discussion);
    }
    const JournalScan scan = scan_journal(path);
    REQUIRE(scan.intact());
    CHECK(scan.finished());
    CHECK(scan.header->mode == "workshop");
    const auto votes = events_of(scan, EventType::vote);
    REQUIRE(votes.size() == 2);
    CHECK(votes[0]->round == "first");
    CHECK(votes[1]->round == "final");
    CHECK(votes[1]->counts == std::vector<std::pair<std::string, int>>{{"keep", 4}, {"report", 6}});
    CHECK(events_of(scan, EventType::reveal).size() == 1);
    const auto choices = events_of(scan, EventType::choice);
    REQUIRE(choices.size() == 1);
    CHECK(choices[0]->option == "report");
    CHECK(choices[0]->reason == "majority");
    for (const JournalEvent* answer : events_of(scan, EventType::answer)) {
        CHECK(answer->picks.empty());
        CHECK(answer->text.empty());
    }
    // The journal replays: the discussed steps are passed as empty answers.
    std::string notice;
    CHECK(RecordedSession::resume(test::full_featured(), path, notice).session().at_ending());
}

TEST_CASE("going back in a workshop: view-only slides, recorded step backs, no undoing a branch") {
    test::TempDir dir;
    Workshop w = start_workshop(dir / "w.jsonl");
    CHECK(w.back() == Workshop::Move::at_start);
    w.next();
    CHECK(w.back() == Workshop::Move::at_start);
    w.next();
    count(w, {2, 1});
    CHECK(w.back() == Workshop::Move::moved);  // the count is kept
    CHECK(w.slide() == SlideKind::case_text);
    REQUIRE(w.votes_here().size() == 1);
    w.next();
    CHECK(w.source().counts() == std::vector<int>{2, 1});  // reopened as recorded
    w.next();
    w.next();
    const std::size_t events = w.recorded().events_recorded();
    CHECK(w.back() == Workshop::Move::moved);
    CHECK(w.recorded().events_recorded() == events + 1);  // the step back is recorded
    CHECK(w.slide() == SlideKind::step);
    CHECK(w.session().step_position() == 0);
    CHECK(w.back() == Workshop::Move::moved);
    CHECK(w.slide() == SlideKind::first_vote);
    next_until(w, SlideKind::reveal);
    CHECK(w.back() == Workshop::Move::moved);
    CHECK(w.slide() == SlideKind::final_vote);
    w.next();
    CHECK(w.recorded().events_recorded() > events);
}

TEST_CASE("what if: votes are kept per factor setting and the reveal splits them") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    Workshop w = start_workshop(path);
    next_until(w, SlideKind::first_vote);
    count(w, {8, 2});
    next_until(w, SlideKind::final_vote);
    count(w, {7, 3});
    // Switching the factor on the vote slide records the count under the old setting first,
    // then opens a fresh count for the new one.
    w.set_factor(0, 1);
    CHECK(w.source().counts() == std::vector<int>{0, 0});
    CHECK(w.current_setting() == FactorSetting{{"amount", "high"}});
    count(w, {1, 9});
    w.next();
    REQUIRE(w.slide() == SlideKind::reveal);
    const auto split = w.votes_by_setting();
    REQUIRE(split.size() == 2);
    CHECK(split[0].setting == FactorSetting{{"amount", "low"}});
    CHECK(split[0].first_round->per_option == std::vector<int>{8, 2});
    CHECK(split[0].final_round->per_option == std::vector<int>{7, 3});
    CHECK(split[1].setting == FactorSetting{{"amount", "high"}});
    CHECK_FALSE(split[1].first_round);
    CHECK(split[1].final_round->per_option == std::vector<int>{1, 9});
    CHECK(w.majority() == std::size_t{1});  // the current setting's final vote
    w.set_factor(0, 0);
    CHECK(w.majority() == std::size_t{0});
    // Back to the vote: the count recorded under this setting is reopened; an unchanged one
    // is not recorded twice.
    w.back();
    CHECK(w.source().counts() == std::vector<int>{7, 3});
    const std::size_t events = w.recorded().events_recorded();
    w.next();
    CHECK(w.recorded().events_recorded() == events);
}

TEST_CASE("the branch: the trainer picks on a tie or without votes, and may override") {
    test::TempDir dir;
    SUBCASE("tie") {
        const auto path = dir / "tie.jsonl";
        {
            Workshop w = start_workshop(path);
            next_until(w, SlideKind::final_vote);
            count(w, {5, 5});
            w.next();
            CHECK(w.tie());
            CHECK_FALSE(w.majority());
            CHECK(w.next() == Workshop::Move::need_branch);
            CHECK(w.preview_next()->kind == SlideKind::reveal);
            w.choose(0);
        }
        CHECK(events_of(scan_journal(path), EventType::choice)[0]->reason == branch_reason::tie);
    }
    SUBCASE("override") {
        const auto path = dir / "override.jsonl";
        {
            Workshop w = start_workshop(path);
            next_until(w, SlideKind::final_vote);
            count(w, {9, 1});
            w.next();
            // The preview follows the trainer's pick, not the majority it overrides.
            CHECK(w.preview_next(std::size_t{1})->session.chosen_option() == std::size_t{1});
            CHECK(w.preview_next()->session.chosen_option() == std::size_t{0});
            w.choose(1);
        }
        CHECK(events_of(scan_journal(path), EventType::choice)[0]->reason == "override");
    }
    SUBCASE("no vote") {
        const auto path = dir / "none.jsonl";
        {
            Workshop w = start_workshop(path);
            next_until(w, SlideKind::reveal);
            CHECK(w.votes_here().empty());
            CHECK_FALSE(w.tie());
            CHECK(w.next() == Workshop::Move::need_branch);
            CHECK_THROWS_AS(Workshop(start_workshop(dir / "x.jsonl")).choose(0), std::logic_error);
            w.choose(0);
        }
        const JournalScan scan = scan_journal(path);
        CHECK(events_of(scan, EventType::vote).empty());
        CHECK(events_of(scan, EventType::choice)[0]->reason == branch_reason::no_vote);
    }
}

TEST_CASE("the next slide's preview is what next() then shows") {
    test::TempDir dir;
    Workshop w = start_workshop(dir / "w.jsonl");
    int slides = 0;
    while (true) {
        if (w.slide() == SlideKind::first_vote) {
            count(w, {1, 4});
        }
        const auto preview = w.preview_next();
        if (!preview) {
            CHECK(w.slide() == SlideKind::closing);
            break;
        }
        REQUIRE(w.next() == Workshop::Move::moved);
        CHECK(preview->kind == w.slide());
        CHECK(preview->session.node_index() == w.session().node_index());
        CHECK(preview->session.step_position() == w.session().step_position());
        REQUIRE(++slides < 40);
    }
    CHECK(slides > 10);
}

TEST_CASE("a workshop resumes on the slide and with the votes it had") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    {
        Workshop w = start_workshop(path);
        next_until(w, SlideKind::first_vote);
        count(w, {3, 7});
        next_until(w, SlideKind::final_vote);
        w.set_factor(0, 1);
        count(w, {2, 8});
        w.next();
        REQUIRE(w.slide() == SlideKind::reveal);
    }  // the trainer's laptop crashes here
    const auto resume = [&] {
        std::string notice;
        auto recorded = RecordedSession::resume(test::full_featured(), path, notice);
        return Workshop(std::move(recorded), scan_journal(path), std::make_unique<HandCount>());
    };
    {
        Workshop w = resume();
        CHECK(w.slide() == SlideKind::reveal);
        CHECK(w.revealed());
        REQUIRE(w.votes_here().size() == 2);
        CHECK(w.votes_by_setting().size() == 2);
        CHECK(w.majority() == std::size_t{1});
        w.back();
        CHECK(w.source().counts() == std::vector<int>{2, 8});
        w.next();
        w.next();  // takes the branch
        CHECK(w.slide() == SlideKind::step);
        CHECK(w.session().chosen_option() == std::size_t{1});
    }
    {
        Workshop w = resume();  // after the branch: the step after the choice, no votes
        CHECK(w.slide() == SlideKind::step);
        CHECK(w.session().chosen_option() == std::size_t{1});
        w.next();
        CHECK(w.slide() == SlideKind::scene);
    }
    {
        Workshop w = resume();
        CHECK(w.slide() == SlideKind::scene);
        CHECK(w.votes_here().empty());
    }
}

TEST_CASE("a workshop resumed at a dilemma before any vote starts at the case") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    {
        Workshop w = start_workshop(path);
        w.next();
    }
    std::string notice;
    auto recorded = RecordedSession::resume(test::full_featured(), path, notice);
    Workshop w(std::move(recorded), scan_journal(path), std::make_unique<HandCount>());
    CHECK(w.slide() == SlideKind::case_text);
}

TEST_CASE("hand count: typed digits, + and -, within 0 to 9999") {
    HandCount h;
    h.begin({0, 12, -3});
    CHECK(h.counts() == std::vector<int>{0, 12, 0});
    h.type_digit(0, 1);
    h.type_digit(0, 2);
    CHECK(h.counts()[0] == 12);
    h.erase_digit(0);
    CHECK(h.counts()[0] == 1);
    h.add(1, -20);
    CHECK(h.counts()[1] == 0);
    h.set(2, 123456);
    CHECK(h.counts()[2] == HandCount::max_count);
    h.type_digit(2, 7);  // a fifth digit starts over
    CHECK(h.counts()[2] == 7);
    h.add(5, 1);  // no such option: ignored
    h.type_digit(1, 12);
    CHECK(h.counts() == std::vector<int>{1, 0, 7});
    CHECK(h.name() == "hand count");
}

TEST_CASE("discussion timer: start, pause, resume, runs out once, starts afresh") {
    using namespace std::chrono_literals;
    DiscussionTimer t;
    const auto t0 = DiscussionTimer::Clock::time_point{} + 100s;
    t.set(60s);
    CHECK_FALSE(t.shown());
    CHECK(t.remaining(t0) == 60s);
    t.toggle(t0);
    CHECK(t.running());
    CHECK(t.shown());
    CHECK(t.remaining(t0 + 20s) == 40s);
    t.toggle(t0 + 20s);  // pause
    CHECK_FALSE(t.running());
    CHECK(t.remaining(t0 + 50s) == 40s);
    t.toggle(t0 + 50s);  // resume
    CHECK(t.remaining(t0 + 60s) == 30s);
    CHECK_FALSE(t.take_ran_out(t0 + 89s));
    CHECK(t.ran_out(t0 + 91s));
    CHECK(t.remaining(t0 + 95s) == 0s);
    CHECK(t.take_ran_out(t0 + 91s));
    CHECK_FALSE(t.take_ran_out(t0 + 92s));  // the cue sounds once
    t.toggle(t0 + 100s);                    // after running out: a fresh countdown
    CHECK(t.running());
    CHECK(t.remaining(t0 + 110s) == 50s);
    t.reset();
    CHECK_FALSE(t.running());
    CHECK_FALSE(t.shown());
    CHECK(t.remaining(t0 + 200s) == 60s);
    t.set(0s);
    CHECK(t.duration() == 1s);
}
