// The phones' ballot box: rounds per question and factor setting, one ballot per device with
// the last counting, closed rounds, the reveal, free text held for the trainer, the tallies,
// the hand count and phones together, and the questions built from a workshop's session.
#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "deliberate/workshop/ballot_box.hpp"
#include "deliberate/workshop/phone_question.hpp"
#include "deliberate/workshop/workshop.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

PhoneQuestion question(std::string key, std::string kind, std::vector<std::string> ids) {
    PhoneQuestion q;
    q.key = std::move(key);
    q.kind = std::move(kind);
    for (std::string& id : ids) {
        q.choices.push_back({std::move(id), {}, false});
    }
    return q;
}

PhoneBallot picks(std::vector<std::string> ids) {
    return PhoneBallot{std::move(ids), std::nullopt, ""};
}

std::uint64_t round_of(const BallotBox& box) {
    return box.snapshot()->round;
}

}  // namespace

TEST_CASE("one ballot per device per round: the last one counts") {
    BallotBox box;
    box.open(question("d/vote-first", "choice", {"keep", "return"}));
    const auto r = round_of(box);
    CHECK(box.cast("phone-a", r, picks({"keep"})) == CastResult::accepted);
    CHECK(box.cast("phone-b", r, picks({"keep"})) == CastResult::accepted);
    CHECK(box.cast("phone-a", r, picks({"return"})) == CastResult::accepted);
    const auto snap = box.snapshot();
    CHECK(snap->tally.ballots == 2);
    CHECK(snap->tally.per_choice == std::vector<int>{1, 1});
    CHECK(snap->joined == 2);
    REQUIRE(box.ballot_of("phone-a"));
    CHECK(box.ballot_of("phone-a")->picks == std::vector<std::string>{"return"});
    CHECK_FALSE(box.ballot_of("phone-c"));
}

TEST_CASE("a ballot must fit its question") {
    BallotBox box;
    CHECK(box.cast("a", 1, picks({"keep"})) == CastResult::no_round);
    box.open(question("d/vote-first", "choice", {"keep", "return"}));
    const auto r = round_of(box);
    CHECK(box.cast("a", r + 1, picks({"keep"})) == CastResult::stale_round);
    CHECK(box.cast("a", r, picks({"sell"})) == CastResult::invalid);
    CHECK(box.cast("a", r, picks({"keep", "return"})) == CastResult::invalid);
    CHECK(box.cast("a", r, picks({})) == CastResult::invalid);
    CHECK(box.cast("a", r, PhoneBallot{{"keep"}, 3, ""}) == CastResult::invalid);

    box.open(question("d/step-order", "rank", {"a", "b", "c"}));
    const auto rank = round_of(box);
    CHECK(rank != r);
    CHECK(box.cast("a", rank, picks({"a", "b"})) == CastResult::invalid);
    CHECK(box.cast("a", rank, picks({"a", "b", "b"})) == CastResult::invalid);
    CHECK(box.cast("a", rank, picks({"c", "a", "b"})) == CastResult::accepted);
    CHECK(box.snapshot()->tally.rank_points == std::vector<double>{1, 0, 2});

    PhoneQuestion scale = question("d/step-feeling", "scale", {});
    scale.scale_min = 1;
    scale.scale_max = 5;
    box.open(scale);
    const auto s = round_of(box);
    CHECK(box.cast("a", s, PhoneBallot{{}, 6, ""}) == CastResult::invalid);
    CHECK(box.cast("a", s, PhoneBallot{{}, std::nullopt, ""}) == CastResult::invalid);
    CHECK(box.cast("a", s, PhoneBallot{{}, 4, ""}) == CastResult::accepted);
    CHECK(box.cast("b", s, PhoneBallot{{}, 4, ""}) == CastResult::accepted);
    CHECK(box.snapshot()->tally.scale_counts == std::vector<int>{0, 0, 0, 2, 0});
}

TEST_CASE("a closed round takes no more ballots and no changes; the reveal shows it") {
    BallotBox box;
    box.open(question("d/vote-final", "choice", {"keep", "return"}));
    const auto r = round_of(box);
    REQUIRE(box.cast("a", r, picks({"keep"})) == CastResult::accepted);
    box.close();
    CHECK(box.snapshot()->closed);
    CHECK_FALSE(box.snapshot()->revealed);
    CHECK(box.cast("a", r, picks({"return"})) == CastResult::closed);
    CHECK(box.cast("b", r, picks({"return"})) == CastResult::closed);
    box.reveal();
    CHECK(box.snapshot()->revealed);
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{1, 0});
}

