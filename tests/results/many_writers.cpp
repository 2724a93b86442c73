// Many laptops, one results folder: several processes write extracts into the same folder at
// once while a reader reads it over and over, with and without its cache. No read may ever
// see a half-written file (it would be counted as skipped), counts never go down, and in the
// end every extract written is counted exactly once.
// Usage: deliberate_many_writers WORK_DIR WRITERS EXTRACTS_EACH
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"

using namespace deliberate;
namespace fs = std::filesystem;

namespace {

ResultExtract sample(int writer, int n) {
    ResultExtract e;
    e.id = new_extract_id();
    e.engine_version = "0.1.0";
    e.scenario_id = "new-years-concert";
    e.scenario_version = "1.0.0";
    e.scenario_hash = "fnv1a64:31f60ae784637171";
    e.model = "seven-questions";
    e.language = writer % 2 == 0 ? "nl" : "en";
    e.mode = "practice";
    e.month = "2026-11";
    ExtractDilemma d;
    d.node = "tickets";
    d.choice = n % 3 == 0 ? "accept" : "decline";
    d.factors = {{"value", n % 2 == 0 ? "low" : "high"}};
    // Padding with many answers, so that a write takes long enough to be caught half-way.
    for (int i = 0; i < 40; ++i) {
        d.answers.push_back({"step-" + std::to_string(i), {"supplier", "you"}, i, false, 5});
    }
    e.dilemmas.push_back(d);
    return e;
}

int write_many(const fs::path& folder, int writer, int count) {
    for (int n = 0; n < count; ++n) {
        const ResultExtract e = sample(writer, n);
        std::string error;
        if (!write_new_file(folder, extract_file_name(e.id), encode_extract(e), error)) {
            std::fprintf(stderr, "writer %d: %s\n", writer, error.c_str());
            return 1;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s WORK_DIR WRITERS EXTRACTS_EACH\n", argv[0]);
        return 2;
    }
    const fs::path work = argv[1];
    const int writers = std::atoi(argv[2]), each = std::atoi(argv[3]);
    fs::remove_all(work);
    const fs::path folder = work / "results", cache = work / "cache.sqlite";
    fs::create_directories(folder);

    for (int w = 0; w < writers; ++w) {
        const pid_t pid = fork();
        if (pid == 0) {
            std::_Exit(write_many(folder, w, each));
        }
        if (pid < 0) {
            std::perror("fork");
            return 1;
        }
    }
    int failures = 0, reads = 0;
    long long last = 0;
    int running = writers;
    while (running > 0) {
        // Alternate a cached read and a full one: both must see only whole files.
        const ResultsRead read = read_results(folder, reads % 2 == 0 ? cache : fs::path());
        ++reads;
        if (read.skipped_total() != 0 || read.extracts < last || !read.problem.empty()) {
            std::fprintf(stderr, "read %d: %lld counted (before: %lld), %lld skipped %s\n", reads,
                         read.extracts, last, read.skipped_total(), read.problem.c_str());
            ++failures;
        }
        last = read.extracts;
        int status = 0;
        pid_t done;
        while ((done = waitpid(-1, &status, WNOHANG)) > 0) {
            --running;
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                ++failures;
            }
        }
    }
    const long long expected = static_cast<long long>(writers) * each;
    const ResultsRead warm = read_results(folder, cache);
    const ResultsRead cold = read_results(folder, {});
    if (warm.extracts != expected || cold.extracts != expected || warm.facts != cold.facts ||
        warm.skipped_total() != 0) {
        std::fprintf(stderr, "at the end: %lld counted warm, %lld cold, %lld written\n",
                     warm.extracts, cold.extracts, expected);
        ++failures;
    }
    std::printf("%d writers wrote %lld extracts; %d reads meanwhile; %s\n", writers, expected,
                reads, failures == 0 ? "nothing lost, nothing half-read" : "FAILED");
    fs::remove_all(work);
    return failures == 0 ? 0 : 1;
}
