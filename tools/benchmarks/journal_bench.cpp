// The journal benchmark: recorded answers per second (encode, checksum, write, fdatasync)
// beside a bare loop that writes the same bytes with a write and an fdatasync each, in the
// same folder. Rounds alternate between the two so that disk and machine noise hit both.
#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "bench_support.hpp"
#include "deliberate/journal/journal.hpp"
#include "deliberate/support/version.hpp"

namespace deliberate::bench {

namespace {

JournalEvent typical_answer(int i) {
    JournalEvent event;
    event.type = EventType::answer;
    event.node = "invitation";
    event.step = "stakeholders";
    event.picks = {"contractor", "manager", "residents"};
    event.text =
        "Is it acceptable that Sanne accepts tickets from a contractor whose claims she "
        "will assess? (" +
        std::to_string(i) + ")";
    return event;
}

JournalHeader bench_header() {
    JournalHeader header;
    header.scenario_id = "bench";
    header.scenario_version = "1.0.0";
    header.scenario_hash = "fnv1a64:0000000000000000";
    header.model_id = "seven-questions";
    header.language = "en";
    header.participant = "p-00000000";
    header.engine_version = engine_version;
    return header;
}

double journal_rate(const std::filesystem::path& path, int events) {
    std::filesystem::remove(path);
    JournalWriter writer = JournalWriter::create(path, bench_header());
    const auto start = Clock::now();
    for (int i = 0; i < events; ++i) {
        writer.append(typical_answer(i));
    }
    return events / (ms_since(start) / 1000.0);
}

double bare_rate(const std::filesystem::path& path, const std::vector<std::string>& lines) {
    std::filesystem::remove(path);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        return 0;
    }
    const auto start = Clock::now();
    for (const std::string& line : lines) {
        if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
            ::fdatasync(fd) != 0) {
            ::close(fd);
            return 0;
        }
    }
    const double rate = static_cast<double>(lines.size()) / (ms_since(start) / 1000.0);
    ::close(fd);
    return rate;
}

}  // namespace

int bench_journal(int events, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    // The bare loop writes exactly the bytes the journal writes.
    std::vector<std::string> lines;
    for (int i = 0; i < events; ++i) {
        JournalEvent event = typical_answer(i);
        event.seq = static_cast<std::uint64_t>(i) + 1;
        event.time = journal_time_now();
        lines.push_back(encode_journal_event(event) + "\n");
    }
    std::vector<double> ours, bare;
    for (int round = 0; round < 5; ++round) {
        ours.push_back(journal_rate(dir / "journal-bench.jsonl", events));
        bare.push_back(bare_rate(dir / "bare-bench.jsonl", lines));
    }
    std::filesystem::remove(dir / "journal-bench.jsonl");
    std::filesystem::remove(dir / "bare-bench.jsonl");
    const double events_per_s = median(ours), bare_per_s = median(bare);
    if (bare_per_s <= 0) {
        std::fprintf(stderr, "bench: the bare loop could not write in %s\n", dir.c_str());
        return 1;
    }
    const double ratio = bare_per_s / events_per_s;
    std::printf("%d events of %zu bytes a round, median of 5 rounds, in %s\n", events,
                lines.front().size(), dir.c_str());
    std::printf("  journal (encode, checksum, write, fdatasync)  %10.0f events/s\n", events_per_s);
    std::printf(
        "  bare write + fdatasync, same bytes            %10.0f writes/s   bare / "
        "journal = %.2fx (target <= 1.5x)\n",
        bare_per_s, ratio);
    const nlohmann::json line = {{"events", events},
                                 {"events_per_s", rounded(events_per_s, 1)},
                                 {"bare_per_s", rounded(bare_per_s, 1)},
                                 {"ratio_vs_bare", rounded(ratio, 0.01)}};
    std::printf("%s\n", line.dump().c_str());
    return 0;
}

}  // namespace deliberate::bench
