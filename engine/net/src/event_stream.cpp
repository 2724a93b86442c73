// A phone's event stream (Server-Sent Events): the state pushed as it changes.
#include <boost/beast/http/status.hpp>

#include "server_state.hpp"

namespace deliberate::net {

EventStream::EventStream(ServerState& server, tcp::socket socket, std::string address)
    : server_(server),
      socket_(std::move(socket)),
      write_deadline_(socket_.get_executor()),
      address_(std::move(address)) {}

void EventStream::start(std::string first) {
    const std::string head =
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: text/event-stream; charset=utf-8\r\n"
        "Cache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Connection: keep-alive\r\n\r\n"
        // A phone that lost the stream tries again after two seconds.
        "retry: 2000\n\n";
    waiting_ = std::make_shared<const std::string>(head + "event: state\ndata: " + first + "\n\n");
    write_next();
    watch_for_hangup();
}

void EventStream::push(std::shared_ptr<const std::string> message) {
    if (closed_) {
        return;
    }
    // The head and first state are written at once by start(), so what waits is only ever an
    // older state, which the newer one replaces.
    waiting_ = std::move(message);
    if (writing_ == nullptr) {
        write_next();
    }
}

void EventStream::write_next() {
    if (closed_ || waiting_ == nullptr) {
        return;
    }
    writing_ = std::move(waiting_);
    waiting_ = nullptr;
    write_deadline_.expires_after(std::chrono::seconds(server_.options.write_timeout_s));
    auto self = shared_from_this();
    write_deadline_.async_wait([self](beast::error_code ec) {
        if (!ec) {
            self->close();  // the phone stopped reading
        }
    });
    asio::async_write(socket_, asio::buffer(*writing_), [self](beast::error_code ec, std::size_t) {
        self->write_deadline_.cancel();
        self->writing_ = nullptr;
        if (ec) {
            self->close();
            return;
        }
        self->write_next();
    });
}

void EventStream::watch_for_hangup() {
    // A phone never sends anything on its stream: any byte or the end means it is gone.
    auto self = shared_from_this();
    socket_.async_read_some(asio::buffer(&hangup_byte_, 1),
                            [self](beast::error_code, std::size_t) { self->close(); });
}

void EventStream::close() {
    if (closed_) {
        return;
    }
    closed_ = true;
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    write_deadline_.cancel();
    server_.drop_stream(shared_from_this());
}

}  // namespace deliberate::net
