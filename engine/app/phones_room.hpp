// `present --phones`: starts the phones' web server beside a workshop and links it to the
// workshop's views; the server stops when the views close.
#pragma once

#include <string>

#include "deliberate/scenario/loader.hpp"
#include "desktop_app.hpp"
#include "present_view.hpp"

namespace deliberate::app {

// False with a sentence in `error` when the server cannot start (the port is taken ...).
bool start_phones(ui::PresentView& view, const DesktopOptions& options,
                  const LoadOptions& resources, std::string& error);
// True once after the phones changed something, so the main loop draws a frame for it.
bool take_phones_wake();

}  // namespace deliberate::app
