// The shell starting or resuming an own case: no scenario, only a shipped model.
#include <algorithm>

#include "app_shell.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/workshop/vote_source.hpp"

namespace deliberate::ui {

namespace {

std::shared_ptr<const JudgementModel> case_model(const LoadOptions& resources,
                                                 const std::string& id, std::string& error) {
    if (id.empty() ||
        id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        error = "`" + id + "` is not a model id";
        return nullptr;
    }
    const auto loaded = load_model_file(resources.shipped_models_dir / (id + ".json"));
    if (!loaded.ok()) {
        error = loaded.diagnostics.empty() ? "no model `" + id + "`"
                                           : format_diagnostic(loaded.diagnostics.front());
    }
    return loaded.value;
}

}  // namespace

bool AppShell::open_case(const std::string& model_id, const std::string& language,
                         std::string& error) {
    const auto model = case_model(ui_.resources, model_id, error);
    if (!model) {
        return false;
    }
    const std::string lang = std::find(model->languages.begin(), model->languages.end(),
                                       language) != model->languages.end()
                                 ? language
                                 : model->languages.front();
    try {
        const auto path = new_journal_path(ui_.data_dir, "own-case", new_participant_id());
        case_ = std::make_unique<CaseView>(
            ui_, OwnCase::start(model, path, lang, std::make_unique<HandCount>()));
    } catch (const std::exception& e) {
        error = ui_.text.format("ui.error.cannot_start", {e.what()});
        return false;
    }
    present_.reset();
    screen_ = Screen::own_case;
    message_.clear();
    return true;
}

void AppShell::resume_case(const std::filesystem::path& journal, const JournalHeader& header) {
    std::string error;
    const auto model = case_model(ui_.resources, header.model_id, error);
    if (!model) {
        message_ = ui_.text.format("ui.error.cannot_resume", {journal.string(), error});
        return;
    }
    try {
        std::string notice;
        OwnCase own_case = OwnCase::resume(model, journal, notice, std::make_unique<HandCount>());
        case_ = std::make_unique<CaseView>(ui_, std::move(own_case),
                                           notice.empty() ? ui_.tr("present.resumed") : notice);
        present_.reset();
        screen_ = Screen::own_case;
        message_.clear();
    } catch (const std::exception& e) {
        message_ = ui_.text.format("ui.error.cannot_resume", {journal.string(), e.what()});
    }
}

}  // namespace deliberate::ui
