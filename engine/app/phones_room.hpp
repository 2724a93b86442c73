// `present --phones`: starts the phones' web server beside a workshop and links it to the
// workshop's views; the server stops when the views close.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "deliberate/scenario/loader.hpp"
#include "desktop_app.hpp"
#include "present_view.hpp"

namespace deliberate::app {

// False with a sentence in `error` when the server cannot start (the port is taken ...).
// A phone's answer sets `woken` and wakes the sleeping main loop, which then draws a frame.
bool start_phones(ui::PresentView& view, const DesktopOptions& options,
                  const LoadOptions& resources, std::shared_ptr<std::atomic<bool>> woken,
                  std::string& error);

}  // namespace deliberate::app
