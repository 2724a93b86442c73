// The kill test: plays a scenario with `deliberate play`, answers piped one at a time, and
// kills it with SIGKILL at random moments; resumes each time and checks that every event the
// player had acknowledged (by asking the next question) is still in the journal, that the
// journal holds nothing but a prefix of an uninterrupted run's events, and that a finished
// journal equals that run's. Usage:
//   deliberate_kill_test DELIBERATE SCENARIO ANSWERS WORKDIR [KILLS] [SEED]
// Each line of ANSWERS must make exactly one event (no `?` or invalid answers).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "deliberate/journal/journal.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Child {
    pid_t pid = -1;
    int in = -1;   // its standard input
    int out = -1;  // its standard output
};

Child spawn(const std::vector<std::string>& args) {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) {
        std::perror("pipe");
        std::exit(2);
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(to_child[0], 0);
        ::dup2(from_child[1], 1);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 2);
        ::close(to_child[1]);
        ::close(from_child[0]);
        std::vector<char*> argv;
        for (const std::string& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    ::fcntl(from_child[0], F_SETFL, O_NONBLOCK);
    return {pid, to_child[1], from_child[0]};
}

// What an event says, without its time and sequence number.
std::string signature(const deliberate::JournalEvent& e) {
    std::string s = std::string(deliberate::event_type_name(e.type)) + "|" + e.node + "|" + e.to +
                    "|" + e.step + "|" + e.text + "|" + e.option + "|" + e.factor + "|" + e.value +
                    "|" + (e.scale ? std::to_string(*e.scale) : "");
    for (const std::string& p : e.picks) {
        s += "|" + p;
    }
    return s;
}

std::vector<std::string> signatures(const deliberate::JournalScan& scan) {
    std::vector<std::string> out;
    for (const auto& e : scan.events) {
        out.push_back(signature(e));
    }
    return out;
}

// Answer lines the journal's events account for: one per event, the `end` excepted.
std::size_t lines_consumed(const deliberate::JournalScan& scan) {
    std::size_t n = 0;
    for (const auto& e : scan.events) {
        n += e.type != deliberate::EventType::end;
    }
    return n;
}

struct RunResult {
    bool exited = false;    // the player finished before the kill
    std::size_t acked = 0;  // answers whose next question arrived
};

