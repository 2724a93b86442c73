// The journal file: lines and checksums, torn ends cut at every byte, flipped bytes, damage in
// the middle, one writer at a time, links never written through, owner-only files and folders.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "deliberate/journal/checksum.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/journal.hpp"
#include "journal_support.hpp"

using namespace deliberate;

namespace {

// Offset of the start of the last line of `bytes` (which ends with a newline).
std::size_t last_line_start(const std::string& bytes) {
    return bytes.rfind('\n', bytes.size() - 2) + 1;
}

// The bytes of a journal of a whole play-through of full-featured, written in `dir`.
std::string recorded_full_journal(const test::TempDir& dir) {
    {
        auto rec = test::start_recording(dir / "full.jsonl");
        test::play_full_featured(rec);
    }
    return test::read_bytes(dir / "full.jsonl");
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

}  // namespace

TEST_CASE("a recorded session writes a header and one checksummed line per event") {
    test::TempDir dir;
    auto rec = test::start_recording(dir / "s.jsonl");
    test::play_full_featured(rec);
    const JournalScan scan = scan_journal(dir / "s.jsonl");
    REQUIRE(scan.intact());
    CHECK(scan.header->scenario_id == "full-featured");
    CHECK(scan.header->model_id == "full");
    CHECK(scan.header->language == "en");
    CHECK(scan.header->mode == "play");
    CHECK(scan.header->participant.rfind("p-", 0) == 0);
    CHECK(scan.header->name.empty());
    CHECK(scan.header->scenario_hash == rec.session().scenario().content_hash);
    CHECK(scan.header->factors ==
          std::vector<std::pair<std::string, std::string>>{{"amount", "low"}});
    std::vector<std::string> types;
    for (const JournalEvent& e : scan.events) {
        types.push_back(event_type_name(e.type));
    }
    CHECK(types == std::vector<std::string>{"continue", "answer", "answer", "answer", "answer",
                                            "back", "answer", "answer", "factor", "answer",
                                            "answer", "choice", "note", "answer", "continue",
                                            "end"});
    CHECK(scan.finished());
    CHECK(rec.events_recorded() == scan.events.size());
    const JournalEvent& order = scan.events[7];
    CHECK(order.step == "order");
    CHECK(order.picks == std::vector<std::string>{"loyalty", "honesty"});
    CHECK(scan.events[13].scale == 4);
    CHECK(scan.events[11].option == "report");
    CHECK(scan.events[8].factor == "amount");
    CHECK(scan.events[8].value == "high");
    CHECK(scan.events[12].text == "reported it");
    for (std::size_t i = 0; i < scan.events.size(); ++i) {
        CHECK(scan.events[i].seq == i + 1);
        CHECK(scan.events[i].time.size() == 24);  // 2026-11-28T14:00:00.000Z
    }
    // Every line ends with its checksum, the checksum of the line without it.
    const std::string bytes = test::read_bytes(dir / "s.jsonl");
    const std::string first = bytes.substr(0, bytes.find('\n'));
    const std::size_t at = first.rfind(",\"crc\":\"");
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", crc32(first.substr(0, at) + "}"));
    CHECK(first.substr(at + 8, 8) == hex);
}

TEST_CASE("journal files and the data folder are readable by their owner only") {
    test::TempDir dir;
    const std::filesystem::path data = dir / "data";
    const auto path = new_journal_path(data, "full-featured", "p-12345678");
    CHECK(path.parent_path() == data / "sessions" / "full-featured");
    CHECK(path.filename().string().size() ==
          std::string("20261128-140000-p-12345678.jsonl").size());
    CHECK(mode_of(data) == 0700);
    CHECK(mode_of(data / "sessions") == 0700);
    CHECK(mode_of(path.parent_path()) == 0700);
    { auto rec = test::start_recording(path); }
    CHECK(mode_of(path) == 0600);
    CHECK(list_journals(data) == std::vector<std::filesystem::path>{path});
    CHECK(list_journals(data, "other").empty());
    // A file someone opened up is made private again when the session goes on.
    ::chmod(path.c_str(), 0644);
    std::string notice;
    RecordedSession::resume(test::full_featured(), path, notice);
    CHECK(mode_of(path) == 0600);
    CHECK_THROWS_AS(test::start_recording(path), JournalError);  // never overwritten
}

