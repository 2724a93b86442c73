// One connection from a phone: requests read with limits and timeouts, answered from the page
// in memory or the JSON API, until it closes or turns into an event stream.
#include <optional>

#include "phone_api.hpp"
#include "server_state.hpp"

namespace deliberate::net {

namespace {

using Response = http::response<http::string_body>;

// The page loads nothing from anywhere but this server, and cannot be framed.
void secure(Response& res) {
    res.set("Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    res.set(http::field::x_frame_options, "DENY");
    res.set("Referrer-Policy", "no-referrer");
    res.set("Cross-Origin-Resource-Policy", "same-origin");
    res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

Response reply(http::status status, std::string body, std::string type, unsigned version) {
    Response res(status, version);
    res.set(http::field::content_type, std::move(type));
    res.set(http::field::cache_control, "no-store");
    secure(res);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

Response json_reply(http::status status, std::string body, unsigned version) {
    return reply(status, std::move(body), "application/json; charset=utf-8", version);
}

Response error_reply(http::status status, const char* code, unsigned version) {
    return json_reply(status, std::string("{\"error\":\"") + code + "\"}", version);
}

// The value of `name` in a target's query ("/api/events?token=abc").
std::string query_value(std::string_view target, std::string_view name) {
    const auto q = target.find('?');
    if (q == std::string_view::npos) {
        return {};
    }
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
            pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    return {};
}

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

// Room codes are typed on phones: case and surrounding spaces do not matter.
std::string normalised_code(const std::string& typed) {
    std::string out;
    for (const char c : typed) {
        if (c != ' ' && c != '-') {
            out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
    }
    return out;
}

http::status cast_status(CastResult result) {
    switch (result) {
        case CastResult::accepted:
            return http::status::ok;
        case CastResult::no_round:
        case CastResult::stale_round:
        case CastResult::closed:
            return http::status::conflict;
        case CastResult::invalid:
        case CastResult::text_too_long:
            return http::status::unprocessable_entity;
    }
    return http::status::bad_request;
}

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(ServerState& server, tcp::socket socket)
        : server_(server), stream_(std::move(socket)), count_(server.connections) {
        beast::error_code ec;
        const auto remote = stream_.socket().remote_endpoint(ec);
        address_ = ec ? "?" : remote.address().to_string();
    }
    ~HttpSession() { --*count_; }

    void read() {
        parser_.emplace();
        parser_->body_limit(server_.options.max_body_bytes);
        parser_->header_limit(8 * 1024);
        stream_.expires_after(std::chrono::seconds(server_.options.read_timeout_s));
        auto self = shared_from_this();
        http::async_read(stream_, buffer_, *parser_,
                         [self](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

  private:
    void on_read(beast::error_code ec) {
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            send(error_reply(http::status::payload_too_large, "too-large", 11), false);
            return;
        }
        if (ec || server_.stopping) {
            close();  // a timeout, a hang-up, or bytes that are not HTTP: nothing to answer
            return;
        }
        const auto& req = parser_->get();
        if (!server_.address_limit.allow(address_)) {
            send(error_reply(http::status::too_many_requests, "slow-down", req.version()), false);
            return;
        }
        const std::string_view target(req.target().data(), req.target().size());
        const std::string_view path = path_of(target);
        if (req.method() == http::verb::get && path == "/api/events") {
            open_stream(query_value(target, "token"));
            return;
        }
        send(answer(req, path), req.keep_alive());
    }

    Response answer(const http::request<http::string_body>& req, std::string_view path) {
        const unsigned v = req.version();
        if (req.method() == http::verb::post && path == "/api/join") {
            return join(req.body(), v);
        }
        if (req.method() == http::verb::post && path == "/api/ballot") {
            return ballot(req.body(), v);
        }
        if (req.method() != http::verb::get && req.method() != http::verb::head) {
            return error_reply(http::status::method_not_allowed, "method", v);
        }
        const StaticFile* file = server_.files.find(path);
        if (file == nullptr) {
            return error_reply(http::status::not_found, "not-found", v);
        }
        Response res = reply(http::status::ok, file->body, file->content_type, v);
        res.set(http::field::cache_control, "no-cache");
        return res;
    }

    Response join(const std::string& body, unsigned v) {
        const auto request = parse_join(body);
        if (!request) {
            return error_reply(http::status::bad_request, "malformed", v);
        }
        if (normalised_code(request->code) != server_.room_code) {
            return error_reply(http::status::forbidden, "wrong-code", v);
        }
        if (server_.devices.size() >= server_.options.max_devices) {
            return error_reply(http::status::service_unavailable, "room-full", v);
        }
        std::string token = make_device_token();
        server_.devices.insert(token);
        server_.box.join(token);
        return json_reply(
            http::status::ok,
            "{\"token\":\"" + token + "\",\"language\":\"" + server_.options.language + "\"}", v);
    }

    Response ballot(const std::string& body, unsigned v) {
        auto request = parse_ballot(body);
        if (!request) {
            return error_reply(http::status::bad_request, "malformed", v);
        }
        if (server_.devices.count(request->token) == 0) {
            return error_reply(http::status::unauthorized, "unknown-device", v);
        }
        if (!server_.device_limit.allow(request->token)) {
            return error_reply(http::status::too_many_requests, "slow-down", v);
        }
        const CastResult result =
            server_.box.cast(request->token, request->round, std::move(request->ballot));
        return json_reply(cast_status(result),
                          std::string("{\"result\":\"") + cast_result_name(result) + "\"}", v);
    }

    void open_stream(const std::string& token) {
        const unsigned v = parser_->get().version();
        if (server_.devices.count(token) == 0) {
            send(error_reply(http::status::unauthorized, "unknown-device", v), false);
            return;
        }
        if (server_.streams_per_address[address_] >= server_.options.max_streams_per_address) {
            send(error_reply(http::status::too_many_requests, "too-many-streams", v), false);
            return;
        }
        stream_.expires_never();
        auto stream = std::make_shared<EventStream>(server_, stream_.release_socket(), address_);
        server_.add_stream(stream);
        const auto snapshot = server_.box.snapshot();
        stream->start(phone_state_json(*snapshot, server_.box.ballot_of(token)));
    }

    void send(Response res, bool keep_alive) {
        res.keep_alive(keep_alive);
        auto message = std::make_shared<Response>(std::move(res));
        stream_.expires_after(std::chrono::seconds(server_.options.write_timeout_s));
        auto self = shared_from_this();
        http::async_write(stream_, *message,
                          [self, message, keep_alive](beast::error_code ec, std::size_t) {
                              if (ec || !keep_alive) {
                                  self->close();
                                  return;
                              }
                              self->read();
                          });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.close();
    }

    ServerState& server_;
    beast::tcp_stream stream_;
    std::shared_ptr<std::atomic<std::size_t>> count_;
    beast::flat_buffer buffer_{8 * 1024};
    std::optional<http::request_parser<http::string_body>> parser_;
    std::string address_;
};

}  // namespace

void serve_connection(ServerState& server, tcp::socket socket) {
    std::make_shared<HttpSession>(server, std::move(socket))->read();
}

}  // namespace deliberate::net
