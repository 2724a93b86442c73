// The file watcher on Linux's inotify, watching the folder rather than the file: a rename
// over the file replaces its inode, which a watch on the file itself would lose.
#include "deliberate/support/file_watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace deliberate {

namespace {

// Reads the pending events; true when one names `name`.
bool drain_events(int inotify, const std::string& name) {
    alignas(inotify_event) char buffer[4096];
    bool hit = false;
    for (;;) {
        const ssize_t got = read(inotify, buffer, sizeof buffer);
        if (got <= 0) {
            return hit;
        }
        for (ssize_t at = 0; at < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->len > 0 && name == event->name) {
                hit = true;
            }
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

}  // namespace

FileWatcher::FileWatcher(std::filesystem::path file, std::function<void()> wake,
                         std::chrono::milliseconds debounce)
    : file_(std::move(file)), wake_(std::move(wake)), debounce_(debounce) {
    const int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify < 0) {
        return;
    }
    std::filesystem::path folder = file_.parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    int pipe_ends[2];
    if (inotify_add_watch(inotify, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0 ||
        pipe2(pipe_ends, O_CLOEXEC) != 0) {
        close(inotify);
        return;
    }
    stop_write_ = pipe_ends[1];
    watching_ = true;
    thread_ = std::thread([this, inotify, stop = pipe_ends[0]] { watch(inotify, stop); });
}

FileWatcher::~FileWatcher() {
    if (thread_.joinable()) {
        const char byte = 0;
        (void)!write(stop_write_, &byte, 1);
        thread_.join();
    }
    if (stop_write_ >= 0) {
        close(stop_write_);
    }
}

// Waits for a save, then for `debounce_` without another one, then tells the caller.
void FileWatcher::watch(int inotify, int stop) {
    const std::string name = file_.filename().string();
    bool pending = false;
    for (;;) {
        pollfd fds[2] = {{inotify, POLLIN, 0}, {stop, POLLIN, 0}};
        const int timeout = pending ? static_cast<int>(debounce_.count()) : -1;
        const int ready = poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR) {
            break;
        }
        if ((fds[1].revents & POLLIN) != 0) {
            break;
        }
        if (ready > 0 && (fds[0].revents & POLLIN) != 0) {
            pending = drain_events(inotify, name) || pending;
            continue;
        }
        if (ready == 0 && pending) {
            pending = false;
            changed_ = true;
            if (wake_) {
                wake_();
            }
        }
    }
    close(inotify);
    close(stop);
}

}  // namespace deliberate
