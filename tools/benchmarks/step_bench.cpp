// The runtime benchmark: the ink-equivalent scenario played with the ink peer's policy (run r
// always takes choice r % choices, state reset between runs). Each step does what the peer's
// does: the node's text and its choices' labels rendered, then one choice made.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "bench_support.hpp"
#include "deliberate/scenario/loader.hpp"
#include "deliberate/session/session.hpp"
#include "ink_scenario.hpp"

namespace deliberate::bench {

namespace {

struct WalkResult {
    long steps = 0;
    std::size_t rendered_bytes = 0;  // consumed, so that rendering is not optimised away
    double trust_sum = 0;
};

WalkResult walk(const std::shared_ptr<const Scenario>& scenario, int runs) {
    WalkResult result;
    for (int r = 0; r < runs; ++r) {
        Session session(scenario, "en");
        while (true) {
            result.rendered_bytes += session.render(session.node().text).size();
            if (session.at_ending()) {
                break;
            }
            const std::vector<std::size_t> offered = session.offered_options();
            for (const std::size_t o : offered) {
                result.rendered_bytes += session.render(session.node().options[o].label).size();
            }
            session.choose(offered[static_cast<std::size_t>(r) % offered.size()]);
            ++result.steps;
        }
        result.trust_sum += std::get<double>(session.variables()[0]);
    }
    return result;
}

}  // namespace

int bench_step(int knots, int runs, const std::filesystem::path& dir, double ink_us_per_step) {
    const auto file = write_ink_scenario(dir, knots);
    const auto loaded = load_scenario_file(file, {});
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench: the generated scenario does not load\n");
        return 1;
    }
    std::vector<double> per_step;
    WalkResult result;
    for (int repeat = 0; repeat < 7; ++repeat) {
        const auto start = Clock::now();
        result = walk(loaded.value, runs);
        per_step.push_back(ms_since(start) * 1000.0 / static_cast<double>(result.steps));
    }
    const double us = median(per_step);
    std::printf("%d nodes, %d runs, %ld steps a walk (rendered %zu bytes), median of 7\n", knots,
                runs, result.steps, result.rendered_bytes);
    std::printf("  deliberate           %10.3f us per step\n", us);
    nlohmann::json line = {{"nodes", knots},
                           {"runs", runs},
                           {"steps", result.steps},
                           {"us_per_step", rounded(us, 0.001)}};
    if (ink_us_per_step > 0) {
        const double ratio = ink_us_per_step / us;
        std::printf(
            "  ink (inkjs)          %10.3f us per step   ink / ours = %.0fx (target >= "
            "100x)\n",
            ink_us_per_step, ratio);
        line["ink_us_per_step"] = ink_us_per_step;
        line["ratio_vs_ink"] = rounded(ratio, 0.1);
    } else {
        std::printf("  ink (inkjs)          not measured (peer unavailable)\n");
        line["ink_us_per_step"] = nullptr;
        line["ratio_vs_ink"] = nullptr;
    }
    std::printf("%s\n", line.dump().c_str());
    return 0;
}

}  // namespace deliberate::bench
