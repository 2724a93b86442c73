// The list of recorded sessions the launcher offers to continue.
#include <doctest/doctest.h>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/session_results.hpp"
#include "journal_support.hpp"

using namespace deliberate;

TEST_CASE("recorded sessions are listed newest first, with what the launcher needs") {
    test::TempDir dir;
    const auto data = dir / "data";
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "workshop");
    header.group = "Team A";
    const auto path = new_journal_path(data, "full-featured", header.participant);
    {
        auto rec = RecordedSession::start(std::move(session), path, std::move(header));
        rec.continue_scene();
    }
    const auto sessions = list_recorded_sessions(data);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].scenario_id == "full-featured");
    CHECK(sessions[0].mode == "workshop");
    CHECK(sessions[0].group == "Team A");  // --resume --group picks by it
    CHECK(sessions[0].events == 1);
    CHECK_FALSE(sessions[0].finished);
    CHECK(sessions[0].resumable);
}
