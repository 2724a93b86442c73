// Sharing a finished workshop's anonymous extract (its vote counts per round and setting and
// the branches taken; never notes or the group's label), when the trainer chooses to: a
// console button. The shared folder is written off the window's thread.
#pragma once

#include <future>
#include <string>

#include "deliberate/journal/recorded_session.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class WorkshopSharing {
  public:
    WorkshopSharing() = default;
    ~WorkshopSharing();
    WorkshopSharing(const WorkshopSharing&) = delete;
    WorkshopSharing& operator=(const WorkshopSharing&) = delete;

    // The button, once the workshop has reached its ending and a results folder is set; then
    // what became of the extract.
    void draw(UiContext& ui, const RecordedSession& recorded);

  private:
    std::future<std::string> sharing_;  // "" when shared, else why it waits or failed
    std::string message_;
};

}  // namespace deliberate::ui
