// Journal files on disk: durable appends (write, then fdatasync) and reading them back with
// every damaged line accounted for.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>

#include "deliberate/journal/journal.hpp"
#include "deliberate/support/safe_file.hpp"
#include "journal/journal_codec.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace {

std::string system_error(const fs::path& path, const char* what) {
    return path.string() + ": " + what + ": " + std::strerror(errno);
}

// Holds the journal's write lock for as long as `fd` is open. An open-file-description lock
// belongs to this descriptor alone, so it also keeps out a second writer in this process.
void lock_for_writing(int fd, const fs::path& path) {
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    int result = ::fcntl(fd, F_OFD_SETLK, &lock);
    if (result != 0 && errno == EINVAL) {
        result = ::flock(fd, LOCK_EX | LOCK_NB);  // a kernel without OFD locks
    }
    if (result == 0) {
        return;
    }
    if (errno == EAGAIN || errno == EACCES || errno == EWOULDBLOCK) {
        throw JournalError(path.string() +
                           ": in use by another Deliberate, which is recording into it; "
                           "nothing was written (finish or stop that session first)");
    }
    // A file system without locks (ENOLCK: some network ones): recording matters more than
    // the guard, which then rests on not resuming one journal twice.
}

// Opens the file that keeps a torn end, never through a link or into a file with other names.
int open_cut_file(const fs::path& cut_path) {
    const int cut =
        ::open(cut_path.c_str(),
               O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (cut < 0 && errno == ELOOP) {
        throw JournalError(cut_path.string() +
                           " is a symbolic link; not followed, and the journal is left as it "
                           "was (remove the link, then resume)");
    }
    if (cut < 0) {
        throw JournalError(system_error(cut_path, "cannot keep the torn end of the journal"));
    }
    struct stat info {};
    if (::fstat(cut, &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink != 1) {
        ::close(cut);
        throw JournalError(cut_path.string() +
                           " is not a plain file of its own (a FIFO, device or hard link); "
                           "the journal is left as it was (remove it, then resume)");
    }
    return cut;
}

}  // namespace

std::string journal_time_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(millis));
    return text;
}

std::string new_participant_id() {
    std::random_device device;
    char id[16];
    std::snprintf(id, sizeof id, "p-%08x", static_cast<unsigned>(device()));
    return id;
}

JournalScan scan_journal_bytes(std::string_view bytes) {
    JournalScan scan;
    scan.file_bytes = bytes.size();
    // Lines whose bytes fail their checksum: a torn end when nothing intact follows them.
    std::vector<JournalDamage> unreadable;
    std::size_t last_good_line = 0;
    std::uint64_t last_good_seq = 0;
    std::uint64_t after_last_good = 0;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < bytes.size();) {
        ++line_number;
        const std::size_t end = bytes.find('\n', start);
        const bool terminated = end != std::string_view::npos;
        const std::size_t stop = terminated ? end : bytes.size();
        const std::string_view line = bytes.substr(start, stop - start);
        DecodedLine decoded = decode_journal_line(line);
        std::string reason = std::move(decoded.reason);
        if (reason.empty() && !terminated) {
            reason = "the line has no end: it was cut off while being written";
        }
        if (reason.empty() && line_number == 1 && !decoded.header) {
            reason = "the first line is not a journal header";
        }
        if (reason.empty() && line_number > 1 && decoded.header) {
            reason = "a second header";
        }
        if (!reason.empty()) {
            unreadable.push_back({line_number, start, line.size(), std::move(reason)});
            start = terminated ? end + 1 : bytes.size();
            continue;
        }
        // Sequence numbers count lines: one that is off shows events missing or moved, which
        // is damage in the middle even though this line itself is intact.
        const std::uint64_t expected =
            last_good_line == 0 ? line_number - 1 : last_good_seq + (line_number - last_good_line);
        if (decoded.seq != expected) {
            scan.damage.push_back({line_number, start, line.size(),
                                   "sequence number " + std::to_string(decoded.seq) + " where " +
                                       std::to_string(expected) +
                                       " was expected: events are missing or out of order"});
        }
        if (decoded.header) {
            scan.header = std::move(decoded.header);
        } else {
            scan.events.push_back(std::move(*decoded.event));
            scan.event_lines.push_back(line_number);
        }
        last_good_line = line_number;
        last_good_seq = decoded.seq;
        after_last_good = end + 1;
        start = end + 1;
    }
    for (JournalDamage& d : unreadable) {
        if (d.line < last_good_line) {
            scan.damage.push_back(std::move(d));
        } else if (!scan.torn_tail) {
            scan.torn_tail = std::move(d);
            scan.torn_tail->length = bytes.size() - scan.torn_tail->offset;
        }
    }
    std::sort(scan.damage.begin(), scan.damage.end(),
              [](const JournalDamage& a, const JournalDamage& b) { return a.line < b.line; });
    scan.intact_bytes = after_last_good;
    return scan;
}

JournalScan scan_journal(const fs::path& path) {
    std::string bytes;
    std::string error;
    if (!read_regular_file(path, bytes, error)) {
        JournalScan scan;
        scan.error = std::move(error);
        return scan;
    }
    return scan_journal_bytes(bytes);
}

bool starts_with_journal_header(const fs::path& path) {
    // A header is one line of a few hundred bytes; a megabyte leaves room for long names.
    std::string bytes;
    std::string error;
    if (!read_regular_file(path, bytes, error, 1u << 20)) {
        return false;
    }
    const std::string_view first = std::string_view(bytes).substr(0, bytes.find('\n'));
    return decode_journal_line(first).header.has_value();
}

