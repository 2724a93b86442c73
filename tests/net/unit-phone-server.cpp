// The phones' server on 127.0.0.1: joining with and without the room code, voting, changing a
// vote, a closed round, the reveal pushed to the phones, oversized and malformed bodies, a
// flood from one device, the page and its security headers, and the end of the session.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>

#include "deliberate/net/phone_server.hpp"
#include "http_client.hpp"

using namespace deliberate;
using deliberate::test::http;

namespace {

PhoneServerOptions options() {
    PhoneServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.web_root = DELIBERATE_WEB_ROOT;
    o.room_code = "K7PX2M";
    o.read_timeout_s = 2;
    o.address_requests_per_s = 1000;
    o.address_burst = 1000;
    return o;
}

PhoneQuestion vote_question() {
    PhoneQuestion q;
    q.key = "gift/vote-first";
    q.kind = "choice";
    q.title.set("en", "The gift");
    q.prompt.set("en", "Keep it or <b>return</b> it?");
    q.choices.push_back({"keep", {}, false});
    q.choices.push_back({"return", {}, false});
    return q;
}

std::string join(std::uint16_t port) {
    const auto reply = http(port, "POST", "/api/join", R"({"code":"k7px2m"})");
    REQUIRE(reply.status == 200);
    return deliberate::test::json_string(reply.body, "token");
}

std::string ballot(const std::string& token, std::uint64_t round, const std::string& pick) {
    return R"({"token":")" + token + R"(","round":)" + std::to_string(round) + R"(,"picks":[")" +
           pick + R"("]})";
}

}  // namespace

TEST_CASE("joining needs the room code; a joined device votes, changes its vote, the last counts") {
    BallotBox box;
    PhoneServer server(box, options());
    const auto port = server.port();
    CHECK(server.room_code() == "K7PX2M");
    CHECK(http(port, "POST", "/api/join", R"({"code":"WRONG1"})").status == 403);
    CHECK(http(port, "POST", "/api/join", R"({})").status == 400);
    const std::string token = join(port);
    CHECK(token.size() == 32);
    CHECK(box.snapshot()->joined == 1);

    box.open(vote_question());
    const auto round = box.snapshot()->round;
    CHECK(http(port, "POST", "/api/ballot", ballot("not-a-device", round, "keep")).status == 401);
    CHECK(http(port, "POST", "/api/ballot", ballot(token, round + 7, "keep")).status == 409);
    CHECK(http(port, "POST", "/api/ballot", ballot(token, round, "sell")).status == 422);
    CHECK(http(port, "POST", "/api/ballot", ballot(token, round, "keep")).status == 200);
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{1, 0});
    const auto changed = http(port, "POST", "/api/ballot", ballot(token, round, "return"));
    CHECK(changed.status == 200);
    CHECK(changed.body == R"({"result":"accepted"})");
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{0, 1});

    box.close();
    const auto late = http(port, "POST", "/api/ballot", ballot(token, round, "keep"));
    CHECK(late.status == 409);
    CHECK(late.body == R"({"result":"closed"})");
    CHECK(box.snapshot()->tally.per_choice == std::vector<int>{0, 1});
}

TEST_CASE("a phone's stream gets the question, its own ballot on reconnect, and the reveal") {
    BallotBox box;
    PhoneServer server(box, options());
    const auto port = server.port();
    const std::string token = join(port);
    box.open(vote_question());
    const auto round = box.snapshot()->round;
    {
        deliberate::test::EventReader stream(port, token);
        const std::string first = stream.next();
        CHECK(stream.head().find("text/event-stream") != std::string::npos);
        CHECK(first.find(R"("kind":"choice")") != std::string::npos);
        CHECK(first.find("Keep it or <b>return</b> it?") != std::string::npos);
        CHECK(first.find("mine") == std::string::npos);
        REQUIRE(http(port, "POST", "/api/ballot", ballot(token, round, "keep")).status == 200);
    }
    deliberate::test::EventReader again(port, token);
    const std::string reconnected = again.next();
    CHECK(reconnected.find(R"("mine":{"picks":["keep"])") != std::string::npos);
    CHECK(reconnected.find("result") == std::string::npos);  // nothing before the reveal
    box.reveal();
    const std::string revealed = again.next();
    CHECK(revealed.find(R"("revealed":true)") != std::string::npos);
    CHECK(revealed.find(R"("per_choice":[1,0])") != std::string::npos);
    CHECK(server.connected() == 1);

    deliberate::test::EventReader stranger(port, "no-such-device");
    CHECK(stranger.next().empty());
    CHECK(stranger.head().rfind("HTTP/1.1 401", 0) == 0);
}

