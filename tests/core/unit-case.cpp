// An own case: entering the case, the group's answers per step, the votes and the shift,
// resuming at any slide from the journal, the record as HTML and Markdown, and the case as a
// scenario draft that loads.
#include <doctest/doctest.h>

#include "deliberate/case/case_phones.hpp"
#include "deliberate/case/case_record.hpp"
#include "deliberate/case/own_case.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/scenario/loader.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

// The shipped models and values: an own case runs on those.
LoadOptions shipped() {
    const std::filesystem::path source = DELIBERATE_SOURCE_DIR;
    LoadOptions options;
    options.shipped_models_dir = source / "scenarios" / "models";
    options.shipped_values_file = source / "scenarios" / "values.json";
    options.assets_dir = source / "assets";
    return options;
}

std::shared_ptr<const JudgementModel> shipped_model(const std::string& id) {
    const auto loaded = load_model_file(shipped().shipped_models_dir / (id + ".json"));
    REQUIRE(loaded.ok());
    return loaded.value;
}

MessageCatalogue english() {
    MessageCatalogue text;
    std::string error;
    REQUIRE(
        text.load(std::filesystem::path(DELIBERATE_SOURCE_DIR) / "assets" / "i18n", "en", error));
    return text;
}

OwnCase entered_case(const std::filesystem::path& journal) {
    OwnCase c = OwnCase::start(shipped_model("dilemma-method"), journal, "en",
                               std::make_unique<HandCount>());
    c.set_title("Overtime <b>on</b> the ward");
    c.set_text("A colleague writes down hours\nshe did not work.");
    c.set_question("Report it or talk first?");
    c.add_option("Report");
    c.add_option("Talk first");
    return c;
}

void count(OwnCase& c, std::vector<int> counts) {
    auto& hands = dynamic_cast<HandCount&>(c.votes());
    for (std::size_t o = 0; o < counts.size(); ++o) {
        hands.set(o, counts[o]);
    }
}

// Next until the slide is `id`.
void next_to(OwnCase& c, const std::string& id) {
    for (int limit = 30; c.slide().id != id && limit > 0; --limit) {
        REQUIRE(c.next());
    }
    REQUIRE(c.slide().id == id);
}

// A whole deliberation: votes 3/5 then 2/6, arguments, stakeholders, a conclusion, a note.
void deliberate_whole(OwnCase& c) {
    next_to(c, "first-vote");
    count(c, {3, 5});
    next_to(c, "step:options-harm");
    c.add_answer({0, "", "Honesty towards the employer", "o1", "for", ""});
    c.add_answer({0, "", "It may cost her the job", "o1", "against", ""});
    next_to(c, "step:perspectives");
    c.add_answer({0, "", "The team leader", "", "", ""});
    next_to(c, "final-vote");
    count(c, {2, 6});
    next_to(c, "step:conclusions");
    c.add_answer({0, "", "Talk about the rent & the roster", "", "", ""});
    c.add_note("more time next round");
    next_to(c, "closing");
    c.finish();
}

}  // namespace

TEST_CASE("a case is entered part by part and needs a title, a question and two options") {
    test::TempDir dir;
    OwnCase c = OwnCase::start(shipped_model("dilemma-method"), dir / "c.jsonl", "en",
                               std::make_unique<HandCount>());
    CHECK(c.slide().kind == CaseSlideKind::entry);
    CHECK_FALSE(c.next());
    CHECK_THROWS_AS(c.set_title(""), std::invalid_argument);
    c.set_title("T");
    c.set_question("Q?");
    CHECK(c.add_option("A") == "o1");
    CHECK_FALSE(c.next());
    CHECK(c.add_option("B") == "o2");
    c.rename_option("o1", "A2");
    c.remove_option("o2");
    CHECK(c.add_option("C") == "o3");  // ids are never reused
    for (int i = 0; i < 4; ++i) {
        c.add_option("more");
    }
    CHECK_THROWS_AS(c.add_option("seventh"), std::invalid_argument);
    CHECK(c.content().options.front().label == "A2");
    CHECK(c.next());
    CHECK(c.slide().kind == CaseSlideKind::first_vote);
    // The journal says the same.
    const JournalScan scan = scan_journal(dir / "c.jsonl");
    REQUIRE(scan.intact());
    CHECK(scan.header->mode == "case");
    const CaseState read = read_case(*scan.header, scan.events, scan.event_lines);
    CHECK(read.content.title == "T");
    CHECK(read.content.options.size() == 6);
    CHECK(read.content.options.front().label == "A2");
    CHECK(read.slide == "first-vote");
}

