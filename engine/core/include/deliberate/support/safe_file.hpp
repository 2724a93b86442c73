// Reading and writing files in folders a stranger may have filled: planted links, FIFOs and
// devices are refused rather than followed, and derived files are replaced atomically.
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace deliberate {

// Replaces `file` with `bytes`. They are written to a new file with a unique name in the same
// folder (created exclusively, never through a link), owner-only whatever the umask, synced,
// and renamed over `file`; a link at `file` is replaced, never written through. On any
// failure the temporary file is removed, `file` is left as it was, and `error` says why.
// Durability::none skips the syncs, for files a window writes between frames (screenshots,
// bench reports) where a stalled frame costs more than a file lost in a power cut.
enum class Durability { synced, none };
bool write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                           std::string& error, Durability durability = Durability::synced);

// How a file is opened for reading.
enum class Links { follow, refuse };

// Opens `path` for reading without blocking on a FIFO or device, and only when it is a
// regular file (and, with Links::refuse, not a symbolic link). Returns the descriptor
// (O_CLOEXEC, blocking again), or -1 with `error` saying why.
int open_regular_file(const std::filesystem::path& path, std::string& error,
                      Links links = Links::follow);

// Reads at most `max_bytes` of the regular file `path` into `bytes`, as open_regular_file
// opens it. False with `error` set when it cannot.
bool read_regular_file(const std::filesystem::path& path, std::string& bytes, std::string& error,
                       std::size_t max_bytes = std::numeric_limits<std::size_t>::max(),
                       Links links = Links::follow);

// Writes all of `bytes` to `fd`, going on after partial writes and interruptions; false on
// an error (errno says which).
bool write_all(int fd, std::string_view bytes);
// A new or renamed file's name is only durable once its folder is synced too.
void sync_folder(const std::filesystem::path& folder);

// Creates `folder` and any missing parents, each owner-only (0700) from the moment it
// exists. Folders that exist already are left as they are. False with `error` set.
bool make_private_folders(const std::filesystem::path& folder, std::string& error);

}  // namespace deliberate
