// tools/bench report: the coordinator's report over a results folder of realistic extracts.
// Extracts come from random play-throughs of every shipped scenario (through build_extract,
// as a real session would make them); the report is timed in a fresh process each time, once
// cold (no cache) and once warm (the cache present and ten new extracts arrived), with that
// process's own peak memory. Writing one extract is timed beside a bare write, fsync and
// rename of the same bytes in the same folder.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "bench_support.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "deliberate/results/results_report.hpp"
#include "deliberate/scenario/library.hpp"
#include "deliberate/session/step_input.hpp"

namespace deliberate::bench {

namespace fs = std::filesystem;

namespace {

LoadOptions shipped(const fs::path& scenarios) {
    LoadOptions options;
    options.shipped_models_dir = scenarios / "models";
    options.shipped_values_file = scenarios / "values.json";
    options.assets_dir = scenarios.parent_path() / "assets";
    return options;
}

// CPU time of this process so far (user and system), in milliseconds: beside the wall time,
// it tells what a busy machine added.
double own_cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

double own_peak_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::atof(line.c_str() + 6) / 1024.0;
        }
    }
    return -1;
}

std::string stamp(int second) {
    char out[32];
    std::snprintf(out, sizeof out, "2026-11-20T%02d:%02d:%02d.000Z", second / 3600 % 24,
                  second / 60 % 60, second % 60);
    return out;
}

// An answer a participant might give to the current step: picks among the candidates, a
// scale value, or text.
StepAnswer random_answer(const Session& session, std::mt19937& rng) {
    const ModelStep* step = session.current_step();
    StepAnswer answer;
    std::vector<Candidate> candidates = step_candidates(session);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    switch (step->input) {
        case InputKind::select:
            if (!candidates.empty()) {
                answer.picks.push_back(candidates.front().id);
            }
            break;
        case InputKind::multiselect:
        case InputKind::checks:
            for (const Candidate& c : candidates) {
                if (rng() % 2 == 0 || answer.picks.empty()) {
                    answer.picks.push_back(c.id);
                }
            }
            break;
        case InputKind::rank:
            for (const Candidate& c : candidates) {
                answer.picks.push_back(c.id);
            }
            break;
        case InputKind::scale:
            answer.scale =
                step->scale.min + static_cast<int>(rng() % (step->scale.max - step->scale.min + 1));
            break;
        case InputKind::text:
        case InputKind::arguments:
            answer.text = "typed";
            break;
        default:
            break;
    }
    if (step->optional && rng() % 4 == 0) {
        answer = {};
    }
    return check_answer(session, answer) == AnswerProblem::none ? answer : StepAnswer{};
}

// One random play-through, written as the journal events it would record.
JournalScan random_session(const std::shared_ptr<const Scenario>& scenario, std::mt19937& rng,
                           bool workshop) {
    Session session(scenario, scenario->languages.front());
    for (std::size_t f = 0; f < scenario->factors.size(); ++f) {
        session.set_factor(f, rng() % scenario->factors[f].values.size());
    }
    JournalScan scan;
    scan.header = make_journal_header(session, workshop ? "workshop" : "practice");
    scan.header->time = stamp(0);
    int clock = 0;
    const auto event = [&](EventType type) {
        JournalEvent e;
        e.type = type;
        e.node = session.node().id;
        clock += 5 + static_cast<int>(rng() % 90);
        e.time = stamp(clock);
        return e;
    };
    for (int guard = 0; guard < 400 && !session.at_ending(); ++guard) {
        if (session.at_scene()) {
            scan.events.push_back(event(EventType::continue_scene));
            session.continue_scene();
        } else if (session.at_choice()) {
            const auto offered = session.offered_options();
            const std::size_t option = offered[rng() % offered.size()];
            if (workshop) {
                JournalEvent vote = event(EventType::vote);
                vote.round = "first";
                vote.factors = scan.header->factors;
                for (const std::size_t o : offered) {
                    vote.counts.emplace_back(session.node().options[o].id, 1 + rng() % 9);
                }
                scan.events.push_back(vote);
                vote.round = "final";
                scan.events.push_back(vote);
            }
            JournalEvent choice = event(EventType::choice);
            choice.option = session.node().options[option].id;
            scan.events.push_back(choice);
            session.choose(option);
        } else {
            const StepAnswer answer = workshop ? StepAnswer{} : random_answer(session, rng);
            JournalEvent e = event(EventType::answer);
            e.step = session.current_step()->id;
            e.picks = answer.picks;
            e.text = answer.text;
            e.scale = answer.scale;
            scan.events.push_back(e);
            session.answer_step(answer);
        }
    }
    scan.events.push_back(event(EventType::end));
    return scan;
}

// A few thousand distinct extracts of every shipped scenario, to draw the folder from.
std::vector<ResultExtract> extract_pool(const fs::path& scenarios, std::size_t size) {
    std::vector<std::shared_ptr<const Scenario>> loaded;
    for (const LibraryEntry& entry : scan_library(scenarios, shipped(scenarios))) {
        if (entry.ok()) {
            loaded.push_back(entry.scenario);
        }
    }
    std::mt19937 rng(20261129);
    std::vector<ResultExtract> pool;
    while (!loaded.empty() && pool.size() < size) {
        const auto& scenario = loaded[pool.size() % loaded.size()];
        const auto extract =
            build_extract(*scenario, random_session(scenario, rng, rng() % 10 == 0));
        if (extract) {
            pool.push_back(*extract);
        }
    }
    return pool;
}