TEST_CASE("a what-if setting is a fresh round; going back finds the earlier one's ballots") {
    BallotBox box;
    box.open(question("d/vote-first/amount=low", "choice", {"keep", "return"}));
    const auto low = round_of(box);
    REQUIRE(box.cast("a", low, picks({"keep"})) == CastResult::accepted);
    box.open(question("d/vote-first/amount=high", "choice", {"keep", "return"}));
    const auto high = round_of(box);
    CHECK(high != low);
    CHECK(box.snapshot()->tally.ballots == 0);
    CHECK(box.cast("a", low, picks({"return"})) == CastResult::stale_round);
    REQUIRE(box.cast("a", high, picks({"return"})) == CastResult::accepted);
    REQUIRE(box.tally_of("d/vote-first/amount=low"));
    CHECK(box.tally_of("d/vote-first/amount=low")->per_choice == std::vector<int>{1, 0});
    CHECK(box.tally_of("d/vote-first/amount=high")->per_choice == std::vector<int>{0, 1});
    CHECK_FALSE(box.tally_of("d/vote-final/amount=high"));
    box.open(question("d/vote-first/amount=low", "choice", {"keep", "return"}));
    CHECK(round_of(box) == low);
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{1, 0});
}

TEST_CASE("the hand count and the phones add up") {
    const VoteRecord both = counted_vote("first", {}, {3, 0}, {2, 5}, 2);
    CHECK(both.per_option == std::vector<int>{5, 5});
    CHECK(both.phones == std::vector<int>{2, 5});
    CHECK(counted_vote("first", {}, {}, {2, 5}, 2).per_option == std::vector<int>{2, 5});
    const VoteRecord hands = counted_vote("first", {}, {3, 1}, {0, 0}, 2);
    CHECK(hands.phones.empty());  // no phone voted: a hand count as before phones existed
    CHECK(hands_of(&both, 2) == std::vector<int>{3, 0});
    CHECK(hands_of(nullptr, 3) == std::vector<int>{0, 0, 0});
    CHECK(vote_changed(both, nullptr));
    CHECK_FALSE(vote_changed(both, &both));
    CHECK_FALSE(vote_changed(counted_vote("first", {}, {0, 0}, {}, 2), nullptr));
}

TEST_CASE("free text is held for the trainer; a changed text must be seen again") {
    BallotBox box;
    box.open(question("d/step-issue", "text", {}));
    const auto r = round_of(box);
    CHECK(box.cast("a", r, PhoneBallot{{}, std::nullopt, "   "}) == CastResult::invalid);
    CHECK(box.cast("a", r, PhoneBallot{{}, std::nullopt, std::string(281, 'x')}) ==
          CastResult::text_too_long);
    // 280 characters of two bytes each still fit: the limit is in characters.
    std::string accented;
    for (int i = 0; i < 280; ++i)
        accented += "\xc3\xa9";
    CHECK(box.cast("b", r, PhoneBallot{{}, std::nullopt, accented}) == CastResult::accepted);
    CHECK(box.cast("a", r, PhoneBallot{{}, std::nullopt, "May I\nkeep it?"}) ==
          CastResult::accepted);
    auto texts = box.snapshot()->tally.texts;
    REQUIRE(texts.size() == 2);
    CHECK(texts[1].text == "May I keep it?");
    CHECK_FALSE(texts[1].shown);
    CHECK(box.show_text(texts[1].id));
    CHECK_FALSE(box.show_text(999));
    CHECK(box.snapshot()->tally.texts[1].shown);
    REQUIRE(box.cast("a", r, PhoneBallot{{}, std::nullopt, "Changed"}) == CastResult::accepted);
    texts = box.snapshot()->tally.texts;
    REQUIRE(texts.size() == 3);  // the shown one stays as the trainer saw it
    CHECK(texts[2].text == "Changed");
    CHECK_FALSE(texts[2].shown);
}