JournalWriter::JournalWriter(fs::path path, int fd, std::uint64_t next_seq, std::uint64_t size)
    : path_(std::move(path)), fd_(fd), next_seq_(next_seq), size_(size) {}

JournalWriter::JournalWriter(JournalWriter&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      next_seq_(other.next_seq_),
      size_(other.size_),
      last_(std::move(other.last_)) {}

JournalWriter& JournalWriter::operator=(JournalWriter&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
        next_seq_ = other.next_seq_;
        size_ = other.size_;
        last_ = std::move(other.last_);
    }
    return *this;
}

JournalWriter::~JournalWriter() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

JournalWriter JournalWriter::create(const fs::path& path, JournalHeader header) {
    // The header is written and synced under a temporary name, then linked into place: a
    // journal either does not exist or begins with a whole header, even after a crash here.
    // link() also refuses to replace a journal that exists.
    std::string temp = path.string() + ".new-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_APPEND | O_CLOEXEC);
    if (fd < 0) {
        throw JournalError(system_error(path, "cannot create the journal"));
    }
    // mkostemp makes the file owner-only already; this holds whatever the umask.
    ::fchmod(fd, 0600);
    JournalWriter writer(path, fd, 1, 0);
    try {
        // Locked before it has its name, so no other writer can come between.
        lock_for_writing(fd, path);
    } catch (const JournalError&) {
        ::unlink(temp.c_str());
        throw;
    }
    if (header.time.empty()) {
        header.time = journal_time_now();
    }
    try {
        writer.write_line(encode_journal_header(header));
    } catch (const JournalError&) {
        ::unlink(temp.c_str());
        throw;
    }
    if (::link(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        errno = error;
        throw JournalError(error == EEXIST
                               ? path.string() + ": a journal by that name exists already"
                               : system_error(path, "cannot create the journal"));
    }
    ::unlink(temp.c_str());
    sync_folder(path.has_parent_path() ? path.parent_path() : fs::path("."));
    return writer;
}

void require_resumable(const fs::path& path, const JournalScan& scan) {
    if (!scan.readable()) {
        throw JournalError(path.string() + ": cannot read the journal: " + scan.error);
    }
    if (!scan.damage.empty()) {
        const JournalDamage& first = scan.damage.front();
        throw JournalError(path.string() + ": line " + std::to_string(first.line) +
                           " is damaged (" + first.reason + ") and intact events follow it; " +
                           "not resumed and nothing changed (see `deliberate journal check`)");
    }
    if (!scan.header) {
        throw JournalError(path.string() + ": no intact journal header; not resumed");
    }
}

JournalWriter JournalWriter::reopen(const fs::path& path, const JournalScan& scan) {
    require_resumable(path, scan);
    // Not through a link: appending there would write into whatever file it names.
    const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ELOOP) {
        throw JournalError(path.string() +
                           " is a symbolic link; not resumed, since recording would write into "
                           "the file it names (resume that file itself if it is a journal)");
    }
    if (fd < 0) {
        throw JournalError(system_error(path, "cannot open the journal"));
    }
    JournalWriter writer(path, fd, scan.events.size() + 1, scan.intact_bytes);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        throw JournalError(path.string() + ": not a regular file; not resumed");
    }
    lock_for_writing(fd, path);
    if (::fcntl(fd, F_SETFL, O_APPEND) != 0 || ::fstat(fd, &info) != 0 ||
        static_cast<std::uint64_t>(info.st_size) != scan.file_bytes) {
        throw JournalError(path.string() + ": the journal changed while it was being opened");
    }
    if ((info.st_mode & 077) != 0) {
        ::fchmod(fd, 0600);
    }
    if (scan.torn_tail) {
        // Keep the cut bytes beside the journal before removing them from it.
        std::string tail(scan.torn_tail->length, '\0');
        const ssize_t got =
            ::pread(fd, tail.data(), tail.size(), static_cast<off_t>(scan.torn_tail->offset));
        if (got != static_cast<ssize_t>(tail.size())) {
            throw JournalError(system_error(path, "cannot read the torn end of the journal"));
        }
        fs::path cut_path = path;
        cut_path += ".cut";
        const int cut = open_cut_file(cut_path);
        if (tail.back() != '\n') {
            tail += '\n';
        }
        const bool kept = write_all(cut, tail) && ::fsync(cut) == 0;
        ::close(cut);
        if (!kept) {
            throw JournalError(system_error(cut_path, "cannot keep the torn end of the journal"));
        }
        if (::ftruncate(fd, static_cast<off_t>(scan.intact_bytes)) != 0 || ::fsync(fd) != 0) {
            throw JournalError(system_error(path, "cannot cut off the torn end"));
        }
    }
    return writer;
}

void JournalWriter::write_line(std::string line) {
    line += '\n';
    if (!write_all(fd_, line)) {
        const std::string message = system_error(path_, "cannot record");
        // Take back a partly written line so the file still ends at the last whole event.
        if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
            // Nothing more to do: a reader cuts the torn line off.
        }
        throw JournalError(message);
    }
    if (::fdatasync(fd_) != 0) {
        throw JournalError(system_error(path_, "cannot sync the journal to disk"));
    }
    size_ += line.size();
}

const JournalEvent& JournalWriter::append(JournalEvent event) {
    event.seq = next_seq_;
    event.time = journal_time_now();
    write_line(encode_journal_event(event));
    ++next_seq_;
    last_ = std::move(event);
    return last_;
}

}  // namespace deliberate
