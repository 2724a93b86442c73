// `deliberate play SCENARIO`: plays a scenario in the terminal, recording it in a journal;
// `deliberate play --resume FILE` replays a journal and carries on where it stopped.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "deliberate/authoring/saved_path.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/support/terminal_text.hpp"
#include "share.hpp"
#include "terminal_player.hpp"

namespace deliberate::app {

namespace {

struct PlayArgs {
    std::string scenario;
    std::string language;
    std::vector<std::string> factors;
    std::string journal;
    std::string data;
    std::string name;
    std::string resume;
    std::string results;
    bool share = false;
    std::string save_path;
};

// After the play, keeps its path beside the scenario for `deliberate test`; a play that
// stopped before an ending is saved too, and `test` will say it reaches none.
int save_played_path(const std::string& name, const std::string& scenario_file,
                     const std::filesystem::path& journal, int exit_code) {
    if (name.empty() || exit_code != exit_ok) {
        return exit_code;
    }
    const JournalScan scan = scan_journal(journal);
    if (!scan.header) {
        std::fprintf(stderr, "deliberate: cannot save the path: %s\n", scan.error.c_str());
        return exit_problems;
    }
    const SavedPath path = path_from_journal(*scan.header, scan.events);
    const std::filesystem::path file = saved_paths_folder(scenario_file) / (name + ".json");
    std::string error;
    if (!save_path_file(file, path, error)) {
        std::fprintf(stderr, "deliberate: cannot save the path: %s\n", error.c_str());
        return exit_problems;
    }
    std::cout << "Path saved in " << file.string()
              << (path.ending.empty() ? " (it reaches no ending yet)" : "") << '\n';
    return exit_ok;
}

MessageCatalogue load_messages(const LoadOptions& resources, const std::string& language) {
    MessageCatalogue text;
    std::string error;
    if (!text.load(resources.assets_dir / "i18n", language, error)) {
        std::fprintf(stderr, "deliberate: warning: %s\n", for_terminal(error).c_str());
    }
    return text;
}

void print_opening(const Session& session, const MessageCatalogue& text,
                   const std::string& journal) {
    const Scenario& scenario = session.scenario();
    std::cout << session.render(scenario.title) << '\n';
    if (scenario.model) {
        std::cout << text.format("play.model", {session.render(scenario.model->title)}) << '\n';
    }
    std::cout << text.get("play.commands") << '\n'
              << text.format("play.journal", {journal}) << '\n';
}

int finish(PlayEnd end, const MessageCatalogue& text, const std::string& journal) {
    std::cout << '\n';
    switch (end) {
        case PlayEnd::finished:
            std::cout << text.format("play.saved_end", {journal}) << '\n';
            break;
        case PlayEnd::input_ended:
            std::cout << text.format("play.input_ended", {journal}) << '\n';
            break;
        case PlayEnd::quit:
            std::cout << text.format("play.stopped", {journal}) << '\n';
            break;
    }
    return exit_ok;
}

// Plays to the end or the end of input; a journal that cannot be written stops the play.
int play(RecordedSession& recorded, const MessageCatalogue& text) {
    const std::string journal = recorded.journal().path().string();
    try {
        TerminalPlayer player(recorded, text, std::cin, std::cout, isatty(STDIN_FILENO) == 0);
        return finish(player.run(), text, journal);
    } catch (const JournalError& e) {
        std::cout << std::flush;
        std::fprintf(stderr,
                     "deliberate: %s\ndeliberate: the answers before this one are saved; once "
                     "the problem is solved, continue with: deliberate play --resume %s\n",
                     for_terminal(e.what()).c_str(), for_terminal(journal).c_str());
        return exit_problems;
    }
}

// With a results folder, a session played to its ending shows how others chose; with --share
// it is then shared as an anonymous extract.
int after_play(const PlayArgs& args, const RecordedSession& recorded, const LoadOptions& resources,
               int exit_code) {
    const auto results = resolve_results_folder(args.results);
    if (results.empty() || exit_code != exit_ok || !recorded.session().at_ending()) {
        return exit_code;
    }
    const Session& session = recorded.session();
    print_others(session.shared_scenario(), recorded.journal().path(), args.data, results,
                 load_messages(resources, session.language()), session.language());
    if (!args.share) {
        return exit_code;
    }
    return share_finished_session(session.scenario(), recorded.journal().path(), args.data,
                                  results);
}

int start(const PlayArgs& args, const LoadOptions& resources) {
    // Everything the player prints comes from the scenario: no escape reaches the terminal.
    const TerminalFilterScope filter(std::cout);
    int exit_code = exit_ok;
    const auto scenario = load_for_command(args.scenario, resources, "play it", exit_code);
    if (!scenario) {
        return exit_code;
    }
    const std::string language =
        args.language.empty() ? scenario->languages.front() : args.language;
    if (!check_language(*scenario, args.scenario, language)) {
        return exit_usage;
    }
    Session session(scenario, language);
    for (const std::string& assignment : args.factors) {
        if (!apply_factor_option(session, assignment)) {
            return exit_usage;
        }
    }
    JournalHeader header = make_journal_header(session, "play");
    header.name = args.name;
    std::filesystem::path path = args.journal;
    try {
        if (path.empty()) {
            const std::filesystem::path data = resolve_data_folder(args.data);
            if (const std::string warning = data_folder_warning(data); !warning.empty()) {
                std::fprintf(stderr, "deliberate: warning: %s\n", warning.c_str());
            }
            path = new_journal_path(data, scenario->id, header.participant);
        }
        RecordedSession recorded = RecordedSession::start(std::move(session), path, header);
        const MessageCatalogue text = load_messages(resources, language);
        print_opening(recorded.session(), text, path.string());
        const int played =
            save_played_path(args.save_path, args.scenario, path, play(recorded, text));
        return after_play(args, recorded, resources, played);
    } catch (const JournalError& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: cannot start a journal: %s\n",
                     for_terminal(e.what()).c_str());
    }
    return exit_usage;
}

int resume(const PlayArgs& args, const LoadOptions& resources) {
    const TerminalFilterScope filter(std::cout);
    const JournalScan scan = scan_journal(args.resume);
    try {
        require_resumable(args.resume, scan);
    } catch (const JournalError& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
        return scan.readable() ? exit_problems : exit_usage;
    }
    const std::string scenario_path =
        args.scenario.empty() ? scan.header->scenario_file : args.scenario;
    if (scenario_path.empty()) {
        std::fprintf(stderr,
                     "deliberate: %s does not say where its scenario is; name it: deliberate "
                     "play SCENARIO --resume %s\n",
                     for_terminal(args.resume).c_str(), for_terminal(args.resume).c_str());
        return exit_usage;
    }
    int exit_code = exit_ok;
    const auto scenario = load_for_command(scenario_path, resources, "resume it", exit_code);
    if (!scenario) {
        std::fprintf(stderr,
                     "deliberate: if the scenario has moved, name it: deliberate play SCENARIO "
                     "--resume %s\n",
                     for_terminal(args.resume).c_str());
        return exit_code;
    }
    try {
        std::string notice;
        RecordedSession recorded = RecordedSession::resume(scenario, args.resume, notice);
        const MessageCatalogue text = load_messages(resources, recorded.session().language());
        print_opening(recorded.session(), text, args.resume);
        std::cout << notice << text.format("play.resumed", {std::to_string(scan.events.size())})
                  << '\n';
        const int played =
            save_played_path(args.save_path, scenario_path, args.resume, play(recorded, text));
        return after_play(args, recorded, resources, played);
    } catch (const ReplayError& e) {
        std::fprintf(stderr,
                     "deliberate: %s:%s\ndeliberate: the journal does not fit %s; it is left "
                     "as it was\n",
                     for_terminal(args.resume).c_str(), for_terminal(e.what()).c_str(),
                     for_terminal(scenario_path).c_str());
    } catch (const JournalError& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
    }
    return exit_problems;
}

}  // namespace

