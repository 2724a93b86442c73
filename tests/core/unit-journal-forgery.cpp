// Forged journals: a line whose checksum is right but whose fields are not what the program
// writes. Header fields of the wrong shape and counts no hand count can enter make the line
// damaged, with its line number, rather than reaching a file name, a page or a sum.
#include <doctest/doctest.h>

#include <cstdio>

#include "deliberate/journal/checksum.hpp"
#include "deliberate/journal/journal.hpp"
#include "deliberate/support/message_catalogue.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

// `line` with `from` replaced by `to` and its checksum recomputed, as a forger would.
std::string forged(const std::string& line, const std::string& from, const std::string& to) {
    std::string body = line.substr(0, line.rfind(",\"crc\":\""));
    const std::size_t at = body.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    body.replace(at, from.size(), to);
    char member[24];
    std::snprintf(member, sizeof member, ",\"crc\":\"%08x\"}", crc32(body + "}"));
    return body + member;
}

std::string header_line() {
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "play");
    header.participant = "p-0123abcd";
    header.time = "2026-11-28T14:00:00.000Z";
    header.scenario_file = "/srv/scenarios/full-featured.json";
    return encode_journal_header(header);
}

std::string vote_line() {
    JournalEvent vote;
    vote.seq = 1;
    vote.time = "2026-11-28T14:01:00.000Z";
    vote.type = EventType::vote;
    vote.node = "gift";
    vote.round = "first";
    vote.counts = {{"keep", 3}, {"return", 4}};
    return encode_journal_event(vote);
}

// The reason line 1 (a header with intact events after it) is damaged, or "" when it is not.
std::string header_damage(const std::string& header) {
    const JournalScan scan = scan_journal_bytes(header + "\n" + vote_line() + "\n");
    if (scan.damage.empty()) {
        return scan.header ? "" : "no header, no damage";
    }
    CHECK(scan.damage.front().line == 1);
    CHECK_FALSE(scan.header);
    return scan.damage.front().reason;
}

}  // namespace

TEST_CASE("an intact header and vote read back") {
    const JournalScan scan = scan_journal_bytes(header_line() + "\n" + vote_line() + "\n");
    REQUIRE(scan.intact());
    REQUIRE(scan.events.size() == 1);
    CHECK(scan.events[0].counts[1].second == 4);
}

TEST_CASE("a forged language, used as a file name, makes the header damaged") {
    const std::string line = header_line();
    CHECK(header_damage(
              forged(line, "\"language\":\"en\"", "\"language\":\"../../../../tmp/x/evil\"")) ==
          "`language` is not a language id such as \"nl\"");
    CHECK(header_damage(forged(line, "\"language\":\"en\"",
                               "\"language\":\"en\\\"><script>alert(1)</script>\"")) ==
          "`language` is not a language id such as \"nl\"");
    CHECK(header_damage(forged(line, "\"language\":\"en\"", "\"language\":\"EN\"")) != "");
    CHECK(header_damage(forged(line, "\"language\":\"en\"", "\"language\":\"nl-BE\"")) == "");
}

TEST_CASE("header fields of the wrong shape make the header damaged") {
    const std::string line = header_line();
    CHECK(header_damage(forged(line, "\"mode\":\"play\"", "\"mode\":\"<b>\"")) ==
          "`mode` is not practice, play, workshop or case");
    CHECK(header_damage(forged(line, "\"participant\":\"p-0123abcd\"",
                               "\"participant\":\"p-\\u001b]52;c;eA==\\u0007\"")) ==
          "`participant` is not an anonymous id such as \"p-3fa9c2d1\"");
    CHECK(header_damage(forged(line, "\"model\":\"full\"", "\"model\":\"../../x\"")) ==
          "`model` is not an id");
    CHECK(header_damage(forged(line, "\"id\":\"full-featured\"", "\"id\":\"../x\"")) ==
          "`scenario.id` is not an id");
    CHECK(header_damage(forged(line, "\"time\":\"2026-11-28T14:00:00.000Z\"",
                               "\"time\":\"\\u001b[2K\"")) == "`time` is not a UTC time");
    CHECK(header_damage(forged(line, "\"format\":", "\"group\":\"a\\u009bb\",\"format\":")) ==
          "`group` holds control characters or is too long");
    CHECK(header_damage(forged(
              line, "\"format\":", "\"name\":\"" + std::string(201, 'n') + "\",\"format\":")) ==
          "`name` holds control characters or is too long");
    // A name with ordinary punctuation and accents is a name.
    CHECK(header_damage(forged(line, "\"format\":", "\"name\":\"Zoë O'Neil\",\"format\":")) == "");
}

