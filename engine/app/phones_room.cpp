// Starting the phones' server for a workshop or an own case, and making the views' link.
#include "phones_room.hpp"

#include <GLFW/glfw3.h>

#include <atomic>
#include <stdexcept>

#include "deliberate/net/phone_server.hpp"

namespace deliberate::app {

std::optional<ui::PhoneLink> start_phones(const DesktopOptions& options,
                                          const LoadOptions& resources,
                                          std::shared_ptr<std::atomic<bool>> woken,
                                          const std::string& language, std::string& error) {
    auto box = std::make_shared<BallotBox>();
    PhoneServerOptions server_options;
    server_options.bind = options.phones_bind;
    server_options.port = static_cast<std::uint16_t>(options.phones_port);
    server_options.web_root = resources.assets_dir / "web";
    server_options.room_code = options.phones_code;
    server_options.language = language;
    // The window sleeps until something happens; a phone's answer is something.
    server_options.on_change = [woken] {
        woken->store(true);
        glfwPostEmptyEvent();
    };
    std::shared_ptr<PhoneServer> server;
    try {
        server = std::make_shared<PhoneServer>(*box, server_options);
    } catch (const std::exception& e) {
        error = std::string("--phones: ") + e.what();
        return std::nullopt;
    }
    std::string host = options.phones_bind;
    if (host == "0.0.0.0") {
        const auto addresses = local_addresses();
        host = addresses.empty() ? "127.0.0.1" : addresses.front();
    }
    ui::PhoneLink link;
    link.box = box;
    link.address = "http://" + host + ":" + std::to_string(server->port());
    link.room_code = server->room_code();
    link.join_url = link.address + "/?code=" + link.room_code;
    link.listening = options.phones_bind + ":" + std::to_string(server->port());
    // The server goes before the box it serves: the deleter keeps the box alive until then.
    link.server = std::shared_ptr<void>(server.get(), [server, box](void*) mutable {
        server.reset();
        box.reset();
    });
    return link;
}

}  // namespace deliberate::app
