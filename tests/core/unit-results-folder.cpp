// The results folder: writing without ever touching another file, the outbox that waits for
// an unreachable folder, and reading that skips and counts whatever is not a valid extract,
// through a cache that a second read only adds new files to.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "journal_support.hpp"
#include "results_support.hpp"

using namespace deliberate;
namespace fs = std::filesystem;

namespace {

std::size_t files_in(const fs::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) {
        ++n;
    }
    return n;
}

long long sessions(const ResultsRead& read) {
    long long n = 0;
    for (const auto& [key, count] : read.facts) {
        Fact fact;
        if (parse_fact_key(key, fact) && fact.kind == FactKind::sessions) {
            n += count;
        }
    }
    return n;
}

}  // namespace

TEST_CASE("a new file is written whole under its own name, never over another") {
    test::TempDir dir;
    std::string error;
    REQUIRE(write_new_file(dir.path(), "a.result.json", "first\n", error));
    CHECK(test::read_bytes(dir / "a.result.json") == "first\n");
    CHECK_FALSE(write_new_file(dir.path(), "a.result.json", "second\n", error));
    CHECK(error.find("already exists") != std::string::npos);
    CHECK(test::read_bytes(dir / "a.result.json") == "first\n");
    CHECK(files_in(dir.path()) == 1);  // no temporary file left behind
    CHECK_FALSE(write_new_file(dir / "missing", "b.result.json", "x", error));
}

TEST_CASE("the folder is --results, else $DELIBERATE_RESULTS, else the setting") {
    ::setenv("DELIBERATE_RESULTS", "/from/env", 1);
    CHECK(resolve_results_folder("/flag", "/setting") == "/flag");
    CHECK(resolve_results_folder("", "/setting") == "/from/env");
    ::unsetenv("DELIBERATE_RESULTS");
    CHECK(resolve_results_folder("", "/setting") == "/setting");
    CHECK(resolve_results_folder("", "").empty());
}

TEST_CASE("an extract waits in the outbox while the folder is away, and arrives later") {
    test::TempDir dir;
    const fs::path data = dir / "data", results = dir / "share";
    const ResultExtract extract = test::practice_extract("report");
    ShareOutcome outcome = share_extract(data, results, extract);
    CHECK_FALSE(outcome.delivered);
    CHECK(outcome.problem.find("cannot be reached") != std::string::npos);
    CHECK(fs::exists(outcome.outbox_file));

    fs::create_directory(results);
    std::string problem;
    CHECK(deliver_outbox(data, results, problem) == 1);
    CHECK_FALSE(fs::exists(outcome.outbox_file));
    const fs::path delivered = results / extract_file_name(extract.id);
    REQUIRE(fs::exists(delivered));
    CHECK(test::read_bytes(delivered) == encode_extract(extract));
    CHECK(deliver_outbox(data, results, problem) == 0);

    outcome = share_extract(data, results, test::practice_extract("keep"));
    CHECK(outcome.delivered);
    CHECK(files_in(results) == 2);
    CHECK(files_in(outbox_folder(data)) == 0);
}