TEST_CASE("the data folder: --data, then DELIBERATE_DATA, XDG_DATA_HOME and HOME") {
    const auto saved = [](const char* name) {
        const char* v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    const auto data = saved("DELIBERATE_DATA"), xdg = saved("XDG_DATA_HOME"), home = saved("HOME");
    ::setenv("DELIBERATE_DATA", "/d", 1);
    ::setenv("XDG_DATA_HOME", "/x", 1);
    ::setenv("HOME", "/h", 1);
    CHECK(resolve_data_folder("/flag") == "/flag");
    CHECK(resolve_data_folder("") == "/d");
    ::unsetenv("DELIBERATE_DATA");
    CHECK(resolve_data_folder("") == "/x/deliberate");
    ::unsetenv("XDG_DATA_HOME");
    CHECK(resolve_data_folder("") == "/h/.local/share/deliberate");
    ::unsetenv("HOME");
    CHECK_THROWS_AS(resolve_data_folder(""), std::runtime_error);
    const auto restore = [](const char* name, const std::optional<std::string>& v) {
        if (v) {
            ::setenv(name, v->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    };
    restore("DELIBERATE_DATA", data);
    restore("XDG_DATA_HOME", xdg);
    restore("HOME", home);
}

TEST_CASE("a journal cut at every byte of its last event keeps every event before it") {
    test::TempDir dir;
    const std::string full = recorded_full_journal(dir);
    const std::size_t last = last_line_start(full);
    const std::size_t events = scan_journal_bytes(full).events.size();
    for (std::size_t cut = last; cut <= full.size(); ++cut) {
        CAPTURE(cut);
        const std::string bytes = full.substr(0, cut);
        const JournalScan scan = scan_journal_bytes(bytes);
        CHECK(scan.header.has_value());
        CHECK(scan.damage.empty());
        if (cut == last || cut == full.size()) {
            CHECK(scan.intact());
            CHECK(scan.events.size() == (cut == last ? events - 1 : events));
            continue;
        }
        CHECK_FALSE(scan.intact());
        REQUIRE(scan.torn_tail.has_value());
        CHECK(scan.torn_tail->offset == last);
        CHECK(scan.torn_tail->length == cut - last);
        CHECK(scan.events.size() == events - 1);
        CHECK(scan.intact_bytes == last);

        // Resuming cuts the torn end off, keeps its bytes aside and goes on writing.
        const auto path = dir / ("cut-" + std::to_string(cut) + ".jsonl");
        test::write_bytes(path, bytes);
        std::string notice;
        auto rec = RecordedSession::resume(test::full_featured(), path, notice);
        CHECK(notice.find("cut off") != std::string::npos);
        // The session was at the ending when the `end` event was torn: it is written again.
        CHECK(rec.events_recorded() == events);
        auto cut_path = path;
        cut_path += ".cut";
        CHECK(test::read_bytes(cut_path) == bytes.substr(last) + "\n");
        rec.add_note("after the crash");
        const JournalScan again = scan_journal(path);
        CHECK(again.intact());
        CHECK(again.events.size() == events + 1);
        CHECK(again.events.back().text == "after the crash");
    }
}

TEST_CASE("a flipped byte anywhere in the last event is caught, never taken as an event") {
    test::TempDir dir;
    const std::string full = recorded_full_journal(dir);
    const std::size_t last = last_line_start(full);
    const std::size_t events = scan_journal_bytes(full).events.size();
    for (std::size_t at = last; at < full.size(); ++at) {
        for (const unsigned char mask : {0x01, 0x20, 0x80, 0xFF}) {
            CAPTURE(at);
            CAPTURE(static_cast<int>(mask));
            std::string bytes = full;
            bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ mask);
            const JournalScan scan = scan_journal_bytes(bytes);
            CHECK(scan.events.size() == events - 1);
            CHECK(scan.damage.empty());
            REQUIRE(scan.torn_tail.has_value());
            CHECK(scan.torn_tail->offset == last);
        }
    }
}

TEST_CASE("damage in the middle is reported with its line, and such a journal is not resumed") {
    test::TempDir dir;
    const std::string full = recorded_full_journal(dir);
    const std::size_t events = scan_journal_bytes(full).events.size();
    const std::size_t line4 = [&] {
        std::size_t at = 0;
        for (int i = 0; i < 3; ++i) {
            at = full.find('\n', at) + 1;
        }
        return at;
    }();

    SUBCASE("a flipped byte") {
        for (std::size_t at = line4; at < full.find('\n', line4); at += 7) {
            std::string bytes = full;
            bytes[at] = static_cast<char>(bytes[at] ^ 0x04);
            const JournalScan scan = scan_journal_bytes(bytes);
            REQUIRE(scan.damage.size() == 1);
            CHECK(scan.damage[0].line == 4);
            CHECK(scan.damage[0].offset == line4);
            CHECK_FALSE(scan.torn_tail);
            CHECK(scan.events.size() == events - 1);
        }
    }
    SUBCASE("a missing line") {
        std::string bytes = full;
        bytes.erase(line4, full.find('\n', line4) + 1 - line4);
        const JournalScan scan = scan_journal_bytes(bytes);
        REQUIRE(scan.damage.size() == 1);
        CHECK(scan.damage[0].line == 4);
        CHECK(scan.damage[0].reason.find("missing or out of order") != std::string::npos);
        CHECK(scan.events.size() == events - 1);
    }
    SUBCASE("resuming refuses and changes nothing") {
        std::string bytes = full;
        bytes[line4 + 10] = 'X';
        const auto path = dir / "damaged.jsonl";
        test::write_bytes(path, bytes);
        std::string notice;
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             doctest::Contains("line 4 is damaged"), JournalError);
        CHECK(test::read_bytes(path) == bytes);
    }
    SUBCASE("a damaged header") {
        std::string bytes = full;
        bytes[5] = 'Q';
        const JournalScan scan = scan_journal_bytes(bytes);
        CHECK_FALSE(scan.header);
        REQUIRE_FALSE(scan.damage.empty());
        CHECK(scan.damage[0].line == 1);
    }
}

TEST_CASE("what is not a journal is refused with a reason") {
    CHECK(scan_journal_bytes("").events.empty());
    CHECK_FALSE(scan_journal_bytes("").header);
    const JournalScan text = scan_journal_bytes("hello\n");
    REQUIRE(text.torn_tail);
    CHECK(text.torn_tail->reason == "no checksum at the end of the line");
    CHECK_FALSE(scan_journal("/nonexistent/x.jsonl").readable());
    // A well-sealed line that is not a header cannot start a journal.
    JournalEvent note;
    note.type = EventType::note;
    note.node = "intro";
    note.text = "x";
    note.time = "2026-11-28T14:00:00.000Z";
    const JournalScan headless = scan_journal_bytes(encode_journal_event(note) + "\n");
    REQUIRE(headless.torn_tail);
    CHECK(headless.torn_tail->reason == "the first line is not a journal header");
}

TEST_CASE("a journal has one writer at a time") {
    test::TempDir dir;
    const auto path = dir / "one.jsonl";
    std::string notice;
    {
        auto first = test::start_recording(path);
        first.continue_scene();
        const std::string before = test::read_bytes(path);
        // A second writer, here in the same process, is kept out as one in another would be.
        CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                             doctest::Contains("in use by another Deliberate"), JournalError);
        CHECK(test::read_bytes(path) == before);
        first.add_note("still the only writer");
    }
    auto again = RecordedSession::resume(test::full_featured(), path, notice);
    CHECK_THROWS_WITH_AS(RecordedSession::resume(test::full_featured(), path, notice),
                         doctest::Contains("in use by another Deliberate"), JournalError);
    CHECK(scan_journal(path).intact());
}

