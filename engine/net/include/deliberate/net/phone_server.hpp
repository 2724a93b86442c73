// The phones' web server: serves the participants' page from assets/web/ and a small JSON API
// over a workshop's ballot box on the local network, on its own thread. The window never
// waits on it: the UI talks to the ballot box, and the server pushes the box's state to the
// phones as event streams. It runs only while the workshop runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "deliberate/workshop/ballot_box.hpp"

namespace deliberate {

struct PhoneServerOptions {
    std::string bind = "0.0.0.0";
    std::uint16_t port = 8080;       // 0: any free port (tests)
    std::filesystem::path web_root;  // the participants' page: assets/web/
    std::string language = "nl";     // the workshop's; the page starts in it
    std::string room_code;           // generated when empty
    // Limits. A room of phones each on its own address stays far below them; a test or the
    // benchmark, all on 127.0.0.1, raises the per-address ones.
    std::size_t max_body_bytes = 4096;
    int read_timeout_s = 10;
    int write_timeout_s = 10;
    std::size_t max_connections = 3000;
    std::size_t max_devices = 3000;
    std::size_t max_streams_per_address = 8;
    double address_requests_per_s = 20;
    double address_burst = 40;
    double device_ballots_per_s = 2;
    double device_burst = 6;
    int keepalive_s = 20;  // a comment on every stream, so dead phones are noticed
    // Also called after every change of the box, from whichever thread changed it (the
    // desktop app wakes its window with it).
    std::function<void()> on_change;
};

class PhoneServer {
  public:
    // Opens the listening socket and starts the server's thread. Throws std::runtime_error
    // with a sentence for the trainer when the address cannot be used or the page is missing.
    PhoneServer(BallotBox& box, PhoneServerOptions options);
    // Stops serving: the phones are told the session has ended first.
    ~PhoneServer();
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    std::uint16_t port() const;
    const std::string& room_code() const;
    // Phones with an open event stream now.
    std::size_t connected() const;
    // Tells the phones the session has ended and stops; the destructor does the same.
    void stop();

  private:
    struct State;
    std::shared_ptr<State> state_;
};

// The addresses of this machine's network interfaces that phones could reach (IPv4, not
// loopback), for the join address; empty when there is none.
std::vector<std::string> local_addresses();
// A room code: six characters from a set without look-alikes (no 0/O, 1/I/L).
std::string make_room_code();

}  // namespace deliberate