// Plays with `answers` from `first` on, killing the player at `kill_at` unless it ends first.
RunResult run_once(const std::vector<std::string>& args, const std::vector<std::string>& answers,
                   std::size_t first, Clock::time_point kill_at) {
    Child child = spawn(args);
    RunResult result;
    std::size_t prompts = 0, sent = first;
    std::string pending;  // output not yet scanned for prompts
    bool at_line_start = true;
    bool killed = false;
    while (true) {
        const auto now = Clock::now();
        if (now >= kill_at) {
            ::kill(child.pid, SIGKILL);
            killed = true;
            break;
        }
        const int wait_ms = static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(kill_at - now).count() + 1);
        pollfd p{child.out, POLLIN, 0};
        if (::poll(&p, 1, wait_ms) <= 0) {
            continue;
        }
        char buffer[4096];
        const ssize_t n = ::read(child.out, buffer, sizeof buffer);
        if (n == 0) {
            break;  // the player closed its output: it ended
        }
        if (n < 0) {
            continue;
        }
        // A prompt is "> " at the start of a line; the player asks only once the previous
        // answer is on disk, so each prompt after the first acknowledges one answer.
        for (ssize_t i = 0; i < n; ++i) {
            pending += buffer[i];
            if (at_line_start && pending.size() >= 2 &&
                pending.compare(pending.size() - 2, 2, "> ") == 0) {
                ++prompts;
                if (prompts > 1) {
                    ++result.acked;
                }
                if (sent < answers.size()) {
                    const std::string line = answers[sent++] + "\n";
                    if (::write(child.in, line.data(), line.size()) < 0) {
                        break;
                    }
                } else {
                    ::close(child.in);
                    child.in = -1;
                }
                at_line_start = false;
                pending.clear();
            } else if (buffer[i] == '\n') {
                at_line_start = true;
                pending.clear();
            } else if (pending.size() > 2) {
                at_line_start = false;
            }
        }
    }
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    if (child.in >= 0) {
        ::close(child.in);
    }
    ::close(child.out);
    result.exited = !killed;
    if (result.exited) {
        // It wrote the last answer's events and ended on its own: all acknowledged.
        result.acked = sent - first;
    }
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s DELIBERATE SCENARIO ANSWERS WORKDIR [KILLS] [SEED]\n",
                     argv[0]);
        return 2;
    }
    const std::string deliberate = argv[1], scenario = argv[2];
    const fs::path work = argv[4];
    const int kills_wanted = argc > 5 ? std::atoi(argv[5]) : 50;
    std::mt19937 rng(argc > 6 ? static_cast<unsigned>(std::atoi(argv[6])) : 1u);
    std::vector<std::string> answers;
    {
        std::ifstream in(argv[3]);
        for (std::string line; std::getline(in, line);) {
            answers.push_back(line);
        }
    }
    fs::remove_all(work);
    fs::create_directories(work);

    // The uninterrupted run every interrupted one must match.
    const fs::path reference_path = work / "reference.jsonl";
    const auto reference_start = Clock::now();
    run_once({deliberate, "play", scenario, "--journal", reference_path.string()}, answers, 0,
             Clock::now() + std::chrono::seconds(120));
    // Kills fall anywhere in the span of a whole run, start-up included, whatever the speed
    // of this machine or build (a sanitizer build starts many times slower).
    const auto run_us =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - reference_start);
    const deliberate::JournalScan reference_scan = deliberate::scan_journal(reference_path);
    if (!reference_scan.intact() || !reference_scan.finished()) {
        std::fprintf(stderr, "FAIL: the uninterrupted run did not finish intact\n");
        return 1;
    }
    const std::vector<std::string> reference = signatures(reference_scan);

    int kills = 0, journals = 0, torn = 0, problems = 0;
    std::size_t acked_at_kills = 0;  // acknowledged events checked for right after a kill
    std::uniform_int_distribution<long> delay_us(0, std::max<long>(1000, run_us.count()));
    constexpr int max_attempts_per_journal = 1000;
    while (kills < kills_wanted) {
        const fs::path journal = work / ("journal-" + std::to_string(++journals) + ".jsonl");
        std::size_t acked = 0;  // events acknowledged in this journal so far
        for (int attempt = 0;; ++attempt) {
            if (attempt == max_attempts_per_journal) {
                std::fprintf(stderr, "FAIL: %s made no progress in %d runs\n", journal.c_str(),
                             attempt);
                ++problems;
                break;
            }
            const bool exists = fs::exists(journal);
            std::size_t first = 0;
            if (exists) {
                const deliberate::JournalScan before = deliberate::scan_journal(journal);
                first = lines_consumed(before);
            }
            const std::vector<std::string> args =
                exists ? std::vector<std::string>{deliberate, "play", "--resume", journal.string()}
                       : std::vector<std::string>{deliberate, "play", scenario, "--journal",
                                                  journal.string()};
            const RunResult run = run_once(args, answers, first,
                                           Clock::now() + std::chrono::microseconds(delay_us(rng)));
            acked += run.acked;
            if (!run.exited) {
                ++kills;
                acked_at_kills += acked;
            }
            const deliberate::JournalScan scan = deliberate::scan_journal(journal);
            if (!fs::exists(journal)) {
                continue;  // killed before the journal was created: nothing was acknowledged
            }
            torn += scan.torn_tail ? 1 : 0;
            const std::vector<std::string> got = signatures(scan);
            const std::size_t on_disk = lines_consumed(scan);
            if (!scan.damage.empty() || !scan.header) {
                std::fprintf(stderr, "FAIL: %s is damaged in the middle or has no header\n",
                             journal.c_str());
                ++problems;
                break;
            }
            if (on_disk < acked) {
                std::fprintf(stderr, "FAIL: %s: %zu answers acknowledged, %zu on disk\n",
                             journal.c_str(), acked, on_disk);
                ++problems;
                break;
            }
            if (got.size() > reference.size() ||
                !std::equal(got.begin(), got.end(), reference.begin())) {
                std::fprintf(stderr, "FAIL: %s differs from the uninterrupted run\n",
                             journal.c_str());
                ++problems;
                break;
            }
            acked = on_disk;  // what is on disk now counts as acknowledged for the next run
            if (scan.finished() && scan.intact()) {
                if (got != reference) {
                    std::fprintf(stderr, "FAIL: %s finished unlike the uninterrupted run\n",
                                 journal.c_str());
                    ++problems;
                }
                break;
            }
        }
        if (problems > 0) {
            break;
        }
    }
    std::printf(
        "kills: %d, journals: %d (each resumed until finished), acknowledged events "
        "checked after kills: %zu, torn ends recovered: %d, events per finished journal: "
        "%zu, lost: %s\n",
        kills, journals, acked_at_kills, torn, reference.size(), problems == 0 ? "none" : "SOME");
    return problems == 0 ? 0 : 1;
}