TEST_CASE("a journal or its .cut file that is a link is never written through") {
    test::TempDir dir;
    const std::string full = recorded_full_journal(dir);
    const std::string torn = full.substr(0, full.size() - 7);
    const auto target = dir / "bashrc";
    test::write_bytes(target, "export PATH=/usr/bin\n");
    std::string notice;
    SUBCASE("the journal itself") {
        test::write_bytes(dir / "real.jsonl", torn);
        std::filesystem::create_symlink(dir / "real.jsonl", dir / "link.jsonl");
        CHECK_THROWS_WITH_AS(
            RecordedSession::resume(test::full_featured(), dir / "link.jsonl", notice),
            doctest::Contains("is a symbolic link; not resumed"), JournalError);
        CHECK(test::read_bytes(dir / "real.jsonl") == torn);
    }
    SUBCASE("the file that keeps a torn end") {
        test::write_bytes(dir / "torn.jsonl", torn);
        std::filesystem::create_symlink(target, dir / "torn.jsonl.cut");
        CHECK_THROWS_WITH_AS(
            RecordedSession::resume(test::full_featured(), dir / "torn.jsonl", notice),
            doctest::Contains("torn.jsonl.cut is a symbolic link; not followed"), JournalError);
        CHECK(test::read_bytes(dir / "torn.jsonl") == torn);
    }
    SUBCASE("a .cut file with a second name") {
        test::write_bytes(dir / "torn.jsonl", torn);
        std::filesystem::create_hard_link(target, dir / "torn.jsonl.cut");
        CHECK_THROWS_WITH_AS(
            RecordedSession::resume(test::full_featured(), dir / "torn.jsonl", notice),
            doctest::Contains("not a plain file of its own"), JournalError);
        CHECK(test::read_bytes(dir / "torn.jsonl") == torn);
    }
    CHECK(test::read_bytes(target) == "export PATH=/usr/bin\n");
}

