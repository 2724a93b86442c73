// `deliberate translate export|import`: a scenario's texts to a gettext PO file for
// translators, and their translations back into the scenario, every other byte kept.
#include <cstdio>

#include "commands.hpp"
#include "deliberate/authoring/translation.hpp"
#include "deliberate/support/safe_file.hpp"

namespace deliberate::app {

namespace {

namespace fs = std::filesystem;

struct TranslateArgs {
    std::string scenario;
    std::string from;
    std::string to;
    std::string po;
    bool dry_run = false;
};

bool read_input(const std::string& path, std::string& bytes) {
    std::string error;
    if (!read_regular_file(path, bytes, error, max_file_bytes)) {
        std::fprintf(stderr, "deliberate: %s: %s\n", path.c_str(), error.c_str());
        return false;
    }
    return true;
}

// The PO file as exported last time, so that changed sources come back fuzzy.
std::optional<PoFile> previous_po(const std::string& path, int& exit_code) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return std::nullopt;
    }
    std::string bytes;
    std::string error;
    if (!read_input(path, bytes)) {
        exit_code = exit_usage;
        return std::nullopt;
    }
    auto po = parse_po(bytes, error);
    if (!po) {
        std::fprintf(stderr, "deliberate: %s:%s; not overwritten\n", path.c_str(), error.c_str());
        exit_code = exit_problems;
    }
    return po;
}

int run_export(const TranslateArgs& args) {
    std::string bytes;
    if (!read_input(args.scenario, bytes)) {
        return exit_usage;
    }
    const bool to_stdout = args.po == "-";
    int exit_code = exit_ok;
    const auto previous = to_stdout ? std::nullopt : previous_po(args.po, exit_code);
    if (exit_code != exit_ok) {
        return exit_code;
    }
    std::string error;
    const auto exported =
        export_translation(bytes, args.from, args.to, previous ? &*previous : nullptr, error);
    if (!exported) {
        std::fprintf(stderr, "deliberate: %s: %s\n", args.scenario.c_str(), error.c_str());
        return exit_problems;
    }
    if (to_stdout) {
        std::fputs(write_po(exported->po).c_str(), stdout);
        return exit_ok;
    }
    if (!write_file_atomically(args.po, write_po(exported->po), error)) {
        std::fprintf(stderr, "deliberate: cannot write %s: %s\n", args.po.c_str(), error.c_str());
        return exit_usage;
    }
    std::printf("%s: %zu texts from %s to %s: %zu translated, %zu fuzzy, %zu to do\n",
                args.po.c_str(), exported->texts, args.from.c_str(), args.to.c_str(),
                exported->translated - exported->fuzzy, exported->fuzzy,
                exported->texts - exported->translated);
    return exit_ok;
}

void print_skipped(const char* why, const std::vector<std::string>& pointers) {
    if (pointers.empty()) {
        return;
    }
    std::printf("Skipped, %s (%zu):\n", why, pointers.size());
    for (const std::string& p : pointers) {
        std::printf("  %s\n", p.c_str());
    }
}

// Writes the result over the scenario, keeping the file's permissions.
int write_back(const std::string& path, const std::string& bytes) {
    std::error_code ec;
    const fs::perms perms = fs::status(path, ec).permissions();
    std::string error;
    if (!write_file_atomically(path, bytes, error)) {
        std::fprintf(stderr, "deliberate: cannot write %s: %s\n", path.c_str(), error.c_str());
        return exit_usage;
    }
    if (!ec) {
        fs::permissions(path, perms, ec);
    }
    return exit_ok;
}

int run_import(const TranslateArgs& args, const LoadOptions& resources) {
    std::string bytes;
    std::string po_bytes;
    if (!read_input(args.scenario, bytes) || !read_input(args.po, po_bytes)) {
        return exit_usage;
    }
    std::string error;
    const auto po = parse_po(po_bytes, error);
    const auto imported =
        po ? import_translation(bytes, *po, args.scenario, resources, error) : std::nullopt;
    if (!imported) {
        std::fprintf(stderr, "deliberate: %s: %s\n", (po ? args.scenario : args.po).c_str(),
                     error.c_str());
        return exit_problems;
    }
    std::printf("%s into %s (%s to %s): %zu updated, %zu added, %zu unchanged, %zu untranslated\n",
                args.po.c_str(), args.scenario.c_str(), imported->from.c_str(),
                imported->to.c_str(), imported->updated, imported->inserted, imported->unchanged,
                imported->untranslated);
    print_skipped("marked fuzzy: check them and clear the flag", imported->fuzzy);
    print_skipped("the source text changed since the export: export again", imported->outdated);
    print_skipped("no such text in the scenario", imported->unknown);
    if (!imported->diagnostics.empty()) {
        print_diagnostics(stderr, imported->diagnostics);
        std::fprintf(stderr,
                     "deliberate: with these translations %s would not load; left as it was\n",
                     args.scenario.c_str());
        return exit_problems;
    }
    if (!imported->changed() || args.dry_run) {
        std::printf("%s\n",
                    imported->changed() ? "Not written (--dry-run)." : "Nothing to change.");
        return exit_ok;
    }
    return write_back(args.scenario, imported->result);
}

}  // namespace

void add_translate_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    CLI::App* cmd =
        app.add_subcommand("translate", "Translate a scenario's texts through a gettext PO file");
    cmd->require_subcommand(1);
    cmd->footer(
        "Translators open the PO file in Poedit, Weblate or Lokalize. Each entry is one text:\n"
        "its JSON pointer as context, the source text, the translation so far. Export again\n"
        "over the same PO file and translations whose source has changed come back fuzzy;\n"
        "import skips fuzzy entries and changes only the translated strings in the file.\n"
        "Examples:\n"
        "  deliberate translate export my.json --from nl --to en --po my.en.po\n"
        "  deliberate translate import my.json my.en.po");

    auto ex = std::make_shared<TranslateArgs>();
    CLI::App* exp = cmd->add_subcommand("export", "Write a PO file of the texts to translate");
    exp->add_option("scenario", ex->scenario, "The scenario file")->required();
    exp->add_option("--from", ex->from, "The source language, e.g. nl")->required();
    exp->add_option("--to", ex->to, "The target language, e.g. en")->required();
    exp->add_option("--po", ex->po,
                    "The PO file to write (updated if it exists; - for standard output)")
        ->required()
        ->type_name("FILE");
    exp->callback([&selected, ex] { selected = [ex] { return run_export(*ex); }; });

    auto im = std::make_shared<TranslateArgs>();
    CLI::App* imp =
        cmd->add_subcommand("import", "Write a PO file's translations into the scenario");
    imp->add_option("scenario", im->scenario, "The scenario file")->required();
    imp->add_option("po", im->po, "The translated PO file")->required()->type_name("FILE");
    imp->add_flag("--dry-run", im->dry_run, "Report what would change; write nothing");
    imp->callback([&selected, im, &resources] {
        selected = [im, &resources] { return run_import(*im, resources); };
    });
}

}  // namespace deliberate::app