TEST_CASE("the slides follow the model, with the final vote in place of its choice step") {
    const auto slides = case_slides(*shipped_model("dilemma-method"));
    REQUIRE(slides.size() == 16);
    CHECK(slides[0].id == "case");
    CHECK(slides[1].id == "first-vote");
    CHECK(slides[3].id == "step:case");  // a model step named `case` is no clash
    CHECK(slides[10].id == "final-vote");
    CHECK(slides.back().id == "closing");
    const auto quick = case_slides(*shipped_model("quick-check"));
    CHECK(quick[quick.size() - 2].id == "final-vote");
}

TEST_CASE("answers are recorded per step and can be withdrawn") {
    test::TempDir dir;
    OwnCase c = entered_case(dir / "c.jsonl");
    CHECK_THROWS_AS(c.add_answer({0, "", "on the case slide", "", "", ""}), std::invalid_argument);
    next_to(c, "step:clarifying-questions");
    const auto first = c.add_answer({0, "", "How long?", "", "", ""});
    c.add_answer({0, "", "Who knows?", "", "", ""});
    CHECK_THROWS_AS(c.add_answer({0, "", "x", "o9", "for", ""}), std::invalid_argument);
    CHECK_THROWS_AS(c.add_answer({0, "", "", "", "", ""}), std::invalid_argument);
    CHECK(c.withdraw(first));
    CHECK_FALSE(c.withdraw(first));
    const auto answers = c.state().answers_at("clarifying-questions");
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].text == "Who knows?");
    CHECK(answers[0].source == "console");
    const JournalScan scan = scan_journal(dir / "c.jsonl");
    const CaseState read = read_case(*scan.header, scan.events, scan.event_lines);
    REQUIRE(read.answers_at("clarifying-questions").size() == 1);
    CHECK(read.answers_at("clarifying-questions")[0].entry == answers[0].entry);
}

TEST_CASE("first and final vote are recorded by hand count, a recount replaces, and the majority") {
    test::TempDir dir;
    OwnCase c = entered_case(dir / "c.jsonl");
    next_to(c, "first-vote");
    CHECK(c.vote_round() == "first");
    count(c, {3, 5});
    c.record_count();
    count(c, {4, 5});  // a recount
    c.next();
    next_to(c, "final-vote");
    count(c, {2, 6});
    c.next();
    REQUIRE(c.state().vote("first") != nullptr);
    CHECK(c.state().vote("first")->per_option == std::vector<int>{4, 5});
    CHECK(c.state().vote("final")->per_option == std::vector<int>{2, 6});
    CHECK(c.state().majority() == std::size_t{1});
    const JournalScan scan = scan_journal(dir / "c.jsonl");
    const CaseState read = read_case(*scan.header, scan.events, scan.event_lines);
    CHECK(read.vote("first")->per_option == std::vector<int>{4, 5});
    CHECK(read.vote("final")->per_option == std::vector<int>{2, 6});
}

TEST_CASE("a case resumes at any slide with everything recorded so far") {
    const auto slides = case_slides(*shipped_model("dilemma-method"));
    for (std::size_t stop = 1; stop < slides.size(); ++stop) {
        CAPTURE(stop);
        test::TempDir dir;
        {
            OwnCase c = entered_case(dir / "c.jsonl");
            next_to(c, "first-vote");
            count(c, {1, 2});
            c.record_count();
            while (c.slide_index() < stop) {
                REQUIRE(c.next());
            }
        }
        std::string notice;
        OwnCase resumed = OwnCase::resume(shipped_model("dilemma-method"), dir / "c.jsonl", notice,
                                          std::make_unique<HandCount>());
        CHECK(resumed.slide_index() == stop);
        CHECK(resumed.content().options.size() == 2);
        REQUIRE(resumed.state().vote("first") != nullptr);
        CHECK(resumed.state().vote("first")->per_option == std::vector<int>{1, 2});
        if (resumed.slide().kind == CaseSlideKind::first_vote) {
            CHECK(resumed.votes().counts() == std::vector<int>{1, 2});
        }
        CHECK(notice.empty());
    }
    // Another model's case does not resume on this one.
    test::TempDir dir;
    { entered_case(dir / "c.jsonl"); }
    std::string notice;
    CHECK_THROWS_AS(OwnCase::resume(shipped_model("quick-check"), dir / "c.jsonl", notice,
                                    std::make_unique<HandCount>()),
                    ReplayError);
}

