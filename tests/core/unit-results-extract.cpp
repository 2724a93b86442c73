// The anonymous results extract: what it holds, that nothing personal can get in, and that
// reading one from an untrusted file never throws and says why a file is not an extract.
#include <doctest/doctest.h>

#include "deliberate/results/extract.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

const std::string marker = "MARKERxyz";

// A workshop played to its ending by a trainer who typed the marker everywhere text goes.
JournalScan marked_workshop(const test::TempDir& dir) {
    const auto scenario = test::full_featured();
    const auto path = dir / (marker + ".jsonl");
    Session session(scenario, "en");
    JournalHeader header = make_journal_header(session, "workshop");
    header.name = marker;
    header.group = marker;
    auto rec = RecordedSession::start(std::move(session), path, header);
    rec.continue_scene();
    rec.record_vote("first", {7, 5});
    rec.discuss_step();
    rec.add_note(marker);
    rec.set_factor(0, 1);
    rec.record_vote("first", {3, 9});
    while (!rec.session().at_choice()) {
        rec.discuss_step();
    }
    rec.record_vote("final", {2, 10});
    rec.choose(1, marker);
    while (!rec.session().at_ending()) {
        if (rec.session().at_dilemma() && !rec.session().at_choice()) {
            rec.discuss_step();
        } else {
            rec.continue_scene();
        }
    }
    return scan_journal(path);
}

}  // namespace

TEST_CASE("a practice extract holds ids, numbers and the month, and no free text or name") {
    test::TempDir dir;
    const auto scenario = test::full_featured();
    const auto path = dir / (marker + ".jsonl");
    {
        Session session(scenario, "en");
        JournalHeader header = make_journal_header(session, "play");
        header.name = marker;
        header.group = marker;
        auto rec = RecordedSession::start(std::move(session), path, header);
        rec.continue_scene();
        rec.answer_step({});
        rec.answer_step(test::text(marker));
        rec.answer_step(test::picks({"team"}));
        rec.answer_step(test::picks({"value"}));
        rec.answer_step(test::picks({"loyalty", "honesty"}));
        rec.set_factor(0, 1);
        rec.answer_step(test::picks({"newspaper"}));
        rec.answer_step(test::text(marker));
        rec.choose(1);
        rec.add_note(marker);
        rec.answer_step({"", {}, "", 4});
        rec.continue_scene();
    }
    JournalScan scan = scan_journal(path);
    REQUIRE(scan.finished());
    // A forged journal may put anything where an id belongs: it must not get through either.
    JournalEvent forged = scan.events[3];
    forged.picks = {marker, "supplier"};
    scan.events.insert(scan.events.begin() + 4, forged);
    scan.header->factors.emplace_back(marker, marker);

    const auto extract = build_extract(*scenario, scan);
    REQUIRE(extract);
    const std::string bytes = encode_extract(*extract);
    CHECK(bytes.find(marker) == std::string::npos);
    CHECK(bytes.find(scan.header->participant) == std::string::npos);
    CHECK(bytes.find(scan.header->time.substr(0, 10)) == std::string::npos);
    CHECK(bytes.find(dir.path().string()) == std::string::npos);
    CHECK(bytes.find("\"month\":\"" + scan.header->time.substr(0, 7) + "\"") != std::string::npos);
    CHECK(extract->mode == "practice");
    REQUIRE(extract->dilemmas.size() == 1);
    const ExtractDilemma& d = extract->dilemmas[0];
    CHECK(d.node == "parcel");
    CHECK(d.choice == "report");
    CHECK(d.factors == ExtractSetting{{"amount", "high"}});
    CHECK(d.votes.empty());
    bool scale_seen = false, text_answered = false;
    for (const ExtractAnswer& a : d.answers) {
        CHECK(is_extract_id(a.step));
        scale_seen = scale_seen || a.scale == 4;
        text_answered = text_answered || (a.step == "issue" && !a.skipped && a.picks.empty());
        for (const std::string& pick : a.picks) {
            CHECK(pick != marker);
        }
    }
    CHECK(scale_seen);
    CHECK(text_answered);
}

