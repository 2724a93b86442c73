// deliberate_phone_bench PHONES WEB_ROOT: simulated phones against the real phones' server.
// The server runs in a child process with the workshop's side played by a thread that wakes
// on every change of the ballot box and reads its snapshot, as the trainer console does; this
// process plays the phones on 127.0.0.1 and measures. Prints one JSON line:
// phones, join_s, vote_p99_ms, reveal_p99_ms, idle_cpu_pct, kb_per_phone.
//
// deliberate_phone_bench --app PID PORT CODE PHONES: the phones join the desktop app itself
// (deliberate present --phones, process PID), each few from an address of their own on the
// loopback network (127.0.0.0/8) as phones in a room come from their own addresses, within the
// app's limits per address; then the app's CPU while they are connected and nothing happens,
// and its memory per phone. Prints: phones, join_s, app_idle_cpu_pct, app_kb_per_phone.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>

#include <algorithm>
#include <boost/asio.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "deliberate/net/phone_server.hpp"

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

long long now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

// The workshop's side, in the child: the server, and a "console" that wakes on each change
// and reports to the parent when it sees a new ballot count. Commands come on `in`.
[[noreturn]] void serve(int in, int out, const std::string& web_root, int phones) {
    using namespace deliberate;
    BallotBox box;
    std::mutex m;
    std::condition_variable changed;
    bool dirty = false;
    PhoneServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.web_root = web_root;
    o.room_code = "BENCH1";
    o.max_streams_per_address = static_cast<std::size_t>(phones) + 16;
    o.address_requests_per_s = 1e6;
    o.address_burst = 1e6;
    o.max_connections = static_cast<std::size_t>(phones) * 3 + 16;
    o.max_devices = static_cast<std::size_t>(phones) + 16;
    o.on_change = [&] {
        std::lock_guard lock(m);
        dirty = true;
        changed.notify_one();
    };
    PhoneServer server(box, o);
    FILE* report = fdopen(out, "w");
    std::fprintf(report, "port %u\n", server.port());
    std::fflush(report);
    bool stop = false;
    std::thread console([&] {
        std::size_t seen = 0;
        std::unique_lock lock(m);
        while (!stop) {
            changed.wait(lock, [&] { return dirty || stop; });
            dirty = false;
            const std::size_t ballots = box.snapshot()->tally.ballots;
            if (ballots != seen) {
                seen = ballots;
                std::fprintf(report, "seen %zu %lld\n", ballots, now_ns());
                std::fflush(report);
            }
        }
    });
    FILE* commands = fdopen(in, "r");
    char line[64];
    while (std::fgets(line, sizeof line, commands) != nullptr) {
        const std::string command(line);
        if (command.rfind("open", 0) == 0) {
            PhoneQuestion q;
            q.key = "bench/vote-first";
            q.kind = "choice";
            q.title.set("en", "Keep or return?");
            q.choices = {{"keep", {}, false}, {"return", {}, false}};
            box.open(q);
        } else if (command.rfind("reveal", 0) == 0) {
            box.reveal();
        } else {
            break;
        }
    }
    {
        std::lock_guard lock(m);
        stop = true;
        changed.notify_one();
    }
    console.join();
    server.stop();
    std::_Exit(0);
}

long rss_kb(int pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string l;
    while (std::getline(f, l)) {
        if (l.rfind("VmRSS:", 0) == 0)
            return std::stol(l.substr(6));
    }
    return 0;
}

long cpu_ticks(int pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string s;
    std::getline(f, s);
    std::istringstream fields(s.substr(s.rfind(')') + 2));
    std::string field;
    long total = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14 || i == 15)
            total += std::stol(field);
    }
    return total;
}

// One simulated phone: an API connection (keep-alive) and its event stream.
struct Phone {
    Phone(asio::io_context& io, int index) : api(io), stream(io), index(index) {}
    tcp::socket api;
    tcp::socket stream;
    int index = 0;
    std::string token;
    std::string events;  // what the stream has sent, not yet split
    char buffer[4096];
    int states = 0;
    std::uint64_t round = 0;
    long long revealed_ns = 0;
};

std::string request(const std::string& method, const std::string& path, const std::string& body) {
    return method + " " + path + " HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n" +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// A whole reply on a keep-alive connection (replies here are small and have a length).
std::string read_reply(tcp::socket& s) {
    std::string got;
    char buf[2048];
    for (;;) {
        got.append(buf, s.read_some(asio::buffer(buf)));
        const auto end = got.find("\r\n\r\n");
        if (end == std::string::npos)
            continue;
        const auto at = got.find("Content-Length: ");
        const std::size_t length = at == std::string::npos ? 0 : std::stoul(got.substr(at + 16));
        if (got.size() >= end + 4 + length)
            return got.substr(end + 4, length);
    }
}

double p99(std::vector<double> v) {
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(v.size() * 0.99))];
}