TEST_CASE("a case's events round-trip through the journal codec and are refused by a scenario") {
    JournalEvent e;
    e.seq = 4;
    e.time = "2026-11-29T13:00:00.000Z";
    e.node = "case";
    e.type = EventType::contribution;
    e.step = "values";
    e.text = "Honesty";
    e.option = "o1";
    e.side = "against";
    e.source = "console";
    const JournalScan scan = scan_journal_bytes(encode_journal_header(JournalHeader{}) + "\n" +
                                                encode_journal_event(e) + "\n");
    REQUIRE(scan.events.size() == 1);
    CHECK(scan.events[0].side == "against");
    CHECK(scan.events[0].source == "console");
    CHECK(scan.events[0].option == "o1");
    e.side = "sideways";
    CHECK(scan_journal_bytes(encode_journal_header(JournalHeader{}) + "\n" +
                             encode_journal_event(e) + "\n")
              .events.empty());
    // A case journal is not a scenario session.
    JournalHeader header;
    header.scenario_id = test::full_featured()->id;
    CHECK_THROWS_AS(replay_journal(test::full_featured(), header, {scan.events}, {2}), ReplayError);
    CHECK_THROWS_AS(read_case(header, {}, {}), ReplayError);  // mode is not `case`
}

TEST_CASE("the record holds the case, the steps in the model's order, the votes and the shift") {
    test::TempDir dir;
    OwnCase c = entered_case(dir / "c.jsonl");
    deliberate_whole(c);
    const MessageCatalogue text = english();
    const std::string html = case_record_html(c.state(), c.model(), text);
    CHECK(html.find("<title>Overtime &lt;b&gt;on&lt;/b&gt; the ward</title>") != std::string::npos);
    CHECK(html.find("<b>on</b>") == std::string::npos);
    CHECK(html.find("hours<br>\nshe did not work") != std::string::npos);
    CHECK(html.find("Talk about the rent &amp; the roster") != std::string::npos);
    CHECK(html.find("Against Report") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    // Percentage points: Report 38% to 25% is -13, Talk first 63% to 75% is +12.
    CHECK(html.find("Report \xE2\x88\x92"
                    "13, Talk first +12") != std::string::npos);
    CHECK(html.find("Most votes in the end: Talk first") != std::string::npos);
    // The steps in the model's order.
    CHECK(html.find("Clarifying questions") < html.find("Options and their harm"));
    CHECK(html.find("Options and their harm") < html.find("Limiting the damage"));
    CHECK(html.find("more time next round") != std::string::npos);
    const std::string md = case_record_markdown(c.state(), c.model(), text);
    CHECK(md.rfind("# Overtime &lt;b>on&lt;/b> the ward\n", 0) == 0);
    CHECK(md.find("- Talk first: 6 (75%)") != std::string::npos);
    CHECK(md.find("## Conclusions and actions") != std::string::npos);
    CHECK(c.state().header.name.empty());
}

TEST_CASE("a case saved as a scenario loads without errors or warnings") {
    test::TempDir dir;
    OwnCase c = entered_case(dir / "c.jsonl");
    deliberate_whole(c);
    const std::string json = case_scenario_json(c.state(), c.model());
    CHECK(json.find("\"model\": \"dilemma-method\"") != std::string::npos);
    CHECK(json.find("Honesty towards the employer") != std::string::npos);
    CHECK(json.find("The team leader") != std::string::npos);
    const auto loaded = load_scenario_text(json, "draft.json", dir.path(), shipped());
    CHECK(test::lines(loaded.diagnostics) == "");
    REQUIRE(loaded.ok());
    CHECK(loaded.value->nodes.front().options.size() == 2);
    CHECK(loaded.value->stakeholders.size() == 1);
}

TEST_CASE("phones in a case: their votes add to the hands, their texts wait to be accepted") {
    test::TempDir dir;
    BallotBox box;
    {
        OwnCase c = entered_case(dir / "c.jsonl");
        c.attach_phones(&box);
        CHECK_FALSE(case_phone_question(c));  // the case being typed asks the phones nothing
        next_to(c, "first-vote");
        const auto vote = case_phone_question(c);
        REQUIRE(vote);
        CHECK(vote->kind == "choice");
        REQUIRE(vote->choices.size() == 2);
        CHECK(vote->choices[1].label.in("nl") == "Talk first");
        box.open(*vote);
        const auto round = box.snapshot()->round;
        REQUIRE(box.cast("a", round, PhoneBallot{{"o1"}, std::nullopt, ""}) ==
                CastResult::accepted);
        REQUIRE(box.cast("b", round, PhoneBallot{{"o1"}, std::nullopt, ""}) ==
                CastResult::accepted);
        count(c, {1, 3});
        CHECK(c.phone_counts() == std::vector<int>{2, 0});
        c.next();  // recorded: hands and phones together
        REQUIRE(c.state().vote("first") != nullptr);
        CHECK(c.state().vote("first")->per_option == std::vector<int>{3, 3});
        CHECK(c.state().vote("first")->phones == std::vector<int>{2, 0});
        c.back();  // the hand count comes back without the phones' part
        CHECK(c.votes().counts() == std::vector<int>{1, 3});
        c.next();
        // Every step asks for the group's answers as text.
        next_to(c, "step:perspectives");
        const auto step = case_phone_question(c);
        REQUIRE(step);
        CHECK(step->kind == "text");
        CHECK(step->key == "case/step:perspectives");
        // An accepted phone text is an answer like the facilitator's, marked as from phones.
        c.add_answer({0, "", "The patients", "", "", "phones"});
        // A changed list of options is a fresh vote on the phones.
        CHECK(case_phone_vote(c, "final").key != vote->key);
    }
    const JournalScan scan = scan_journal(dir / "c.jsonl");
    const CaseState read = read_case(*scan.header, scan.events, scan.event_lines);
    CHECK(read.vote("first")->per_option == std::vector<int>{3, 3});
    CHECK(read.vote("first")->phones == std::vector<int>{2, 0});
    REQUIRE(read.answers_at("perspectives").size() == 1);
    CHECK(read.answers_at("perspectives")[0].source == "phones");
    // Resumed without phones, the phones' part recorded before stands.
    std::string notice;
    OwnCase resumed = OwnCase::resume(shipped_model("dilemma-method"), dir / "c.jsonl", notice,
                                      std::make_unique<HandCount>());
    REQUIRE(resumed.state().vote("first") != nullptr);
    CHECK(resumed.state().vote("first")->phones == std::vector<int>{2, 0});
}

TEST_CASE("an option removed after arguments about it: its arguments stay gone on resuming") {
    test::TempDir dir;
    {
        OwnCase c = entered_case(dir / "c.jsonl");
        next_to(c, "step:options-harm");
        c.add_answer({0, "", "Honest", "o2", "for", ""});
        c.add_answer({0, "", "Kind", "o1", "for", ""});
        c.back();
        for (int limit = 20; c.slide().kind != CaseSlideKind::entry && limit > 0; --limit) {
            c.back();
        }
        c.remove_option("o2");
        c.add_option("Wait");
        REQUIRE(c.state().contributions.size() == 1);
    }
    std::string notice;
    const OwnCase resumed = OwnCase::resume(shipped_model("dilemma-method"), dir / "c.jsonl",
                                            notice, std::make_unique<HandCount>());
    REQUIRE(resumed.state().contributions.size() == 1);
    CHECK(resumed.state().contributions[0].text == "Kind");
}

TEST_CASE("a journal that moves past an unfinished case is refused on resuming, not followed") {
    test::TempDir dir;
    // A forged journal: the first vote before the case has options (next() never allows it).
    std::filesystem::copy_file(
        std::filesystem::path(DELIBERATE_TEST_DATA) / "case" / "forged-vote-before-case.jsonl",
        dir / "c.jsonl");
    std::string notice;
    CHECK_THROWS_WITH_AS(OwnCase::resume(shipped_model("dilemma-method"), dir / "c.jsonl", notice,
                                         std::make_unique<HandCount>()),
                         "line 2: the case moved to `first-vote` before it had a title, a "
                         "question and two options",
                         ReplayError);
}

TEST_CASE("a draft keeps the group's words as text: no placeholder, no control character") {
    test::TempDir dir;
    OwnCase c = OwnCase::start(shipped_model("quick-check"), dir / "c.jsonl", "en",
                               std::make_unique<HandCount>());
    c.set_title("Costs {factor:amount} \u202eevil");
    c.set_question("Pay {var:x}?");
    c.add_option("Yes");
    c.add_option("No");
    const std::string json = case_scenario_json(c.state(), c.model());
    CHECK(json.find("{factor:") == std::string::npos);
    CHECK(json.find("{ factor:amount}") != std::string::npos);
    // No arguments were given in the quick check: the author's part is marked, and the draft
    // passes the checker without a warning.
    CHECK(json.find("To be written.") != std::string::npos);
    const auto loaded = load_scenario_text(json, "draft.json", dir.path(), shipped());
    CHECK(test::lines(loaded.diagnostics) == "");
    CHECK(loaded.ok());
}

TEST_CASE("a case's journal that takes back no answer, or names another scenario, is refused") {
    test::TempDir dir;
    {
        OwnCase c = entered_case(dir / "c.jsonl");
        (void)c;
    }
    JournalScan scan = scan_journal(dir / "c.jsonl");
    REQUIRE(scan.intact());
    JournalEvent withdraw;
    withdraw.type = EventType::withdraw;
    withdraw.entry = 999;
    std::vector<JournalEvent> events = scan.events;
    events.push_back(withdraw);
    CHECK_THROWS_AS(read_case(*scan.header, events, {}), ReplayError);
    JournalHeader other = *scan.header;
    other.scenario_id = "full-featured";
    CHECK_THROWS_AS(read_case(other, scan.events, scan.event_lines), ReplayError);
}
