// `present --phones`: starts the phones' web server beside a workshop or an own case; the
// views hold the link, and the server stops when they close.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "deliberate/scenario/loader.hpp"
#include "desktop_app.hpp"
#include "phone_link.hpp"

namespace deliberate::app {

// The server's link for the views, the phones' page in `language` at first; none with a
// sentence in `error` when the server cannot start (the port is taken ...). A phone's answer
// sets `woken` and wakes the sleeping main loop, which then draws a frame.
std::optional<ui::PhoneLink> start_phones(const DesktopOptions& options,
                                          const LoadOptions& resources,
                                          std::shared_ptr<std::atomic<bool>> woken,
                                          const std::string& language, std::string& error);

}  // namespace deliberate::app