// The phones, all on one Asio context in this process.
class Crowd {
  public:
    // `spread`: each few phones connect from an address of their own (see the top).
    Crowd(unsigned port, int phones, std::string code = "BENCH1", bool spread = false)
        : server_(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)),
          phones_(phones),
          code_(std::move(code)),
          spread_(spread) {}

    // All phones join in one burst and open their streams: seconds until all have their
    // first state, or -1.
    double join() {
        const long long start = now_ns();
        for (int i = 0; i < phones_; ++i) {
            crowd_.push_back(std::make_unique<Phone>(io_, i));
            join_one(crowd_.back().get());
        }
        run_until([&] { return ready_ == phones_; }, 30);
        return ready_ == phones_ ? (all_ready_ns_ - start) / 1e9 : -1;
    }

    void run_until(const std::function<bool()>& done, double seconds) {
        const auto until = Clock::now() + std::chrono::duration<double>(seconds);
        while (!done() && Clock::now() < until) {
            io_.run_for(std::chrono::milliseconds(5));
        }
    }

    bool all(const std::function<bool(const Phone&)>& test) const {
        return std::all_of(crowd_.begin(), crowd_.end(), [&](const auto& p) { return test(*p); });
    }

    // Each phone votes in turn; `seen(n)` waits until the console saw n ballots and says when.
    std::vector<double> vote_each(const std::function<long long(std::size_t)>& seen) {
        std::vector<double> ms;
        for (std::size_t i = 0; i < crowd_.size(); ++i) {
            Phone& p = *crowd_[i];
            const long long sent = now_ns();
            const std::string pick = i % 3 == 0 ? "keep" : "return";
            asio::write(p.api, asio::buffer(request("POST", "/api/ballot",
                                                    "{\"token\":\"" + p.token +
                                                        "\",\"round\":" + std::to_string(p.round) +
                                                        ",\"picks\":[\"" + pick + "\"]}")));
            read_reply(p.api);
            ms.push_back((seen(i + 1) - sent) / 1e6);
            io_.poll();
        }
        return ms;
    }

    std::vector<double> reveal_delays(long long since) const {
        std::vector<double> ms;
        for (const auto& p : crowd_) {
            ms.push_back(p->revealed_ns == 0 ? 10000.0 : (p->revealed_ns - since) / 1e6);
        }
        return ms;
    }

  private:
    // Six phones an address: under the app's limit of event streams and requests per address.
    static constexpr int phones_per_address = 6;

    void from_own_address(Phone* p) {
        const int group = p->index / phones_per_address;
        const asio::ip::address_v4 address(
            asio::ip::address_v4::bytes_type{127, 1, static_cast<unsigned char>(group / 250),
                                             static_cast<unsigned char>(2 + group % 250)});
        for (tcp::socket* s : {&p->api, &p->stream}) {
            s->open(tcp::v4());
            s->bind(tcp::endpoint(address, 0));
        }
    }

    void join_one(Phone* p) {
        if (spread_) {
            from_own_address(p);
        }
        p->api.async_connect(server_, [this, p](boost::system::error_code ec) {
            if (ec)
                return;
            auto join = std::make_shared<std::string>(
                request("POST", "/api/join", "{\"code\":\"" + code_ + "\"}"));
            asio::async_write(p->api, asio::buffer(*join),
                              [this, p, join](boost::system::error_code ec2, std::size_t) {
                                  if (!ec2)
                                      read_token(p);
                              });
        });
    }

    void read_token(Phone* p) {
        p->api.async_read_some(
            asio::buffer(p->buffer), [this, p](boost::system::error_code ec, std::size_t n) {
                const std::string reply(p->buffer, ec ? 0 : n);
                const auto at = reply.find("\"token\":\"");
                if (at == std::string::npos)
                    return;
                p->token = reply.substr(at + 9, 32);
                p->stream.async_connect(server_, [this, p](boost::system::error_code ec2) {
                    if (ec2)
                        return;
                    auto get = std::make_shared<std::string>("GET /api/events?token=" + p->token +
                                                             " HTTP/1.1\r\nHost: bench\r\n\r\n");
                    asio::async_write(
                        p->stream, asio::buffer(*get),
                        [this, p, get](boost::system::error_code, std::size_t) { listen(p); });
                });
            });
    }

    void listen(Phone* p) {
        p->stream.async_read_some(asio::buffer(p->buffer),
                                  [this, p](boost::system::error_code ec, std::size_t n) {
                                      if (ec)
                                          return;
                                      p->events.append(p->buffer, n);
                                      std::size_t end;
                                      while ((end = p->events.find("\n\n")) != std::string::npos) {
                                          const std::string event = p->events.substr(0, end);
                                          p->events.erase(0, end + 2);
                                          if (event.find("data: ") != std::string::npos)
                                              on_state(*p, event);
                                      }
                                      listen(p);
                                  });
    }

    void on_state(Phone& p, const std::string& event) {
        if (++p.states == 1 && ++ready_ == phones_)
            all_ready_ns_ = now_ns();
        const auto r = event.find("\"round\":");
        if (r != std::string::npos)
            p.round = std::stoull(event.substr(r + 8));
        if (event.find("\"revealed\":true") != std::string::npos && p.revealed_ns == 0) {
            p.revealed_ns = now_ns();
        }
    }

    asio::io_context io_;
    tcp::endpoint server_;
    int phones_;
    std::string code_;
    bool spread_ = false;
    std::vector<std::unique_ptr<Phone>> crowd_;
    int ready_ = 0;
    long long all_ready_ns_ = 0;
};

