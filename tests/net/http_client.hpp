// A small blocking HTTP client for the phones' server's tests and benchmark: plain sockets on
// 127.0.0.1, every read bounded by a timeout, so a broken server fails a test instead of
// hanging it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace deliberate::test {

struct HttpReply {
    int status = 0;  // 0: no answer (refused, closed or timed out)
    std::string head;
    std::string body;
};

// A connected socket to 127.0.0.1:`port` with send and receive timeouts, or -1.
inline int connect_local(std::uint16_t port, int timeout_ms = 5000) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

inline bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

inline std::string request_text(const std::string& method, const std::string& path,
                                const std::string& body, bool close = true) {
    std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.empty() || method == "POST") {
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
    }
    text += close ? "Connection: close\r\n\r\n" : "\r\n";
    return text + body;
}

inline HttpReply parse_reply(const std::string& raw) {
    HttpReply reply;
    const auto end = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos)
        return reply;
    reply.status = std::stoi(raw.substr(9, 3));
    reply.head = raw.substr(0, end);
    reply.body = raw.substr(end + 4);
    return reply;
}

// Sends `raw` as it is and reads until the server closes the connection.
inline HttpReply send_raw(std::uint16_t port, const std::string& raw) {
    const int fd = connect_local(port);
    if (fd < 0)
        return {};
    std::string got;
    if (send_all(fd, raw)) {
        char buf[4096];
        ssize_t n = 0;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
            got.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return parse_reply(got);
}

inline HttpReply http(std::uint16_t port, const std::string& method, const std::string& path,
                      const std::string& body = "") {
    return send_raw(port, request_text(method, path, body));
}

// The value of a JSON string member in a flat reply ("token" in {"token":"ab"}).
inline std::string json_string(const std::string& body, const std::string& name) {
    const std::string key = "\"" + name + "\":\"";
    const auto at = body.find(key);
    if (at == std::string::npos)
        return {};
    const auto from = at + key.size();
    return body.substr(from, body.find('"', from) - from);
}

// An open event stream: reads events as they come.
class EventReader {
  public:
    EventReader(std::uint16_t port, const std::string& token, int timeout_ms = 5000) {
        fd_ = connect_local(port, timeout_ms);
        if (fd_ >= 0)
            send_all(fd_, request_text("GET", "/api/events?token=" + token, "", false));
    }
    ~EventReader() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    EventReader(const EventReader&) = delete;
    EventReader& operator=(const EventReader&) = delete;

    // The next event's data, or "" when none came in time or the stream ended.
    std::string next() {
        for (;;) {
            const auto head_end = buffer_.find("\r\n\r\n");
            if (!head_seen_ && head_end != std::string::npos) {
                head_ = buffer_.substr(0, head_end);
                buffer_.erase(0, head_end + 4);
                head_seen_ = true;
            }
            const auto end = head_seen_ ? buffer_.find("\n\n") : std::string::npos;
            if (end != std::string::npos) {
                const std::string event = buffer_.substr(0, end);
                buffer_.erase(0, end + 2);
                const auto data = event.find("data: ");
                if (data != std::string::npos)
                    return event.substr(data + 6);
                continue;  // the response head, "retry:" or a keep-alive comment
            }
            char buf[8192];
            const ssize_t n = fd_ < 0 ? -1 : ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0)
                return {};
            buffer_.append(buf, static_cast<std::size_t>(n));
        }
    }
    const std::string& head() const { return head_; }
    int fd() const { return fd_; }

  private:
    int fd_ = -1;
    bool head_seen_ = false;
    std::string head_;
    std::string buffer_;
};

}  // namespace deliberate::test
