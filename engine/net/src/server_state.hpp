// What the phones' server's parts share: the ballot box, the options, the page, the devices
// joined and the open event streams. Everything here but the atomics is touched only on the
// server's own thread.
#pragma once

#include <atomic>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "asio.hpp"
#include "deliberate/net/phone_server.hpp"
#include "rate_limit.hpp"
#include "static_files.hpp"

namespace deliberate::net {

class ServerState;

// One phone's event stream: the state as it changes, newest only when the phone lags behind.
class EventStream : public std::enable_shared_from_this<EventStream> {
  public:
    EventStream(ServerState& server, tcp::socket socket, std::string address);
    // Sends the response head and `first` (the state with this phone's own ballot).
    void start(std::string first);
    // Queues `message`; a message not yet sent is replaced, since only the latest state counts.
    void push(std::shared_ptr<const std::string> message);
    void close();
    const std::string& address() const { return address_; }

  private:
    void write_next();
    void watch_for_hangup();

    ServerState& server_;
    tcp::socket socket_;
    asio::steady_timer write_deadline_;
    std::string address_;
    std::shared_ptr<const std::string> writing_;
    std::shared_ptr<const std::string> waiting_;
    char hangup_byte_ = 0;
    bool closed_ = false;
};

class ServerState {
  public:
    ServerState(BallotBox& box, PhoneServerOptions options);

    BallotBox& box;
    const PhoneServerOptions options;
    const StaticFiles files;
    const std::string room_code;
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    asio::steady_timer keepalive{io};
    std::unordered_set<std::string> devices;
    std::set<std::shared_ptr<EventStream>> streams;
    std::unordered_map<std::string, std::size_t> streams_per_address;
    RateLimit address_limit;
    RateLimit device_limit;
    std::string last_state;  // the state last pushed, to push only changes
    bool stopping = false;
    std::atomic<bool> push_pending{false};
    // Shared with the connections, which may outlive the rest when the server is torn down.
    std::shared_ptr<std::atomic<std::size_t>> connections =
        std::make_shared<std::atomic<std::size_t>>(0);
    std::atomic<std::size_t> connected{0};
    std::thread thread;

    void accept();
    // Sends the box's state to every stream if it changed (phones see no tallies before the
    // reveal, so a ballot alone pushes nothing).
    void push_state();
    void add_stream(const std::shared_ptr<EventStream>& stream);
    void drop_stream(const std::shared_ptr<EventStream>& stream);
    void send_keepalive();
    // On the server's thread: tells every phone the session has ended, then closes everything.
    void shut_down();
};

// Serves one connection's requests until it closes or becomes an event stream.
void serve_connection(ServerState& server, tcp::socket socket);

// A new device token: 128 random bits in hex.
std::string make_device_token();

}  // namespace deliberate::net
