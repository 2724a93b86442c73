// deliberate_bench: measurements behind `tools/bench`. Prints figures for people and one JSON
// line for machines; the peer's figures are passed in by the script that ran the peer.
//   deliberate_bench load KNOTS DIR [INK_LOAD_MS]   load + validate vs a bare parse
//   deliberate_bench load-once FILE                 one load (child process, for peak RSS)
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "deliberate/loader.hpp"
#include "ink_scenario.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

deliberate::LoadOptions no_shipped_resources() { return {}; }

// Peak resident memory of a child that does nothing but load the file once.
double child_peak_rss_mb(const fs::path& file) {
    std::string self = fs::canonical("/proc/self/exe").string();
    std::string command = "load-once", path = file.string();
    char* argv[] = {self.data(), command.data(), path.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv, environ) != 0) {
        return -1;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return -1;
    }
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

int load_once(const fs::path& file) {
    const auto loaded = deliberate::load_scenario_file(file, no_shipped_resources());
    return loaded.ok() ? 0 : 1;
}

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
        start = Clock::now();
        const auto tree = nlohmann::json::parse(read_all(file));
        parse_times.push_back(ms_since(start));
        if (tree.empty()) {
            return 1;
        }
    }
    const double load_ms = median(load_times), parse_ms = median(parse_times);
    const double rss_mb = child_peak_rss_mb(file);
    const double ratio_vs_parse = load_ms / parse_ms;
    std::printf("%d nodes, %.2f MB file, median of %d runs\n", knots, file_mb, runs);
    std::printf("  load + validate        %9.2f ms\n", load_ms);
    std::printf("  bare json::parse       %9.2f ms   ours / parse = %.2fx (target <= 2x)\n",
                parse_ms, ratio_vs_parse);
    nlohmann::json line = {{"nodes", knots},
                           {"load_ms", std::round(load_ms * 100) / 100},
                           {"parse_ms", std::round(parse_ms * 100) / 100},
                           {"ratio_vs_parse", std::round(ratio_vs_parse * 100) / 100},
                           {"peak_rss_mb", std::round(rss_mb * 10) / 10},
                           {"file_mb", std::round(file_mb * 100) / 100}};
    if (ink_load_ms > 0) {
        const double ratio_vs_ink = ink_load_ms / load_ms;
        std::printf("  ink load (inkjs)       %9.2f ms   ink / ours = %.1fx (target >= 20x)\n",
                    ink_load_ms, ratio_vs_ink);
        line["ink_load_ms"] = ink_load_ms;
        line["ratio_vs_ink"] = std::round(ratio_vs_ink * 10) / 10;
    } else {
        std::printf("  ink load (inkjs)       not measured (peer unavailable)\n");
        line["ink_load_ms"] = nullptr;
        line["ratio_vs_ink"] = nullptr;
    }
    std::printf("  peak RSS (load only)   %9.1f MB   %.1fx the file (target < 10x)\n", rss_mb,
                rss_mb / file_mb);
    std::printf("%s\n", line.dump().c_str());
    return 0;
}

int usage() {
    std::fprintf(stderr,
                 "usage: deliberate_bench load KNOTS DIR [INK_LOAD_MS]\n"
                 "       deliberate_bench load-once FILE\n");
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
    return usage();
}