void fill_folder(const fs::path& folder, const std::vector<ResultExtract>& pool, int count,
                 std::mt19937& rng) {
    for (int i = 0; i < count; ++i) {
        ResultExtract e = pool[rng() % pool.size()];
        e.id = new_extract_id();
        char month[8];
        std::snprintf(month, sizeof month, "2026-%02d", static_cast<int>(1 + rng() % 12));
        e.month = month;
        std::ofstream(folder / extract_file_name(e.id), std::ios::binary) << encode_extract(e);
    }
}

struct ChildReport {
    double ms = -1, mb = -1, cpu_ms = -1;
};

// The report in a process of its own: "MS PEAK_MB CPU_MS" on standard output.
ChildReport report_in_child(const fs::path& folder, const fs::path& data,
                            const fs::path& scenarios) {
    const std::string command = fs::canonical("/proc/self/exe").string() + " report-once '" +
                                folder.string() + "' '" + data.string() + "' '" +
                                scenarios.string() + "'";
    FILE* child = popen(command.c_str(), "r");
    ChildReport out;
    if (child != nullptr && std::fscanf(child, "%lf %lf %lf", &out.ms, &out.mb, &out.cpu_ms) != 3) {
        out = {};
    }
    if (child != nullptr) {
        pclose(child);
    }
    return out;
}

// Time of `rounds` extract writes beside as many bare write + fsync + rename of the same
// bytes, alternating which goes first.
double write_ratio(const fs::path& folder, const std::vector<ResultExtract>& pool, int rounds) {
    fs::create_directories(folder);
    double ours = 0, bare = 0;
    for (int i = 0; i < rounds; ++i) {
        ResultExtract e = pool[static_cast<std::size_t>(i) % pool.size()];
        e.id = new_extract_id();
        const std::string bytes = encode_extract(e);
        for (int pass = 0; pass < 2; ++pass) {
            if ((pass == 0) == (i % 2 == 0)) {
                const auto start = Clock::now();
                std::string error;
                write_new_file(folder, extract_file_name(e.id), bytes, error);
                ours += ms_since(start);
            } else {
                const fs::path temp = folder / ("bare-" + std::to_string(i) + ".tmp");
                const auto start = Clock::now();
                const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
                const bool ok =
                    ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
                ::fsync(fd);
                ::close(fd);
                ::rename(temp.c_str(), (folder / ("bare-" + std::to_string(i) + ".json")).c_str());
                bare += ms_since(start);
                if (!ok) {
                    return -1;
                }
            }
        }
    }
    return bare > 0 ? ours / bare : -1;
}

}  // namespace

int report_once(const fs::path& folder, const fs::path& data, const fs::path& scenarios) {
    const auto start = Clock::now();
    std::vector<std::shared_ptr<const Scenario>> loaded;
    for (const LibraryEntry& entry : scan_library(scenarios, shipped(scenarios))) {
        if (entry.ok()) {
            loaded.push_back(entry.scenario);
        }
    }
    const ResultsRead read = read_results(folder, results_cache_path(data, folder));
    const ResultsReport report = build_report(read.facts, {}, loaded);
    MessageCatalogue text;
    std::string error;
    text.load(scenarios.parent_path() / "assets" / "i18n", "en", error);
    const std::string html = report_html(report, text);
    const double ms = ms_since(start);
    std::printf("%.1f %.1f %.1f\n", ms, own_peak_rss_mb(), own_cpu_ms());
    std::fprintf(stderr, "  (%lld extracts, %lld files opened, %zu bytes of HTML)\n", read.extracts,
                 read.files_opened, html.size());
    return read.extracts > 0 ? 0 : 1;
}

int bench_report(int extracts, const fs::path& dir, const fs::path& scenarios) {
    const fs::path folder = dir / ("results-" + std::to_string(extracts));
    const fs::path data = dir / ("data-" + std::to_string(extracts));
    fs::remove_all(folder);
    fs::remove_all(data);
    fs::create_directories(folder);
    const std::vector<ResultExtract> pool = extract_pool(scenarios, 3000);
    if (pool.empty()) {
        std::fprintf(stderr, "no scenarios in %s\n", scenarios.c_str());
        return 1;
    }
    std::mt19937 rng(static_cast<unsigned>(extracts));
    fill_folder(folder, pool, extracts, rng);
    sync();
    const ChildReport cold = report_in_child(folder, data, scenarios);
    fill_folder(folder, pool, 10, rng);
    const ChildReport warm = report_in_child(folder, data, scenarios);
    const double ratio = write_ratio(dir / "write", pool, 200);
    const double peak = std::max(cold.mb, warm.mb);
    std::printf(
        "  %d extracts: cold %.0f ms (CPU %.0f ms), warm (+10 new) %.1f ms (CPU %.1f ms), "
        "peak %.1f MB; one extract written in %.2fx the time of a bare write + fsync + "
        "rename\n",
        extracts, cold.ms, cold.cpu_ms, warm.ms, warm.cpu_ms, peak, ratio);
    std::printf(
        "{\"extracts\":%d,\"cold_ms\":%.0f,\"warm_ms\":%.1f,\"peak_rss_mb\":%.1f,"
        "\"write_ratio_vs_bare\":%.2f,\"cold_cpu_ms\":%.0f,\"warm_cpu_ms\":%.1f}\n",
        extracts, cold.ms, warm.ms, peak, ratio, cold.cpu_ms, warm.cpu_ms);
    if (std::getenv("DELIBERATE_BENCH_KEEP") == nullptr) {
        fs::remove_all(folder);
        fs::remove_all(data);
    }
    fs::remove_all(dir / "write");
    return cold.ms >= 0 && warm.ms >= 0 ? 0 : 1;
}

}  // namespace deliberate::bench
