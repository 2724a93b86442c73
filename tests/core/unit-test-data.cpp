// tests/data: every invalid file gives exactly the diagnostics written beside it, and every
// valid file loads without errors and keeps loading.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace deliberate;

namespace {

std::vector<fs::path> cases(const fs::path& folder) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        // The value catalogue and organisation profile are resources of the cases, not cases.
        if (entry.path().extension() == ".json" && name != "values.json" &&
            name != "organisation.json") {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The diagnostics as `deliberate validate` prints them from inside the folder.
std::string relative_output(const fs::path& file, const LoadOptions& options) {
    std::string out = test::lines(check_file(file, options));
    const std::string prefix = file.parent_path().string() + "/";
    for (auto at = out.find(prefix); at != std::string::npos; at = out.find(prefix)) {
        out.erase(at, prefix.size());
    }
    return out;
}

LoadOptions folder_resources(const fs::path& folder) {
    LoadOptions
        options;  // only what the folder itself provides: results never depend on shipped content
    options.assets_dir = folder / "assets";
    return options;
}

}  // namespace

TEST_CASE("every invalid file gives the diagnostics written beside it") {
    const fs::path folder = fs::path(DELIBERATE_TEST_DATA) / "invalid";
    const auto files = cases(folder);
    CHECK(files.size() >= 40);
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        fs::path expected_file = file;
        expected_file.replace_extension(".expected");
        const std::string actual = relative_output(file, folder_resources(folder));
        // Writing expectations is a deliberate act: set the variable, then review the diff.
        if (std::getenv("DELIBERATE_UPDATE_EXPECTED") != nullptr) {
            std::ofstream(expected_file, std::ios::binary) << actual;
        }
        REQUIRE_MESSAGE(fs::exists(expected_file), "missing " << expected_file.filename());
        CHECK(actual == read(expected_file));
        // An invalid case has at least one error: otherwise it tests nothing.
        CHECK(actual.find(": error[") != std::string::npos);
    }
}

TEST_CASE("every valid file loads without errors") {
    const fs::path folder = fs::path(DELIBERATE_TEST_DATA) / "valid";
    const auto files = cases(folder);
    REQUIRE(!files.empty());
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        CHECK(relative_output(file, folder_resources(folder)) == "");
    }
}

TEST_CASE("the minimal valid scenario keeps loading into the expected shape") {
    const fs::path folder = fs::path(DELIBERATE_TEST_DATA) / "valid";
    const auto loaded = load_scenario_file(folder / "minimal.json", folder_resources(folder));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    const Scenario& s = *loaded.value;
    CHECK(s.id == "minimal");
    CHECK(s.nodes.size() == 3);
    CHECK(s.nodes[s.start].id == "start");
    CHECK(s.model->id == "mini");
    CHECK(s.nodes[1].kind == NodeKind::dilemma);
    CHECK(s.nodes[1].options.size() == 2);
    CHECK(s.nodes[s.nodes[1].options[0].next].kind == NodeKind::ending);
}