TEST_CASE("reading skips and counts every file that is not a valid extract") {
    test::TempDir dir;
    const fs::path results = dir / "share";
    fs::create_directory(results);
    std::string error;
    const ResultExtract first = test::practice_extract("report");
    for (int i = 0; i < 3; ++i) {
        const ResultExtract e = i == 0 ? first : test::practice_extract("keep");
        REQUIRE(write_new_file(results, extract_file_name(e.id), encode_extract(e), error));
    }
    // A second copy of the first extract under another name: counted once.
    test::write_bytes(results / "copy.result.json", encode_extract(first));
    const std::string good = encode_extract(test::practice_extract("keep"));
    test::write_bytes(results / "cut.result.json", good.substr(0, good.size() / 2));
    test::write_bytes(results / "Thumbs.db", "\x01\x02");
    test::write_bytes(results / "notes.json", "{\"title\": \"minutes\"}");
    std::string newer = good;
    newer.replace(newer.find("result@1"), 8, "result@7");
    test::write_bytes(results / "newer.result.json", newer);
    std::string texty = good;
    texty.replace(texty.find("\"step\":\"who\""), 12, "\"step\":\"my boss Jan\"");
    test::write_bytes(results / "texty.result.json", texty);
    test::write_bytes(results / ".in-progress.tmp", "{");
    fs::create_directory(results / "sub");

    const ResultsRead read = read_results(results, dir / "cache.sqlite");
    CHECK(read.problem.empty());
    CHECK(read.extracts == 3);
    CHECK(sessions(read) == 3);
    CHECK(read.skipped_total() == 6);
    CHECK(read.skipped.at("duplicate") == 1);
    CHECK(read.skipped.at("damaged") == 1);
    CHECK(read.skipped.at("foreign") == 2);
    CHECK(read.skipped.at("newer format") == 1);
    CHECK(read.skipped.at("invalid") == 1);
    CHECK(read_results(dir / "nowhere", {}).problem.find("cannot be read") != std::string::npos);
}

TEST_CASE("a warm cache reads only new files; a changed or vanished file starts it over") {
    test::TempDir dir;
    const fs::path results = dir / "share", cache = dir / "cache" / "c.sqlite";
    fs::create_directory(results);
    std::string error;
    for (int i = 0; i < 12; ++i) {
        const ResultExtract e = test::practice_extract(i % 3 == 0 ? "keep" : "report");
        REQUIRE(write_new_file(results, extract_file_name(e.id), encode_extract(e), error));
    }
    const ResultsRead cold = read_results(results, cache);
    CHECK(cold.files_opened == 12);
    CHECK(cold.extracts == 12);
    const ResultsRead none_new = read_results(results, cache);
    CHECK(none_new.files_opened == 0);
    CHECK_FALSE(none_new.cache_rebuilt);
    CHECK(none_new.facts == cold.facts);

    const ResultExtract late = test::practice_extract("keep");
    REQUIRE(write_new_file(results, extract_file_name(late.id), encode_extract(late), error));
    test::write_bytes(results / "junk.txt", "junk");
    const ResultsRead warm = read_results(results, cache);
    CHECK(warm.files_opened == 2);
    CHECK(warm.extracts == 13);
    CHECK(warm.skipped_total() == 1);
    CHECK(warm.facts == read_results(results, {}).facts);

    fs::remove(results / extract_file_name(late.id));
    const ResultsRead after_removal = read_results(results, cache);
    CHECK(after_removal.cache_rebuilt);
    CHECK(after_removal.extracts == 12);
    CHECK(after_removal.facts == cold.facts);

    // A cache that is not a database is replaced, not trusted.
    fs::remove_all(cache.parent_path());
    fs::create_directories(cache.parent_path());
    test::write_bytes(cache, "not sqlite at all");
    const ResultsRead from_garbage = read_results(results, cache);
    CHECK(from_garbage.extracts == 12);
    CHECK(from_garbage.facts == cold.facts);
    CHECK(read_results(results, cache).files_opened == 0);
}

TEST_CASE("the results folder typed in the app is checked as a writer would use it") {
    test::TempDir dir;
    CHECK(check_results_folder(dir / "missing") == "missing");
    std::ofstream(dir / "a-file") << "x";
    CHECK(check_results_folder(dir / "a-file") == "not_folder");
    const fs::path folder = dir / "results";
    fs::create_directories(folder);
    CHECK(check_results_folder(folder) == "");
    CHECK(files_in(folder) == 0);  // the check leaves nothing behind
    if (::geteuid() != 0) {        // root writes anywhere
        ::chmod(folder.c_str(), 0500);
        CHECK(check_results_folder(folder) == "not_writable");
        ::chmod(folder.c_str(), 0700);
    }
}
