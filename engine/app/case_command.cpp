// `deliberate case`: an own case deliberated in the terminal, recorded in a journal; and the
// record of a case journal for `deliberate journal export`.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "case_terminal.hpp"
#include "commands.hpp"
#include "deliberate/case/case_record.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/support/safe_file.hpp"
#include "deliberate/support/terminal_text.hpp"
#include "deliberate/workshop/vote_source.hpp"

namespace deliberate::app {

namespace {

struct CaseArgs {
    std::string model = "dilemma-method";
    std::string language;
    std::string journal;
    std::string data;
    std::string resume;
};

MessageCatalogue case_messages(const LoadOptions& resources, const std::string& language) {
    MessageCatalogue text;
    std::string error;
    if (!text.load(resources.assets_dir / "i18n", language, error)) {
        std::fprintf(stderr, "deliberate: warning: %s\n", error.c_str());
    }
    return text;
}

int run_terminal(OwnCase& own_case, const LoadOptions& resources, const std::string& data_flag) {
    const std::string language = own_case.state().header.language;
    const MessageCatalogue text = case_messages(resources, language);
    const std::string journal = own_case.journal_path().string();
    std::cout << text.format("case.opening", {own_case.model().title.in(language)}) << '\n'
              << text.get("case.commands") << '\n'
              << text.format("play.journal", {journal}) << '\n';
    try {
        const auto exports =
            export_path(resolve_data_folder(data_flag), own_case.journal_path(), "html")
                .parent_path();
        CaseTerminal terminal(own_case, text, std::cin, std::cout, exports,
                              isatty(STDIN_FILENO) == 0);
        const CaseEnd end = terminal.run();
        std::cout << '\n'
                  << text.format(end == CaseEnd::finished      ? "case.ended"
                                 : end == CaseEnd::input_ended ? "case.input_ended"
                                                               : "case.stopped",
                                 {journal})
                  << '\n';
        return exit_ok;
    } catch (const JournalError& e) {
        std::cout << std::flush;
        std::fprintf(stderr,
                     "deliberate: %s\ndeliberate: continue with: deliberate case --resume %s\n",
                     for_terminal(e.what()).c_str(), for_terminal(journal).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
    }
    return exit_problems;
}

int start_case(const CaseArgs& args, const LoadOptions& resources) {
    const auto model = load_case_model(args.model, resources);
    if (!model) {
        return exit_usage;
    }
    const std::string language = args.language.empty() ? model->languages.front() : args.language;
    if (std::find(model->languages.begin(), model->languages.end(), language) ==
        model->languages.end()) {
        std::fprintf(stderr, "deliberate case: the model has no language `%s`\n", language.c_str());
        return exit_usage;
    }
    try {
        std::filesystem::path path = args.journal;
        if (path.empty()) {
            const std::filesystem::path data = resolve_data_folder(args.data);
            if (const std::string warning = data_folder_warning(data); !warning.empty()) {
                std::fprintf(stderr, "deliberate: warning: %s\n", warning.c_str());
            }
            path = new_journal_path(data, "own-case", new_participant_id());
        }
        OwnCase own_case = OwnCase::start(model, path, language, std::make_unique<HandCount>());
        return run_terminal(own_case, resources, args.data);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: cannot start a journal: %s\n",
                     for_terminal(e.what()).c_str());
    }
    return exit_usage;
}

int resume_case(const CaseArgs& args, const LoadOptions& resources) {
    const JournalScan scan = scan_journal(args.resume);
    try {
        require_resumable(args.resume, scan);
    } catch (const JournalError& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
        return scan.readable() ? exit_problems : exit_usage;
    }
    const auto model = load_case_model(scan.header->model_id, resources);
    if (!model) {
        return exit_problems;
    }
    try {
        std::string notice;
        OwnCase own_case =
            OwnCase::resume(model, args.resume, notice, std::make_unique<HandCount>());
        std::cout << notice;
        return run_terminal(own_case, resources, args.data);
    } catch (const ReplayError& e) {
        std::fprintf(stderr, "deliberate: %s:%s\n", for_terminal(args.resume).c_str(),
                     for_terminal(e.what()).c_str());
    } catch (const JournalError& e) {
        std::fprintf(stderr, "deliberate: %s\n", for_terminal(e.what()).c_str());
    }
    return exit_problems;
}

}  // namespace

std::shared_ptr<const JudgementModel> load_case_model(const std::string& id,
                                                      const LoadOptions& resources) {
    const bool plain =
        !id.empty() &&
        id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    if (!plain) {
        std::fprintf(stderr, "deliberate: `%s` is not a model id\n", id.c_str());
        return nullptr;
    }
    const auto file = resources.shipped_models_dir / (id + ".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        std::vector<std::string> shipped;
        for (const auto& entry :
             std::filesystem::directory_iterator(resources.shipped_models_dir, ec)) {
            if (entry.path().extension() == ".json") {
                shipped.push_back(entry.path().stem().string());
            }
        }
        std::sort(shipped.begin(), shipped.end());
        std::string list;
        for (const std::string& name : shipped) {
            list += (list.empty() ? "" : ", ") + name;
        }
        std::fprintf(stderr, "deliberate: no model `%s`; the models are: %s\n", id.c_str(),
                     list.c_str());
        return nullptr;
    }
    const auto loaded = load_model_file(file);
    if (!loaded.ok()) {
        print_diagnostics(stderr, loaded.diagnostics);
        std::fprintf(stderr, "deliberate: no usable model `%s`\n", id.c_str());
    }
    return loaded.value;
}

int export_case_record(const JournalScan& scan, const std::string& journal, const std::string& html,
                       const std::string& md, const LoadOptions& resources) {
    const auto model = load_case_model(scan.header->model_id, resources);
    if (!model) {
        return exit_problems;
    }
    try {
        const CaseState state = read_case(*scan.header, scan.events, scan.event_lines);
        const MessageCatalogue text = case_messages(resources, state.header.language);
        std::string error;
        for (const auto& [target, bytes] :
             {std::pair{html, html.empty() ? "" : case_record_html(state, *model, text)},
              std::pair{md, md.empty() ? "" : case_record_markdown(state, *model, text)}}) {
            if (target == "-") {
                std::fwrite(bytes.data(), 1, bytes.size(), stdout);
            } else if (!target.empty() && !write_file_atomically(target, bytes, error)) {
                std::fprintf(stderr, "deliberate journal export: %s\n", error.c_str());
                return exit_usage;
            }
        }
        return exit_ok;
    } catch (const ReplayError& e) {
        std::fprintf(stderr, "deliberate journal export: %s:%s\n", for_terminal(journal).c_str(),
                     for_terminal(e.what()).c_str());
        return exit_problems;
    }
}

void add_case_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<CaseArgs>();
    CLI::App* cmd =
        app.add_subcommand("case", "Deliberate on a dilemma the group brings itself, recorded");
    cmd->footer(
        "The facilitator types the case (title, a few lines, the dilemma question, two to six\n"
        "options; no names), then at each step of the model the group's answers, one a line,\n"
        "and the hand counts of the first and final vote. An empty line goes on; ? shows the\n"
        "step's guidance, :back returns a slide, :note TEXT records a note, :quit stops. At the\n"
        "end :record writes the record (HTML and Markdown) and :scenario a scenario draft to\n"
        "DATA/exports/. Everything is saved in a journal as it is typed; go on with --resume.\n"
        "Examples:\n"
        "  deliberate case --lang nl\n"
        "  deliberate case --model quick-check < case.txt");
    cmd->add_option("--model", args->model,
                    "dilemma-method (default), seven-questions or quick-check")
        ->type_name("ID");
    cmd->add_option("--lang", args->language, "Language: nl or en (default: the model's first)")
        ->type_name("LANG");
    cmd->add_option("--journal", args->journal,
                    "Record in this new file instead of the data folder")
        ->type_name("FILE");
    cmd->add_option("--data", args->data, "The data folder")->type_name("DIR");
    cmd->add_option("--resume", args->resume, "Continue the case recorded in this journal")
        ->type_name("FILE");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources]() -> int {
            if (!args->resume.empty()) {
                if (!args->journal.empty() || !args->language.empty()) {
                    std::fprintf(stderr,
                                 "deliberate case: --resume goes on as recorded; --lang and "
                                 "--journal do not apply\n");
                    return exit_usage;
                }
                return resume_case(*args, resources);
            }
            return start_case(*args, resources);
        };
    });
}

}  // namespace deliberate::app