void add_play_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<PlayArgs>();
    CLI::App* cmd = app.add_subcommand("play", "Play a scenario in the terminal, recorded");
    cmd->footer(
        "A scene waits for Enter; each step of the model takes one answer a line: a number,\n"
        "numbers separated by commas, y or n, or text. At any prompt: ? shows the step's\n"
        "guidance, :back returns to the previous step (until the choice is made), :note TEXT\n"
        "records a note, :factor ID=VALUE switches a factor, :quit stops.\n"
        "Every answer is saved in a journal before the next question; when input ends or\n"
        "you stop, continue later with --resume. Answers can be piped on standard input.\n"
        "Journals go to DATA/sessions/SCENARIO/, the data folder being --data, else\n"
        "$DELIBERATE_DATA, else $XDG_DATA_HOME/deliberate, else ~/.local/share/deliberate.\n"
        "Examples:\n"
        "  deliberate play scenarios/new-years-concert.json --lang en\n"
        "  deliberate play my.json --factor value=high < answers.txt\n"
        "  deliberate play --resume ~/.local/share/deliberate/sessions/my/20261128-1400-p-1.jsonl");
    cmd->add_option("scenario", args->scenario,
                    "The scenario file (with --resume: only if it has moved)")
        ->type_name("SCENARIO");
    cmd->add_option("--lang", args->language, "Language: nl or en (default: the scenario's first)")
        ->type_name("LANG");
    cmd->add_option("--factor", args->factors, "Set a factor before starting (repeatable)")
        ->type_name("ID=VALUE");
    cmd->add_option("--journal", args->journal,
                    "Record in this new file instead of the data folder")
        ->type_name("FILE");
    cmd->add_option("--data", args->data, "The data folder")->type_name("DIR");
    cmd->add_option("--name", args->name,
                    "Record this name with the session (anonymous without it)")
        ->type_name("NAME");
    cmd->add_option("--resume", args->resume, "Continue the session recorded in this journal")
        ->type_name("FILE");
    cmd->add_option("--results", args->results,
                    "The shared results folder (else $DELIBERATE_RESULTS)")
        ->type_name("DIR");
    cmd->add_flag("--share", args->share,
                  "Share this session, once finished, as an anonymous extract (no text, "
                  "names or times)");
    cmd->add_option("--save-path", args->save_path,
                    "Afterwards, save the path played as SCENARIO.paths/NAME.json, for `test`")
        ->type_name("NAME");
    cmd->callback([cmd, &selected, args, &resources] {
        selected = [cmd, args, &resources]() -> int {
            const auto results = resolve_results_folder(args->results);
            if (args->share && results.empty()) {
                std::fprintf(stderr,
                             "deliberate play: --share needs a results folder: --results DIR "
                             "or DELIBERATE_RESULTS\n");
                return exit_usage;
            }
            deliver_waiting_extracts(args->data, results);
            if (!args->save_path.empty() && !valid_path_name(args->save_path)) {
                std::fprintf(stderr,
                             "deliberate play: --save-path %s: a name of letters, digits, ., - "
                             "and _ only\n",
                             args->save_path.c_str());
                return exit_usage;
            }
            if (!args->resume.empty()) {
                if (!args->factors.empty() || !args->journal.empty() || !args->name.empty() ||
                    !args->language.empty()) {
                    std::fprintf(stderr,
                                 "deliberate play: --resume continues a session as it was "
                                 "recorded; --lang, --factor, --journal and --name do not "
                                 "apply\n");
                    return exit_usage;
                }
                return resume(*args, resources);
            }
            if (args->scenario.empty()) {
                std::fprintf(stderr, "deliberate play: name a scenario, or --resume FILE\n%s",
                             cmd->help().c_str());
                return exit_usage;
            }
            return start(*args, resources);
        };
    });
}

}  // namespace deliberate::app
