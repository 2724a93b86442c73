// What every benchmark needs: a clock, medians, and the measurements the commands run.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

namespace deliberate::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Rounds for the JSON line, so that it reads well.
inline double rounded(double value, double step) {
    return std::round(value / step) * step;
}

// tools/bench step: play the ink-equivalent scenario with the ink peer's walk policy.
int bench_step(int knots, int runs, const std::filesystem::path& dir, double ink_us_per_step);
// tools/bench journal: recorded events per second beside a bare write + fdatasync loop.
int bench_journal(int events, const std::filesystem::path& dir);
// tools/bench report: the report over EXTRACTS realistic extracts, cold and warm, its peak
// memory, and one extract's write beside a bare write + fsync + rename.
int bench_report(int extracts, const std::filesystem::path& dir,
                 const std::filesystem::path& scenarios);
// One report in this process: prints "MS PEAK_MB".
int report_once(const std::filesystem::path& folder, const std::filesystem::path& data,
                const std::filesystem::path& scenarios);

}  // namespace deliberate::bench
