// Files in folders a stranger may have filled: reading only regular files, and replacing
// derived files through a fresh temporary file rather than through whatever lies in the way.
#include "deliberate/support/safe_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace deliberate {

namespace fs = std::filesystem;

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// A renamed file's new name is only durable once its folder is synced too.
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool write_file_atomically(const fs::path& file, std::string_view bytes, std::string& error,
                           Durability durability) {
    const bool sync = durability == Durability::synced;
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    // mkostemp creates the file exclusively (O_CREAT|O_EXCL): a link or file planted under
    // any name we might pick is never opened, and two writers never share a temporary file.
    std::string temp = (folder / (file.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        error =
            file.string() + ": cannot create a temporary file beside it: " + std::strerror(errno);
        return false;
    }
    // Exports hold a group's notes: owner-only, whatever the umask.
    bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, bytes) && (!sync || ::fsync(fd) == 0);
    int failure = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        failure = errno;
    }
    if (ok && ::rename(temp.c_str(), file.c_str()) != 0) {
        ok = false;
        failure = errno;
    }
    if (!ok) {
        ::unlink(temp.c_str());
        error = file.string() + ": cannot write: " + std::strerror(failure) + "; left as it was";
        return false;
    }
    if (sync) {
        sync_folder(folder);
    }
    return true;
}

int open_regular_file(const fs::path& path, std::string& error, Links links) {
    if (path.native().find('\0') != std::string::npos) {
        error = "the name holds a NUL character";
        return -1;
    }
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer, forever.
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::refuse ? O_NOFOLLOW : 0);
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        error = errno == ELOOP && links == Links::refuse ? "is a symbolic link; not followed"
                                                         : std::strerror(errno);
        return -1;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        error = std::strerror(errno);
    } else if (S_ISDIR(info.st_mode)) {
        error = "is a folder, not a file";
    } else if (!S_ISREG(info.st_mode)) {
        error = "is not a regular file (a FIFO, device or socket); not read";
    } else if (::fcntl(fd, F_SETFL, 0) != 0) {
        error = std::strerror(errno);
    } else {
        return fd;
    }
    ::close(fd);
    return -1;
}

bool read_regular_file(const fs::path& path, std::string& bytes, std::string& error,
                       std::size_t max_bytes, Links links) {
    const int fd = open_regular_file(path, error, links);
    if (fd < 0) {
        return false;
    }
    bytes.clear();
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
        bytes.reserve(std::min<std::size_t>(static_cast<std::size_t>(info.st_size), max_bytes));
    }
    char buffer[65536];
    while (bytes.size() < max_bytes) {
        const std::size_t want = std::min(sizeof buffer, max_bytes - bytes.size());
        const ssize_t n = ::read(fd, buffer, want);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) {
            break;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return true;
}

bool make_private_folders(const fs::path& folder, std::string& error) {
    fs::path partial;
    for (const fs::path& part : folder) {
        partial /= part;
        if (part.empty() || part == "/") {
            continue;
        }
        // Created owner-only at once: no moment in which another user could enter it.
        if (::mkdir(partial.c_str(), 0700) == 0) {
            ::chmod(partial.c_str(), 0700);  // the umask may have taken the owner's bits
            continue;
        }
        const int failure = errno;
        struct stat info {};
        if (failure == EEXIST && ::stat(partial.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
            continue;
        }
        error = partial.string() + ": cannot make the folder: " +
                (failure == EEXIST ? "a file is in the way" : std::strerror(failure));
        return false;
    }
    return true;
}

}  // namespace deliberate