TEST_CASE("a workshop extract holds the vote counts per round and setting, not the notes") {
    test::TempDir dir;
    const JournalScan scan = marked_workshop(dir);
    REQUIRE(scan.finished());
    const auto extract = build_extract(*test::full_featured(), scan);
    REQUIRE(extract);
    const std::string bytes = encode_extract(*extract);
    CHECK(bytes.find(marker) == std::string::npos);
    CHECK(extract->mode == "workshop");
    REQUIRE(extract->dilemmas.size() == 1);
    const ExtractDilemma& d = extract->dilemmas[0];
    CHECK(d.answers.empty());
    REQUIRE(d.votes.size() == 3);
    CHECK(d.votes[0].round == "first");
    CHECK(d.votes[0].factors == ExtractSetting{{"amount", "low"}});
    CHECK(d.votes[0].counts ==
          std::vector<std::pair<std::string, int>>{{"keep", 7}, {"report", 5}});
    CHECK(d.votes[1].factors == ExtractSetting{{"amount", "high"}});
    CHECK(d.votes[2].round == "final");
    CHECK(d.choice == "report");
}

TEST_CASE("an unfinished session gives no extract") {
    test::TempDir dir;
    const auto path = dir / "s.jsonl";
    {
        auto rec = test::start_recording(path);
        rec.continue_scene();
    }
    CHECK_FALSE(build_extract(*test::full_featured(), scan_journal(path)));
}

TEST_CASE("an extract reads back as it was written") {
    test::TempDir dir;
    const auto path = dir / "s.jsonl";
    {
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
    }
    const auto extract = build_extract(*test::full_featured(), scan_journal(path));
    REQUIRE(extract);
    const std::string bytes = encode_extract(*extract);
    const DecodedExtract decoded = decode_extract(bytes);
    REQUIRE_MESSAGE(decoded.extract, decoded.reason);
    CHECK(encode_extract(*decoded.extract) == bytes);
    CHECK(decoded.extract->id.size() == 34);
    CHECK(new_extract_id() != new_extract_id());
}

TEST_CASE("reading a file that is not an extract says why, and never throws") {
    const std::string good =
        R"({"format":"deliberate/result@1","id":"r-0123456789abcdef0123456789abcdef",)"
        R"("engine":"0.1.0","scenario":{"id":"s","version":"1.0.0","hash":"fnv1a64:00ff"},)"
        R"("model":"m","language":"en","mode":"practice","month":"2026-11","dilemmas":[]})";
    CHECK(decode_extract(good).extract);
    CHECK(decode_extract("{\"format\":").problem == ExtractProblem::damaged);
    CHECK(decode_extract("").problem == ExtractProblem::damaged);
    CHECK(decode_extract("[1,2]").problem == ExtractProblem::foreign);
    CHECK(decode_extract(R"({"format":"deliberate/journal@1"})").problem ==
          ExtractProblem::foreign);
    CHECK(decode_extract(R"({"format":"deliberate/result@2","id":"x"})").problem ==
          ExtractProblem::newer_format);
    const auto broken = [&](const std::string& from, const std::string& to) {
        std::string bytes = good;
        bytes.replace(bytes.find(from), from.size(), to);
        return decode_extract(bytes);
    };
    CHECK(broken("\"mode\":\"practice\"", "\"mode\":\"alone\"").problem == ExtractProblem::invalid);
    CHECK(broken("2026-11", "2026-13").problem == ExtractProblem::invalid);
    CHECK(broken("2026-11", "2026-11-28").problem == ExtractProblem::invalid);
    CHECK(broken("\"model\":\"m\"", "\"model\":\"Jan de Vries\"").problem ==
          ExtractProblem::invalid);
    CHECK(broken("\"dilemmas\":[]", "\"dilemmas\":[{\"node\":\"n\",\"choice\":\"o\"}]").problem ==
          ExtractProblem::invalid);
    CHECK(
        broken(
            "\"dilemmas\":[]",
            R"("dilemmas":[{"node":"n","choice":"o","factors":{},"answers":[{"step":"s","text":"hi","picks":["a b"]}]}])")
            .problem == ExtractProblem::invalid);
    CHECK(
        broken(
            "\"dilemmas\":[]",
            R"("dilemmas":[{"node":"n","choice":"o","factors":{},"votes":[{"round":"first","factors":{},"counts":{"o":-1}}]}])")
            .problem == ExtractProblem::invalid);
}