TEST_CASE("oversized, malformed and strange bodies are refused; the server goes on") {
    BallotBox box;
    PhoneServer server(box, options());
    const auto port = server.port();
    const std::string token = join(port);
    box.open(vote_question());
    const auto round = box.snapshot()->round;
    const std::string huge = R"({"code":")" + std::string(10000, 'A') + R"("})";
    CHECK(http(port, "POST", "/api/join", huge).status == 413);
    for (const char* body :
         {"", "not json", "[1,2]", R"({"code":"K7PX2M"} trailing)", R"({"code":5})",
          R"({"code":"K7PX2M","code":"K7PX2M"})", R"({"code":"K7PX2M","admin":true})",
          R"({"code":"\ud800"})", "{\"code\":\"\xff\xfe\"}"}) {
        CAPTURE(body);
        CHECK(http(port, "POST", "/api/join", body).status == 400);
    }
    const std::string deep = R"({"token":")" + token + R"(","round":)" + std::to_string(round) +
                             R"(,"picks":[[["keep"]]]})";
    CHECK(http(port, "POST", "/api/ballot", deep).status == 400);
    CHECK(http(port, "POST", "/api/ballot",
               R"({"token":")" + token + R"(","round":-1,"picks":["keep"]})")
              .status == 400);
    CHECK(deliberate::test::send_raw(port, "HELLO\r\n\r\n").status == 0);
    CHECK(http(port, "DELETE", "/api/ballot").status == 405);
    CHECK(http(port, "POST", "/api/ballot", ballot(token, round, "keep")).status == 200);
}

TEST_CASE("the page comes from assets/web only, with a strict content security policy") {
    BallotBox box;
    PhoneServer server(box, options());
    const auto port = server.port();
    const auto index = http(port, "GET", "/");
    REQUIRE(index.status == 200);
    CHECK(index.body.find("page.js") != std::string::npos);
    CHECK(index.head.find("Content-Security-Policy: default-src 'none'; script-src 'self'") !=
          std::string::npos);
    CHECK(index.head.find("X-Content-Type-Options: nosniff") != std::string::npos);
    CHECK(index.head.find("X-Frame-Options: DENY") != std::string::npos);
    CHECK(http(port, "GET", "/page.js").status == 200);
    for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/README.md", "/..%2fREADME.md",
                             "//etc/passwd", "/index.html/", "/missing.js"}) {
        CAPTURE(path);
        CHECK(http(port, "GET", path).status == 404);
    }
}

TEST_CASE("a flood from one device is slowed down without stopping the others") {
    BallotBox box;
    PhoneServer server(box, options());
    const auto port = server.port();
    const std::string flooder = join(port);
    const std::string quiet = join(port);
    box.open(vote_question());
    const auto round = box.snapshot()->round;
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        const int status =
            http(port, "POST", "/api/ballot", ballot(flooder, round, i % 2 ? "keep" : "return"))
                .status;
        refused += status == 429 ? 1 : 0;
    }
    CHECK(refused >= 30);
    CHECK(http(port, "POST", "/api/ballot", ballot(quiet, round, "keep")).status == 200);
    CHECK(box.snapshot()->tally.ballots == 2);
}

TEST_CASE("too many requests from one address are refused") {
    BallotBox box;
    PhoneServerOptions o = options();
    o.address_requests_per_s = 1;
    o.address_burst = 5;
    PhoneServer server(box, o);
    int refused = 0;
    for (int i = 0; i < 12; ++i) {
        refused += http(server.port(), "GET", "/").status == 429 ? 1 : 0;
    }
    CHECK(refused >= 6);
}

TEST_CASE("a connection that sends nothing is closed after the read timeout") {
    BallotBox box;
    PhoneServer server(box, options());  // read timeout: 2 s
    const int fd = deliberate::test::connect_local(server.port(), 6000);
    REQUIRE(fd >= 0);
    const auto before = std::chrono::steady_clock::now();
    char byte = 0;
    CHECK(::recv(fd, &byte, 1, 0) == 0);  // closed by the server, not by our own timeout
    const auto waited = std::chrono::steady_clock::now() - before;
    CHECK(waited >= std::chrono::milliseconds(1500));
    CHECK(waited < std::chrono::milliseconds(5000));
    ::close(fd);
}

TEST_CASE("when the workshop ends, the phones are told and the server stops") {
    BallotBox box;
    auto server = std::make_unique<PhoneServer>(box, options());
    const auto port = server->port();
    const std::string token = join(port);
    deliberate::test::EventReader stream(port, token);
    CHECK(stream.next().find(R"("open":false)") != std::string::npos);
    server->stop();
    CHECK(stream.next().find(R"("ended":true)") != std::string::npos);
    CHECK(stream.next().empty());
    server.reset();
    CHECK(http(port, "GET", "/").status == 0);
}

TEST_CASE("a port in use is a sentence for the trainer") {
    BallotBox box;
    PhoneServer first(box, options());
    PhoneServerOptions o = options();
    o.port = first.port();
    CHECK_THROWS_WITH_AS(PhoneServer(box, o), doctest::Contains("choose another with --port"),
                         std::runtime_error);
    o.bind = "not-an-address";
    CHECK_THROWS_AS(PhoneServer(box, o), std::runtime_error);
}
