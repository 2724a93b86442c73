// Helpers for the journal tests: a temporary folder, whole-file reads and writes, and one
// recorded play-through of the full-featured scenario that uses every kind of event.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "deliberate/journal/recorded_session.hpp"
#include "test_support.hpp"

namespace deliberate::test {

class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "deliberate-XXXXXX");
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline StepAnswer picks(std::vector<std::string> ids) {
    return {"", std::move(ids), "", {}};
}
inline StepAnswer text(std::string t) {
    return {"", {}, std::move(t), {}};
}

// Plays full-featured to its ending with every kind of event: continue, answers of each
// input kind, a step back, a factor change, a choice, a note and the end.
inline void play_full_featured(RecordedSession& rec) {
    rec.continue_scene();
    rec.answer_step({});  // info
    rec.answer_step(text("Is it acceptable to keep a supplier's gift?"));
    rec.answer_step(picks({"team"}));
    rec.answer_step(picks({"colour"}));
    REQUIRE(rec.go_back());
    rec.answer_step(picks({"value"}));
    rec.answer_step(picks({"loyalty", "honesty"}));
    rec.set_factor(0, 1);
    rec.answer_step(picks({"newspaper"}));
    rec.answer_step(text("The rules weigh most"));
    rec.choose(1);
    rec.add_note("reported it");
    rec.answer_step({"", {}, "", 4});
    rec.continue_scene();
    REQUIRE(rec.session().at_ending());
}

inline RecordedSession start_recording(const std::filesystem::path& path) {
    Session session(full_featured(), "en");
    JournalHeader header = make_journal_header(session, "play");
    return RecordedSession::start(std::move(session), path, std::move(header));
}

}  // namespace deliberate::test