// The server's side as a child process, talked to over two pipes.
struct Child {
    pid_t pid = -1;
    FILE* reports = nullptr;
    FILE* commands = nullptr;
    char line[128];

    // Line by line: a format ending in "\n" would wait for the next line to begin.
    bool report() { return std::fgets(line, sizeof line, reports) != nullptr; }
    void command(const char* text) {
        std::fprintf(commands, "%s\n", text);
        std::fflush(commands);
    }
};

Child start_child(const std::string& web_root, int phones) {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0)
        std::exit(1);
    Child child;
    child.pid = fork();
    if (child.pid == 0) {
        close(to_child[1]);
        close(from_child[0]);
        serve(to_child[0], from_child[1], web_root, phones);
    }
    close(to_child[0]);
    close(from_child[1]);
    child.reports = fdopen(from_child[0], "r");
    child.commands = fdopen(to_child[1], "w");
    return child;
}

}  // namespace

// The phones against the running app: join, then the app's CPU and memory.
int bench_app(int pid, unsigned port, const std::string& code, int phones) {
    const long rss_before = rss_kb(pid);
    Crowd crowd(port, phones, code, true);
    const double join_s = crowd.join();
    crowd.run_until([] { return false; }, 2);  // the app draws the joined count, then sleeps
    const long rss_after = rss_kb(pid);
    const long ticks_before = cpu_ticks(pid);
    crowd.run_until([] { return false; }, 10);
    const double idle_cpu = (cpu_ticks(pid) - ticks_before) * 100.0 / sysconf(_SC_CLK_TCK) / 10;
    std::printf(
        "{\"phones\":%d,\"join_s\":%.3f,\"app_idle_cpu_pct\":%.2f,"
        "\"app_kb_per_phone\":%.1f}\n",
        phones, join_s, idle_cpu, (rss_after - rss_before) / static_cast<double>(phones));
    return join_s < 0 ? 1 : 0;
}

int main(int argc, char** argv) {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    if (argc == 6 && std::string(argv[1]) == "--app") {
        return bench_app(std::atoi(argv[2]), static_cast<unsigned>(std::atoi(argv[3])), argv[4],
                         std::atoi(argv[5]));
    }
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: deliberate_phone_bench PHONES WEB_ROOT\n"
                     "       deliberate_phone_bench --app PID PORT CODE PHONES\n");
        return 2;
    }
    const int phones = std::atoi(argv[1]);
    Child child = start_child(argv[2], phones);
    unsigned port = 0;
    if (!child.report() || std::sscanf(child.line, "port %u", &port) != 1) {
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const long rss_before = rss_kb(child.pid);

    Crowd crowd(port, phones);
    const double join_s = crowd.join();
    crowd.run_until([] { return false; }, 0.5);
    const long rss_after = rss_kb(child.pid);

    // Idle: everyone connected, nothing happening.
    const long ticks_before = cpu_ticks(child.pid);
    crowd.run_until([] { return false; }, 5);
    const double idle_cpu =
        (cpu_ticks(child.pid) - ticks_before) * 100.0 / sysconf(_SC_CLK_TCK) / 5;

    // A round opens; each phone votes in turn and the console must see it.
    child.command("open");
    crowd.run_until([&] { return crowd.all([](const Phone& p) { return p.round != 0; }); }, 10);
    const auto vote_ms = crowd.vote_each([&](std::size_t ballots) {
        std::size_t count = 0;
        long long seen = 0;
        while (count < ballots && child.report() &&
               std::sscanf(child.line, "seen %zu %lld", &count, &seen) == 2) {
        }
        return seen;
    });

    // The reveal reaches every phone.
    const long long reveal_ns = now_ns();
    child.command("reveal");
    crowd.run_until([&] { return crowd.all([](const Phone& p) { return p.revealed_ns != 0; }); },
                    10);
    child.command("quit");
    int status = 0;
    waitpid(child.pid, &status, 0);
    std::printf(
        "{\"phones\":%d,\"join_s\":%.3f,\"vote_p99_ms\":%.2f,\"reveal_p99_ms\":%.2f,"
        "\"idle_cpu_pct\":%.2f,\"kb_per_phone\":%.1f}\n",
        phones, join_s, p99(vote_ms), p99(crowd.reveal_delays(reveal_ns)), idle_cpu,
        (rss_after - rss_before) / static_cast<double>(phones));
    return 0;
}
