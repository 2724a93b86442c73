// What the workshop's views know of the phones in the room: the ballot box they answer into,
// where they join, and an owner that keeps the server running as long as the views live.
// The views never see the network; the program starts the server and hands over this link.
#pragma once

#include <memory>
#include <string>

#include "deliberate/workshop/ballot_box.hpp"

namespace deliberate::ui {

struct PhoneLink {
    std::shared_ptr<BallotBox> box;
    std::string join_url;  // what the QR code holds: http://ADDRESS:PORT/?code=CODE
    std::string address;   // http://ADDRESS:PORT, shown for typing it in
    std::string room_code;
    std::string listening;  // where the server listens: "0.0.0.0:8080"
    // Released after the views: stopping the server tells the phones the session has ended.
    std::shared_ptr<void> server;
};

}  // namespace deliberate::ui