TEST_CASE("relevant choices named by few are the blind spots") {
    BallotBox box;
    PhoneQuestion q = question("d/step-who", "multiselect", {"supplier", "team", "rivals"});
    q.choices[0].relevant = true;
    q.choices[2].relevant = true;
    box.open(q);
    const auto r = round_of(box);
    for (int i = 0; i < 8; ++i) {
        REQUIRE(box.cast("p" + std::to_string(i), r, picks({"supplier", "team"})) ==
                CastResult::accepted);
    }
    REQUIRE(box.cast("p9", r, picks({"rivals"})) == CastResult::accepted);
    CHECK(box.snapshot()->tally.named_by_few == std::vector<std::size_t>{2});
}

TEST_CASE("the snapshot changes with every cast and tells the listener; the end clears the round") {
    BallotBox box;
    int told = 0;
    box.on_change([&] { ++told; });
    box.open(question("d/vote-first", "choice", {"keep", "return"}));
    const auto before = box.snapshot();
    REQUIRE(box.cast("a", before->round, picks({"keep"})) == CastResult::accepted);
    CHECK(box.snapshot()->version > before->version);
    CHECK(before->tally.ballots == 0);  // a snapshot handed out never changes
    CHECK(told == 2);
    box.end();
    CHECK(box.snapshot()->ended);
    CHECK_FALSE(box.snapshot()->open);
    CHECK(box.cast("a", before->round, picks({"keep"})) == CastResult::no_round);
}

TEST_CASE("ballots cast from other threads while the UI reads snapshots all count") {
    BallotBox box;
    box.open(question("d/vote-first", "choice", {"keep", "return"}));
    const auto r = round_of(box);
    std::vector<std::thread> phones;
    for (int t = 0; t < 4; ++t) {
        phones.emplace_back([&box, r, t] {
            for (int i = 0; i < 250; ++i) {
                box.cast("t" + std::to_string(t) + "-" + std::to_string(i), r,
                         picks({i % 2 == 0 ? "keep" : "return"}));
            }
        });
    }
    std::size_t seen = 0;
    for (int frame = 0; frame < 200; ++frame) {
        seen = std::max(seen, box.snapshot()->tally.ballots);
    }
    for (std::thread& t : phones)
        t.join();
    CHECK(box.snapshot()->tally.ballots == 1000);
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{500, 500});
    CHECK(seen <= 1000);
}

TEST_CASE("the phones' questions follow the workshop's session") {
    Session session(test::full_featured(), "en");
    CHECK_FALSE(phone_step(session));  // a scene
    session.continue_scene();
    CHECK_FALSE(phone_step(session));  // the info step
    session.answer_step({});
    auto issue = phone_step(session);
    REQUIRE(issue);
    CHECK(issue->kind == "text");
    session.answer_step({"", {}, "Is it right?", std::nullopt});
    auto who = phone_step(session);
    REQUIRE(who);
    CHECK(who->kind == "multiselect");
    REQUIRE(who->choices.size() == 2);
    CHECK(who->choices[0].id == "supplier");
    CHECK(who->choices[0].relevant);
    CHECK(who->choices[0].label.in("nl") != who->choices[0].label.in("en"));
    CHECK(who->key == session.node().id + "/step-who/amount=low");

    const PhoneQuestion vote = phone_vote(session, "first");
    CHECK(vote.kind == "choice");
    CHECK(vote.choices.size() == session.offered_options().size());
    session.set_factor(0, 1);
    CHECK(phone_vote(session, "first").key != vote.key);

    const auto defaults = default_phone_steps(session.scenario().model ? *session.scenario().model
                                                                       : JudgementModel{});
    CHECK(defaults == std::vector<std::string>{"who", "facts", "order", "tests", "feeling"});
}

