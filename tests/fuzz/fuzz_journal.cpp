// libFuzzer target: any bytes, as a journal. What `journal check`, `journal export` and
// `play --resume` do with a journal must never crash, hang or leak: scanning and decoding
// every line, replaying the events onto the full-featured scenario, summarising them as CSV
// and HTML, and, for a journal that can be resumed, reopening it on disk and appending.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "deliberate/journal/journal.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/scenario/loader.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace {

namespace fs = std::filesystem;

std::shared_ptr<const deliberate::Scenario> full_featured() {
    static const auto scenario = [] {
        deliberate::LoadOptions o;
        o.shipped_models_dir = DELIBERATE_TEST_DATA "/valid/models";
        o.shipped_values_file = DELIBERATE_TEST_DATA "/valid/values.json";
        auto loaded =
            deliberate::load_scenario_file(DELIBERATE_TEST_DATA "/valid/full-featured.json", o);
        if (!loaded.ok()) {
            std::abort();  // the fuzzer needs its scenario
        }
        return loaded.value;
    }();
    return scenario;
}

// One scratch folder per fuzzing process, for the journals that are resumed on disk; removed
// when the fuzzer exits.
struct Scratch {
    fs::path folder;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "fuzz-journal-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        folder = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(folder, ec);
    }
};

const fs::path& scratch() {
    static const Scratch scratch;
    return scratch.folder;
}

// What `play --resume` does: scan the file, replay, cut a torn end off, append.
void resume_on_disk(std::string_view bytes) {
    const fs::path path = scratch() / "j.jsonl";
    fs::path cut = path;
    cut += ".cut";
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(cut, ec);
    std::ofstream(path, std::ios::binary) << bytes;
    std::string notice;
    try {
        auto recorded = deliberate::RecordedSession::resume(full_featured(), path, notice);
        recorded.add_note("fuzz");
        if (!deliberate::scan_journal(path).intact()) {
            std::abort();  // a resumed journal must be whole again after an append
        }
    } catch (const deliberate::JournalError&) {
    } catch (const deliberate::ReplayError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const deliberate::JournalScan scan = deliberate::scan_journal_bytes(bytes);
    if (scan.intact_bytes > bytes.size() || scan.events.size() != scan.event_lines.size()) {
        std::abort();
    }
    if (!scan.header || !scan.damage.empty()) {
        return 0;
    }
    try {
        (void)deliberate::replay_journal(full_featured(), *scan.header, scan.events,
                                         scan.event_lines);
        const auto summary = deliberate::summarise_session(full_featured(), scan);
        const deliberate::MessageCatalogue text;
        (void)deliberate::summary_csv(*full_featured(), summary, "en");
        (void)deliberate::summary_html(*full_featured(), summary, text);
    } catch (const deliberate::ReplayError&) {
        return 0;
    }
    resume_on_disk(bytes);
    return 0;
}
