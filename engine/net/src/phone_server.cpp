// The phones' server: listening, the event streams, pushing the box's state, and stopping.
#include "deliberate/net/phone_server.hpp"

#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/resource.h>

#include <random>
#include <stdexcept>

#include "phone_api.hpp"
#include "server_state.hpp"

namespace deliberate {

namespace net {

namespace {

// A room of a thousand phones needs more descriptors than a desktop's default soft limit.
void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

std::shared_ptr<const std::string> event_of(const std::string& state) {
    return std::make_shared<const std::string>("event: state\ndata: " + state + "\n\n");
}

}  // namespace

std::string make_device_token() {
    std::random_device random;
    static constexpr char hex[] = "0123456789abcdef";
    std::string token;
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = random();
        for (int i = 0; i < 8; ++i, bits >>= 4) {
            token += hex[bits & 0xF];
        }
    }
    return token;
}

ServerState::ServerState(BallotBox& box_in, PhoneServerOptions options_in)
    : box(box_in),
      options(std::move(options_in)),
      files(options.web_root),
      room_code(options.room_code.empty() ? make_room_code() : options.room_code),
      address_limit(options.address_requests_per_s, options.address_burst),
      device_limit(options.device_ballots_per_s, options.device_burst) {}

void ServerState::accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (stopping) {
            return;
        }
        if (!ec) {
            if (*connections + connected >= options.max_connections) {
                beast::error_code ignored;
                socket.close(ignored);  // over the limit: refused at once, nobody waits
            } else {
                ++*connections;
                serve_connection(*this, std::move(socket));
            }
        }
        accept();
    });
}

void ServerState::push_state() {
    push_pending = false;
    if (stopping) {
        return;
    }
    std::string state = phone_state_json(*box.snapshot());
    if (state == last_state) {
        return;
    }
    last_state = std::move(state);
    const auto message = event_of(last_state);
    for (const auto& stream : streams) {
        stream->push(message);
    }
}

void ServerState::add_stream(const std::shared_ptr<EventStream>& stream) {
    streams.insert(stream);
    ++streams_per_address[stream->address()];
    connected = streams.size();
}

void ServerState::drop_stream(const std::shared_ptr<EventStream>& stream) {
    if (streams.erase(stream) == 0) {
        return;
    }
    auto count = streams_per_address.find(stream->address());
    if (count != streams_per_address.end() && --count->second == 0) {
        streams_per_address.erase(count);
    }
    connected = streams.size();
}

void ServerState::send_keepalive() {
    keepalive.expires_after(std::chrono::seconds(options.keepalive_s));
    keepalive.async_wait([this](beast::error_code ec) {
        if (ec || stopping) {
            return;
        }
        const auto comment = std::make_shared<const std::string>(":\n\n");
        for (const auto& stream : streams) {
            stream->push(comment);
        }
        send_keepalive();
    });
}

void ServerState::shut_down() {
    stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    keepalive.cancel();
    BallotSnapshot ended;
    ended.ended = true;
    const auto message = event_of(phone_state_json(ended));
    for (const auto& stream : streams) {
        stream->push(message);
    }
    // A moment for the last message to leave, then everything closes.
    auto linger = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(300));
    linger->async_wait([this, linger](beast::error_code) {
        const auto open = streams;
        for (const auto& stream : open) {
            stream->close();
        }
        io.stop();
    });
}

}  // namespace net

struct PhoneServer::State {
    net::ServerState server;
    State(BallotBox& box, PhoneServerOptions options) : server(box, std::move(options)) {}
};

PhoneServer::PhoneServer(BallotBox& box, PhoneServerOptions options)
    : state_(std::make_shared<State>(box, std::move(options))) {
    net::raise_descriptor_limit();
    net::ServerState& s = state_->server;
    boost::system::error_code ec;
    const auto address = net::asio::ip::make_address(s.options.bind, ec);
    if (ec) {
        throw std::runtime_error("`" + s.options.bind + "` is not an IP address to listen on");
    }
    const net::tcp::endpoint endpoint(address, s.options.port);
    s.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        s.acceptor.set_option(net::asio::socket_base::reuse_address(true), ec);
    if (!ec)
        s.acceptor.bind(endpoint, ec);
    if (!ec)
        s.acceptor.listen(net::asio::socket_base::max_listen_connections, ec);
    if (ec) {
        throw std::runtime_error("cannot listen on " + s.options.bind + " port " +
                                 std::to_string(s.options.port) + ": " + ec.message() +
                                 " (choose another with --port)");
    }
    box.on_change([&s] {
        if (s.options.on_change) {
            s.options.on_change();
        }
        if (!s.push_pending.exchange(true)) {
            net::asio::post(s.io, [&s] { s.push_state(); });
        }
    });
    s.accept();
    s.send_keepalive();
    s.thread = std::thread([&s] { s.io.run(); });
}

PhoneServer::~PhoneServer() {
    stop();
}

void PhoneServer::stop() {
    net::ServerState& s = state_->server;
    if (!s.thread.joinable()) {
        return;
    }
    s.box.on_change({});
    net::asio::post(s.io, [&s] { s.shut_down(); });
    s.thread.join();
}

std::uint16_t PhoneServer::port() const {
    boost::system::error_code ec;
    const auto endpoint = state_->server.acceptor.local_endpoint(ec);
    return ec ? state_->server.options.port : endpoint.port();
}

const std::string& PhoneServer::room_code() const {
    return state_->server.room_code;
}

std::size_t PhoneServer::connected() const {
    return state_->server.connected;
}

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return out;
    }
    for (const ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
        if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) {
            continue;
        }
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        const net::asio::ip::address_v4 address(ntohl(in->sin_addr.s_addr));
        if (!address.is_loopback()) {
            out.push_back(address.to_string());
        }
    }
    freeifaddrs(list);
    return out;
}

std::string make_room_code() {
    static constexpr char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
    std::string code;
    for (int i = 0; i < 6; ++i) {
        code += alphabet[pick(random)];
    }
    return code;
}

}  // namespace deliberate