TEST_CASE("an event's time that is not a time makes the event damaged") {
    const std::string bad = forged(vote_line(), "\"time\":\"2026-11-28T14:01:00.000Z\"",
                                   "\"time\":\"\\u001b[2K\\rAll answers saved\"");
    const JournalScan scan = scan_journal_bytes(header_line() + "\n" + bad + "\n");
    CHECK(scan.events.empty());
    REQUIRE(scan.torn_tail);
    CHECK(scan.torn_tail->reason == "`time` is not a UTC time");
}

TEST_CASE("a count no hand count can enter makes the vote damaged, with its line") {
    const std::string vote = vote_line();
    for (const std::string count : {"4294967295", "18446744073709551615", "10000", "-1", "2.5"}) {
        CAPTURE(count);
        const std::string bad = forged(vote, "\"keep\":3", "\"keep\":" + count);
        const JournalScan scan = scan_journal_bytes(header_line() + "\n" + bad + "\n");
        CHECK(scan.events.empty());
        REQUIRE(scan.torn_tail);
        CHECK(scan.torn_tail->line == 2);
        CHECK(scan.torn_tail->reason == "the count of `keep` is not a whole number from 0 to 9999");
    }
    const std::string most = forged(vote, "\"keep\":3", "\"keep\":9999");
    CHECK(scan_journal_bytes(header_line() + "\n" + most + "\n").intact());
}

TEST_CASE("a scale beyond any int is damage, not a wrapped number") {
    JournalEvent answer;
    answer.seq = 1;
    answer.time = "2026-11-28T14:01:00.000Z";
    answer.type = EventType::answer;
    answer.node = "gift";
    answer.step = "weigh";
    answer.scale = 3;
    const std::string line = encode_journal_event(answer);
    for (const std::string value : {"4294967297", "-4294967297", "18446744073709551615"}) {
        const std::string bad = forged(line, "\"scale\":3", "\"scale\":" + value);
        const JournalScan scan = scan_journal_bytes(header_line() + "\n" + bad + "\n");
        CHECK(scan.events.empty());
    }
}

TEST_CASE("a language id is letters and a region, never a path") {
    for (const char* id : {"nl", "en", "fry", "nl-BE", "es-419"}) {
        CHECK_MESSAGE(is_language_id(id), id);
    }
    for (const char* id : {"", "n", "abcd", "EN", "nl_BE", "nl-be", "nl-B", "../en", "en/", "..",
                           "en.json", "en\n", "es-41"}) {
        CHECK_FALSE_MESSAGE(is_language_id(id), id);
    }
}

TEST_CASE("a catalogue is never loaded from a path a forged language names") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "i18n");
    test::write_bytes(dir / "i18n" / "en.json", "{\"greeting\": \"hello\"}");
    test::write_bytes(dir / "evil.json", "{\"greeting\": \"owned\"}");
    MessageCatalogue text;
    std::string error;
    CHECK_FALSE(text.load(dir / "i18n", "../evil", error));
    CHECK(text.get("greeting") == "hello");
    CHECK(text.language() == "en");
    CHECK(error == "`../evil` is not a language id; the texts are in English");
}

TEST_CASE("the program never begins a journal whose header it would refuse") {
    test::TempDir dir;
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "play");
    header.name = "Bob\x1b]0;owned\x07";
    CHECK(journal_header_problem(header) == "`name` holds control characters or is too long");
    CHECK_THROWS_AS(RecordedSession::start(std::move(session), dir / "j.jsonl", header),
                    JournalError);
    CHECK_FALSE(std::filesystem::exists(dir / "j.jsonl"));
    header.name = "Zoë";
    CHECK(journal_header_problem(header).empty());
}
