// Watches one file for saves, as editors make them: written in place, or written beside it
// and renamed over it. A thread of its own waits on the kernel, so the caller never waits on
// the disk: it asks each frame whether a save happened, and is woken when one does.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

namespace deliberate {

class FileWatcher {
  public:
    // Watches `file`'s folder; `wake` is called from the watcher's thread after each save,
    // once the file has been quiet for `debounce` (an editor may write in several steps).
    FileWatcher(std::filesystem::path file, std::function<void()> wake,
                std::chrono::milliseconds debounce = std::chrono::milliseconds(50));
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // False when the folder cannot be watched (no inotify, no folder).
    bool watching() const { return watching_; }
    // True once after each (debounced) save.
    bool take_change() { return changed_.exchange(false); }

  private:
    void watch(int inotify, int stop);

    std::filesystem::path file_;
    std::function<void()> wake_;
    std::chrono::milliseconds debounce_;
    std::atomic<bool> changed_{false};
    bool watching_ = false;
    int stop_write_ = -1;  // writing here ends the thread
    std::thread thread_;
};

}  // namespace deliberate
