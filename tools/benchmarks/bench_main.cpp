// deliberate_bench: measurements behind `tools/bench`. Prints figures for people and one JSON
// line for machines; the peer's figures are passed in by the script that ran the peer.
//   deliberate_bench load KNOTS DIR [INK_LOAD_MS]          load + validate vs a bare parse
//   deliberate_bench load-once FILE                        one load, then its peak RSS in MB
//   deliberate_bench step KNOTS RUNS DIR [INK_US_PER_STEP]  time per step vs ink
//   deliberate_bench journal EVENTS DIR                    recorded events/s vs bare writes
//   deliberate_bench report EXTRACTS DIR SCENARIOS         the results report, cold and warm
//   deliberate_bench report-once FOLDER DATA SCENARIOS     one report, then its time and RSS
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "deliberate/scenario/loader.hpp"
#include "ink_scenario.hpp"

namespace {

namespace fs = std::filesystem;
using deliberate::bench::Clock;
using deliberate::bench::median;
using deliberate::bench::ms_since;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

deliberate::LoadOptions no_shipped_resources() {
    return {};
}

// The process's own peak resident memory, from the kernel's high-water mark.
double own_peak_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::atof(line.c_str() + 6) / 1024.0;  // kB
        }
    }
    return -1;
}

// Peak resident memory of a fresh process that does nothing but load the file once. (The
// rusage of a child would not do: it inherits the high-water mark of the process that
// spawned it.)
double child_peak_rss_mb(const fs::path& file) {
    const std::string command =
        fs::canonical("/proc/self/exe").string() + " load-once '" + file.string() + "'";
    FILE* child = popen(command.c_str(), "r");
    if (child == nullptr) {
        return -1;
    }
    char buffer[64] = {};
    const bool read = std::fgets(buffer, sizeof buffer, child) != nullptr;
    return pclose(child) == 0 && read ? std::atof(buffer) : -1;
}

int load_once(const fs::path& file) {
    const auto loaded = deliberate::load_scenario_file(file, no_shipped_resources());
    std::printf("%.1f\n", own_peak_rss_mb());
    return loaded.ok() ? 0 : 1;
}

// The load benchmark's targets, at 10,000 nodes: load + validate at most as long as a bare
// nlohmann::json::parse of the same file, and a load-only process under 10 times the file.
constexpr int target_knots = 10000;
constexpr double target_ratio_vs_parse = 1.0;
constexpr double target_rss_ratio = 10.0;