TEST_CASE("a workshop adds the phones' votes to the hand count and records their part") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    BallotBox box;
    {
        Session session(test::full_featured(), "en");
        JournalHeader header = make_journal_header(session, "workshop");
        Workshop w(RecordedSession::start(std::move(session), path, std::move(header)),
                   std::make_unique<HandCount>());
        w.attach_phones(&box);
        w.next();  // the case
        w.next();  // the first vote
        REQUIRE(w.vote_round() == "first");
        CHECK(w.phone_counts().empty());  // nothing on the phones yet
        box.open(phone_vote(w.session(), "first"));
        const auto round = box.snapshot()->round;
        const std::string first_option = w.session().node().options[0].id;
        REQUIRE(box.cast("a", round, PhoneBallot{{first_option}, std::nullopt, ""}) ==
                CastResult::accepted);
        REQUIRE(box.cast("b", round, PhoneBallot{{first_option}, std::nullopt, ""}) ==
                CastResult::accepted);
        dynamic_cast<HandCount&>(w.source()).set(1, 3);
        CHECK(w.phone_counts()[0] == 2);
        w.next();  // recorded
        REQUIRE(w.votes_here().size() == 1);
        CHECK(w.votes_here()[0].per_option[0] == 2);
        CHECK(w.votes_here()[0].per_option[1] == 3);
        CHECK(w.votes_here()[0].phones[0] == 2);
        w.back();  // the hand count comes back without the phones' part
        CHECK(dynamic_cast<HandCount&>(w.source()).counts()[0] == 0);
        CHECK(dynamic_cast<HandCount&>(w.source()).counts()[1] == 3);
    }
    const JournalScan scan = scan_journal(path);
    const JournalEvent* vote = nullptr;
    for (const JournalEvent& e : scan.events) {
        if (e.type == EventType::vote)
            vote = &e;
    }
    REQUIRE(vote != nullptr);
    REQUIRE(vote->phones.size() == vote->counts.size());
    CHECK(vote->phones[0].second == 2);
    CHECK(vote->counts[0].second == 2);
    CHECK(vote->counts[1].second == 3);
    // No device token anywhere in the journal.
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"a\"") == std::string::npos);
    CHECK(text.find("\"phones\":{") != std::string::npos);
}

TEST_CASE("a workshop records the phones' answers to a step per setting, and only shown texts") {
    test::TempDir dir;
    const auto path = dir / "w.jsonl";
    BallotBox box;
    {
        Session session(test::full_featured(), "en");
        JournalHeader header = make_journal_header(session, "workshop");
        Workshop w(RecordedSession::start(std::move(session), path, std::move(header)),
                   std::make_unique<HandCount>());
        w.attach_phones(&box);
        w.next();  // the case
        w.next();  // the first vote
        w.next();  // the info step
        w.next();  // the text step
        REQUIRE(w.slide() == SlideKind::step);
        auto issue = phone_step(w.session());
        REQUIRE(issue);
        box.open(*issue);
        REQUIRE(box.cast("a", round_of(box), PhoneBallot{{}, std::nullopt, "Shown to the room"}) ==
                CastResult::accepted);
        REQUIRE(box.cast("b", round_of(box), PhoneBallot{{}, std::nullopt, "Kept back"}) ==
                CastResult::accepted);
        REQUIRE(box.show_text(box.snapshot()->tally.texts[0].id));
        w.record_phone_answers();  // as the console does when a text is shown
        w.record_phone_answers();  // unchanged: not recorded again
        REQUIRE(box.cast("c", round_of(box), PhoneBallot{{}, std::nullopt, "Late"}) ==
                CastResult::accepted);
        w.next();  // leaving the step: a third answer since, so recorded again
        auto who = phone_step(w.session());
        REQUIRE(who);
        box.open(*who);
        REQUIRE(box.cast("a", round_of(box), picks({"supplier"})) == CastResult::accepted);
        REQUIRE(box.cast("b", round_of(box), picks({"supplier"})) == CastResult::accepted);
        w.set_factor(0, 1);  // "what if": recorded under the old setting first
        box.open(*phone_step(w.session()));
        REQUIRE(box.cast("a", round_of(box), picks({})) == CastResult::accepted);
        w.next();
        w.back();  // back and forth records nothing new
        w.next();
    }
    const JournalScan scan = scan_journal(path);
    REQUIRE(scan.intact());
    std::vector<const JournalEvent*> answers;
    for (const JournalEvent& e : scan.events) {
        if (e.type == EventType::phone_answers) {
            answers.push_back(&e);
        }
    }
    REQUIRE(answers.size() == 4);
    CHECK(answers[0]->step == "issue");
    CHECK(answers[0]->answers == 2);
    CHECK(answers[0]->texts == std::vector<std::string>{"Shown to the room"});
    CHECK(answers[1]->step == "issue");
    CHECK(answers[1]->answers == 3);
    CHECK(answers[2]->step == "who");
    CHECK(answers[2]->factors[0].second == "low");
    REQUIRE(answers[2]->counts.size() == 2);
    CHECK(answers[2]->counts[0] == std::pair<std::string, int>{"supplier", 2});
    CHECK(answers[3]->factors[0].second == "high");
    CHECK(answers[3]->answers == 1);
    CHECK(answers[3]->counts[0].second == 0);
    // A text never shown, and any device token, are nowhere in the journal.
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("Kept back") == std::string::npos);
    CHECK(text.find("\"a\"") == std::string::npos);
    // The group's summary tells what the phones answered, with the candidates' labels.
    MessageCatalogue words;
    std::string error;
    REQUIRE(words.load(DELIBERATE_SOURCE_DIR "/assets/i18n", "en", error));
    const std::string html =
        summary_html(*test::full_featured(), summarise_session(test::full_featured(), scan), words);
    CHECK(html.find("On the phones") != std::string::npos);
    CHECK(html.find("Shown to the room") != std::string::npos);
    CHECK(html.find("Kept back") == std::string::npos);
    CHECK(html.find("2 answered") != std::string::npos);
    // The journal resumes with the phones' answers in it.
    std::string notice;
    auto recorded = RecordedSession::resume(test::full_featured(), path, notice);
    Workshop resumed(std::move(recorded), scan, std::make_unique<HandCount>());
    CHECK(resumed.slide() == SlideKind::step);
}

