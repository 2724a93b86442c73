// A room for the browser test: the real phones' server on 127.0.0.1 over a ballot box that
// this program drives from its standard input, one command a line, as a trainer would:
//   vote | step | close | reveal | show-texts | end
// It prints "url URL" (what the QR code would hold) first and "ok COMMAND" after each.
#include <cstdio>
#include <iostream>
#include <string>

#include "deliberate/net/phone_server.hpp"

using namespace deliberate;

namespace {

LocalisedText both(const char* nl, const char* en) {
    LocalisedText text;
    text.set("nl", nl);
    text.set("en", en);
    return text;
}

PhoneQuestion vote() {
    PhoneQuestion q;
    q.key = "gift/vote-final";
    q.kind = "choice";
    q.title = both("Het kerstpakket", "The Christmas hamper");
    q.prompt = both("Wat doe je met het pakket?", "What do you do with the hamper?");
    q.choices = {
        {"keep", both("Houden", "Keep it"), false},
        {"return", both("Terugsturen", "Send it back"), false},
        {"report", both("Melden bij je leidinggevende", "Report it to your manager"), false}};
    return q;
}

PhoneQuestion step() {
    PhoneQuestion q;
    q.key = "gift/step-stakeholders";
    q.kind = "multiselect";
    q.title = both("Belanghebbenden", "Stakeholders");
    q.prompt = both("Wie hebben hier belang bij?", "Who has a stake in this?");
    q.choices = {{"you", both("Jij", "You"), false},
                 {"supplier", both("De leverancier", "The supplier"), true},
                 {"bidders", both("Andere inschrijvers", "Other bidders"), true}};
    return q;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: phone_room WEB_ROOT\n");
        return 2;
    }
    BallotBox box;
    PhoneServerOptions options;
    options.bind = "127.0.0.1";
    options.port = 0;
    options.web_root = argv[1];
    options.language = "nl";
    // Three browsers on one address load the page and its files: more than one phone would.
    options.address_requests_per_s = 200;
    options.address_burst = 400;
    options.max_streams_per_address = 32;
    PhoneServer server(box, options);
    std::printf("url http://127.0.0.1:%u/?code=%s\n", server.port(), server.room_code().c_str());
    std::fflush(stdout);
    std::string command;
    while (std::getline(std::cin, command)) {
        if (command == "vote") {
            box.open(vote());
        } else if (command == "step") {
            box.open(step());
        } else if (command == "close") {
            box.close();
        } else if (command == "reveal") {
            box.reveal();
        } else if (command == "show-texts") {
            for (const TextEntry& entry : box.snapshot()->tally.texts)
                box.show_text(entry.id);
        } else if (command == "tally") {
            const auto snap = box.snapshot();
            std::printf("tally %zu", snap->tally.ballots);
            for (const int n : snap->tally.per_choice)
                std::printf(" %d", n);
            std::printf("\n");
        } else if (command == "end") {
            server.stop();
        } else {
            break;
        }
        std::printf("ok %s\n", command.c_str());
        std::fflush(stdout);
    }
    return 0;
}