int bench_load(int knots, const fs::path& dir, double ink_load_ms) {
    const fs::path file = deliberate::bench::write_ink_scenario(dir, knots);
    const double file_mb = static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0);
    {
        const auto check = deliberate::load_scenario_file(file, no_shipped_resources());
        if (!check.ok() || !check.diagnostics.empty()) {
            for (const auto& d : check.diagnostics) {
                std::fprintf(stderr, "%s\n", deliberate::format_diagnostic(d).c_str());
            }
            std::fprintf(stderr, "bench: the generated scenario does not load cleanly\n");
            return 1;
        }
    }
    // Alternate the two so that machine noise hits both alike.
    const int runs = knots >= 10000 ? 9 : 21;
    std::vector<double> load_times, parse_times;
    for (int r = 0; r < runs; ++r) {
        auto start = Clock::now();
        const auto loaded = deliberate::load_scenario_file(file, no_shipped_resources());
        load_times.push_back(ms_since(start));
        if (!loaded.ok()) {
            return 1;
        }
        // The bare parse pays, as the loader does, for reading the file and for freeing
        // the tree it built.
        start = Clock::now();
        bool parsed = false;
        {
            const auto tree = nlohmann::json::parse(read_all(file));
            parsed = !tree.empty();
        }
        parse_times.push_back(ms_since(start));
        if (!parsed) {
            return 1;
        }
    }
    const double load_ms = median(load_times), parse_ms = median(parse_times);
    const double rss_mb = child_peak_rss_mb(file);
    const double ratio_vs_parse = load_ms / parse_ms;
    const double rss_ratio = rss_mb / file_mb;
    // The targets are set at 10,000 nodes; at 1,000 the figures are printed for comparison
    // (a process's own few MB dominate its peak memory there).
    const auto target = [&](bool met) {
        return knots != target_knots ? " at 10,000 nodes" : met ? ": met" : ": MISSED";
    };
    char ratio[64], rss[64];
    std::snprintf(ratio, sizeof ratio, "ours / parse = %.2fx", ratio_vs_parse);
    std::snprintf(rss, sizeof rss, "%.1fx the file", rss_ratio);
    std::printf("%d nodes, %.2f MB file, median of %d runs\n", knots, file_mb, runs);
    std::printf("  load + validate        %9.2f ms\n", load_ms);
    std::printf("  bare json::parse       %9.2f ms   %-22s target <= %.1fx%s\n", parse_ms, ratio,
                target_ratio_vs_parse, target(ratio_vs_parse <= target_ratio_vs_parse));
    std::printf("    (read the file, parse it into a nlohmann::json tree, free it; same run)\n");
    std::printf("  peak RSS (load only)   %9.1f MB   %-22s target < %.0fx%s\n", rss_mb, rss,
                target_rss_ratio, target(rss_mb > 0 && rss_ratio < target_rss_ratio));
    nlohmann::json line = {{"nodes", knots},
                           {"load_ms", std::round(load_ms * 100) / 100},
                           {"parse_ms", std::round(parse_ms * 100) / 100},
                           {"ratio_vs_parse", std::round(ratio_vs_parse * 100) / 100},
                           {"peak_rss_mb", std::round(rss_mb * 10) / 10},
                           {"file_mb", std::round(file_mb * 100) / 100}};
    if (ink_load_ms > 0) {
        const double ratio_vs_ink = ink_load_ms / load_ms;
        char ink[64];
        std::snprintf(ink, sizeof ink, "ink / ours = %.1fx", ratio_vs_ink);
        std::printf("  ink load (inkjs)       %9.2f ms   %-22s for reference, no target\n",
                    ink_load_ms, ink);
        line["ink_load_ms"] = ink_load_ms;
        line["ratio_vs_ink"] = std::round(ratio_vs_ink * 10) / 10;
    } else {
        std::printf("  ink load (inkjs)       not measured (peer unavailable)\n");
        line["ink_load_ms"] = nullptr;
        line["ratio_vs_ink"] = nullptr;
    }
    std::printf("%s\n", line.dump().c_str());
    return 0;
}

int usage() {
    std::fprintf(stderr,
                 "usage: deliberate_bench load KNOTS DIR [INK_LOAD_MS]\n"
                 "       deliberate_bench load-once FILE\n"
                 "       deliberate_bench step KNOTS RUNS DIR [INK_US_PER_STEP]\n"
                 "       deliberate_bench journal EVENTS DIR\n"
                 "       deliberate_bench report EXTRACTS DIR SCENARIOS\n"
                 "       deliberate_bench report-once FOLDER DATA SCENARIOS\n"
                 "       deliberate_bench write KNOTS DIR\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "load-once") {
        return load_once(args[1]);
    }
    if ((args.size() == 3 || args.size() == 4) && args[0] == "load") {
        const double ink = args.size() == 4 ? std::atof(args[3].c_str()) : 0.0;
        return bench_load(std::atoi(args[1].c_str()), args[2], ink);
    }
    if ((args.size() == 4 || args.size() == 5) && args[0] == "step") {
        const double ink = args.size() == 5 ? std::atof(args[4].c_str()) : 0.0;
        return deliberate::bench::bench_step(std::atoi(args[1].c_str()), std::atoi(args[2].c_str()),
                                             args[3], ink);
    }
    if (args.size() == 4 && args[0] == "report") {
        return deliberate::bench::bench_report(std::atoi(args[1].c_str()), args[2], args[3]);
    }
    if (args.size() == 4 && args[0] == "report-once") {
        return deliberate::bench::report_once(args[1], args[2], args[3]);
    }
    // The load benchmark's scenario alone, for the studio's benchmark to open.
    if (args.size() == 3 && args[0] == "write") {
        std::printf(
            "%s\n",
            deliberate::bench::write_ink_scenario(args[2], std::atoi(args[1].c_str())).c_str());
        return 0;
    }
    if (args.size() == 3 && args[0] == "journal") {
        return deliberate::bench::bench_journal(std::atoi(args[1].c_str()), args[2]);
    }
    return usage();
}