TEST_CASE("session folders are owner-only from the start, whatever the umask") {
    test::TempDir dir;
    const mode_t old = ::umask(0);
    const auto path = new_journal_path(dir / "data", "full-featured", "p-12345678");
    const auto exported = export_path(dir / "data", path, "csv");
    ::umask(old);
    CHECK(mode_of(dir / "data") == 0700);
    CHECK(mode_of(dir / "data" / "sessions") == 0700);
    CHECK(mode_of(path.parent_path()) == 0700);
    CHECK(mode_of(exported.parent_path()) == 0700);
    CHECK(data_folder_warning(dir / "data").empty());
    ::chmod((dir / "data").c_str(), 0770);
    CHECK(data_folder_warning(dir / "data").find("can be written by other users (mode 0770)") !=
          std::string::npos);
    CHECK(data_folder_warning(dir / "nowhere").empty());
    test::write_bytes(dir / "file", "x");
    CHECK_THROWS_WITH(new_journal_path(dir / "file", "s", "p"),
                      doctest::Contains("a file is in the way"));
}

TEST_CASE("a file that begins with a journal header is told apart") {
    test::TempDir dir;
    recorded_full_journal(dir);
    CHECK(starts_with_journal_header(dir / "full.jsonl"));
    test::write_bytes(dir / "votes.csv", "dilemma,question\n");
    CHECK_FALSE(starts_with_journal_header(dir / "votes.csv"));
    CHECK_FALSE(starts_with_journal_header(dir / "missing.jsonl"));
    CHECK(::mkfifo((dir / "pipe.jsonl").c_str(), 0600) == 0);
    CHECK_FALSE(starts_with_journal_header(dir / "pipe.jsonl"));  // and does not wait
    CHECK(scan_journal(dir / "pipe.jsonl").error.find("not a regular file") != std::string::npos);
}
