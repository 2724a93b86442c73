// The console's "share the results" button.
#include "workshop_sharing.hpp"

#include "deliberate/results/others_choices.hpp"
#include "deliberate/results/results_folder.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

WorkshopSharing::~WorkshopSharing() {
    if (sharing_.valid()) {
        sharing_.wait();
    }
}

void WorkshopSharing::draw(UiContext& ui, const RecordedSession& recorded) {
    const auto results = resolve_results_folder("", ui.settings.results_folder);
    if (results.empty() || !recorded.session().at_ending()) {
        return;
    }
    if (sharing_.valid() &&
        sharing_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        const std::string problem = sharing_.get();
        message_ = problem.empty() ? ui.tr("share.workshop_done")
                                   : ui.text.format("share.waiting", {problem});
    } else if (sharing_.valid()) {
        ui.redraw_within(std::chrono::milliseconds(100));
        muted(ui, ui.tr("share.busy"));
        return;
    }
    if (!message_.empty()) {
        muted(ui, message_);
        return;
    }
    if (secondary_button(ui.tr("share.workshop"))) {
        const auto extract =
            build_extract(recorded.session().scenario(), scan_journal(recorded.journal().path()));
        if (!extract) {
            message_ = ui.text.format("share.failed", {recorded.journal().path().string()});
            return;
        }
        sharing_ = std::async(std::launch::async, [extract = *extract, data = ui.data_dir, results,
                                                   journal = recorded.journal().path()] {
            try {
                const ShareOutcome outcome = share_extract(data, results, extract);
                mark_shared(data, journal);
                return outcome.delivered ? std::string() : outcome.problem;
            } catch (const std::exception& e) {
                return std::string(e.what());
            }
        });
    }
}

}  // namespace deliberate::ui