TEST_CASE("a forged phones event is damage, not data") {
    JournalEvent e;
    e.seq = 1;
    e.time = "2026-11-29T10:00:00.000Z";
    e.type = EventType::phone_answers;
    e.node = "gift";
    e.step = "who";
    e.answers = 4;
    e.counts = {{"supplier", 3}};
    e.scale_counts = {{"1", 2}};
    e.texts = {"a text"};
    const std::string line = encode_journal_event(e);
    // A real header, as a workshop writes it.
    test::TempDir dir;
    {
        Session session(test::full_featured(), "en");
        JournalHeader h = make_journal_header(session, "workshop");
        RecordedSession::start(std::move(session), dir / "w.jsonl", std::move(h));
    }
    std::ifstream in(dir / "w.jsonl");
    std::string header;
    std::getline(in, header);
    header += "\n";
    const JournalScan good = scan_journal_bytes(header + line + "\n");
    REQUIRE(good.intact());
    REQUIRE(good.events.size() == 1);
    CHECK(good.events[0].counts == e.counts);
    CHECK(good.events[0].scale_counts == e.scale_counts);
    CHECK(good.events[0].texts == e.texts);
    // A scale from -100 to 100, every value chosen: more entries than a vote has options.
    e.texts = {};
    e.scale_counts.clear();
    for (int v = -100; v <= 100; ++v) {
        e.scale_counts.emplace_back(std::to_string(v), 1);
    }
    const JournalScan wide = scan_journal_bytes(header + encode_journal_event(e) + "\n");
    REQUIRE(wide.intact());
    CHECK(wide.events[0].scale_counts.size() == 201);
    e.scale_counts = {{"<b>x</b>", 1}};
    CHECK_FALSE(scan_journal_bytes(header + encode_journal_event(e) + "\n").intact());
    e.scale_counts = {{"99999999999999999999", 1}};
    CHECK_FALSE(scan_journal_bytes(header + encode_journal_event(e) + "\n").intact());
    e.scale_counts.clear();
    // A vote whose phones' part is more than its count.
    JournalEvent vote;
    vote.seq = 1;
    vote.time = e.time;
    vote.type = EventType::vote;
    vote.node = "gift";
    vote.round = "first";
    vote.counts = {{"keep", 1}};
    vote.phones = {{"keep", 2}};
    CHECK_FALSE(scan_journal_bytes(header + encode_journal_event(vote) + "\n").intact());
    vote.phones = {{"keep", 1}};
    CHECK(scan_journal_bytes(header + encode_journal_event(vote) + "\n").intact());
    e.texts = {std::string(2000, 'x')};
    const JournalScan long_text = scan_journal_bytes(header + encode_journal_event(e) + "\n");
    CHECK_FALSE(long_text.intact());
    e.texts = {};
    e.answers = 100000;
    const JournalScan many = scan_journal_bytes(header + encode_journal_event(e) + "\n");
    CHECK_FALSE(many.intact());
}
