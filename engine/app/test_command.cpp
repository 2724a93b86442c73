// `deliberate test SCENARIO...`: replays every saved path of each scenario and says which no
// longer reach their ending; --record-endings starts a set of paths, one per ending.
#include <cstdio>
#include <set>

#include "commands.hpp"
#include "deliberate/authoring/saved_path.hpp"

namespace deliberate::app {

namespace {

namespace fs = std::filesystem;

struct TestArgs {
    std::vector<std::string> scenarios;
    bool record_endings = false;
    std::string language;
};

struct Tally {
    int passed = 0;
    int failed = 0;
};

void report_path(const fs::path& file, const PathReplay& replay, Tally& tally) {
    const std::string name = file.filename().string();
    if (replay.passed()) {
        ++tally.passed;
        std::printf("  ok    %s: reaches `%s`\n", name.c_str(), replay.node.c_str());
        return;
    }
    ++tally.failed;
    if (replay.outcome == PathReplay::Outcome::broken && replay.action > 0) {
        std::printf("  FAIL  %s: broken at action %zu (at `%s`): %s\n", name.c_str(), replay.action,
                    replay.node.c_str(), replay.problem.c_str());
    } else {
        std::printf("  FAIL  %s: %s\n", name.c_str(), replay.problem.c_str());
    }
}

// Writes ending-ID.json for each ending that no saved path reaches yet.
void record_endings(const std::shared_ptr<const Scenario>& scenario, const fs::path& file,
                    const std::string& language, const std::set<std::string>& covered,
                    Tally& tally) {
    for (const SavedPath& path : paths_to_endings(scenario, language)) {
        if (covered.count(path.ending) != 0) {
            continue;
        }
        const fs::path out = saved_paths_folder(file) / ("ending-" + path.ending + ".json");
        std::string error;
        if (fs::exists(out) || !save_path_file(out, path, error)) {
            ++tally.failed;
            std::printf("  FAIL  cannot record %s: %s\n", out.string().c_str(),
                        error.empty() ? "a file of that name exists" : error.c_str());
            continue;
        }
        std::printf("  new   %s: reaches `%s`\n", out.filename().string().c_str(),
                    path.ending.c_str());
    }
}

int test_scenario(const std::string& file, const TestArgs& args, const LoadOptions& resources,
                  Tally& tally) {
    int exit_code = exit_ok;
    const auto scenario = load_for_command(file, resources, "test its saved paths", exit_code);
    if (!scenario) {
        ++tally.failed;
        return exit_code;
    }
    const auto paths = list_saved_paths(file);
    std::printf("%s: %zu saved path%s in %s\n", file.c_str(), paths.size(),
                paths.size() == 1 ? "" : "s", saved_paths_folder(file).string().c_str());
    if (paths.empty() && !args.record_endings) {
        // A scenario without saved paths tests nothing, which should not pass unnoticed.
        ++tally.failed;
        std::printf("  FAIL  no saved paths; save one with `deliberate play %s --save-path NAME`\n",
                    file.c_str());
    }
    std::set<std::string> covered;
    for (const fs::path& p : paths) {
        std::string error;
        const auto path = load_path_file(p, error);
        if (!path) {
            ++tally.failed;
            std::printf("  FAIL  %s: %s\n", p.filename().string().c_str(), error.c_str());
            continue;
        }
        const PathReplay replay = replay_path(scenario, *path);
        if (replay.passed()) {
            covered.insert(replay.node);
        }
        report_path(p, replay, tally);
    }
    if (args.record_endings) {
        const std::string language =
            args.language.empty() ? scenario->languages.front() : args.language;
        if (!check_language(*scenario, file, language)) {
            return exit_usage;
        }
        record_endings(scenario, file, language, covered, tally);
    }
    return exit_ok;
}

int run(const TestArgs& args, const LoadOptions& resources) {
    Tally tally;
    int exit_code = exit_ok;
    for (const std::string& file : args.scenarios) {
        exit_code = std::max(exit_code, test_scenario(file, args, resources, tally));
    }
    std::printf("%d passed, %d failed\n", tally.passed, tally.failed);
    if (tally.failed > 0) {
        exit_code = std::max(exit_code, exit_problems);
    }
    return exit_code;
}

}  // namespace

void add_test_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<TestArgs>();
    CLI::App* cmd =
        app.add_subcommand("test", "Replay a scenario's saved paths; report the ones that break");
    cmd->footer(
        "Saved paths of dir/NAME.json are the files dir/NAME.paths/*.json, each one\n"
        "play-through: the factor settings, every answer and choice, and the ending reached.\n"
        "Save one with `deliberate play SCENARIO --save-path NAME`. Exit 1 when a path no\n"
        "longer reaches its ending, or breaks on the way (a node, step or option that is\n"
        "gone or no longer offered). --record-endings adds ending-ID.json for each ending\n"
        "that no saved path reaches yet, found by trying every offered option.\n"
        "Examples:\n"
        "  deliberate test scenarios/*.json\n"
        "  deliberate test my.json --record-endings");
    cmd->add_option("scenarios", args->scenarios, "Scenario files")
        ->required()
        ->type_name("SCENARIO");
    cmd->add_flag("--record-endings", args->record_endings,
                  "Save a path to each ending no saved path reaches yet");
    cmd->add_option("--lang", args->language,
                    "Language of recorded paths (default: the scenario's first)")
        ->type_name("LANG");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] { return run(*args, resources); };
    });
}

}  // namespace deliberate::app
