// Writing extracts into the shared results folder, through the local outbox.
#include "deliberate/results/results_folder.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "deliberate/support/safe_file.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace {

std::string random_hex(int digits) {
    std::random_device device;
    static const char hex[] = "0123456789abcdef";
    std::string out;
    std::uint32_t bits = 0;
    for (int i = 0; i < digits; ++i) {
        if (i % 8 == 0) {
            bits = device();
        }
        out += hex[bits & 0xF];
        bits >>= 4;
    }
    return out;
}

// Renames without replacing: renameat2's RENAME_NOREPLACE where the file system has it, else
// a hard link (which fails on an existing name) and removing the temporary name; a network
// share with neither gets a plain rename under a name no one else can have chosen.
bool rename_no_replace(const fs::path& from, const fs::path& to, std::string& error) {
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
        return true;
    }
    if (errno == EEXIST) {
        error = to.string() + ": already exists";
        return false;
    }
#endif
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return true;
    }
    if (errno == EEXIST) {
        error = to.string() + ": already exists";
        return false;
    }
    if (::rename(from.c_str(), to.c_str()) == 0) {
        return true;
    }
    error = to.string() + ": " + std::strerror(errno);
    return false;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

fs::path resolve_results_folder(const std::string& flag, const std::string& setting) {
    if (!flag.empty()) {
        return flag;
    }
    if (const char* env = std::getenv("DELIBERATE_RESULTS"); env != nullptr && *env != '\0') {
        return env;
    }
    return setting;
}

std::string check_results_folder(const fs::path& folder) {
    std::error_code ec;
    const fs::file_status status = fs::status(folder, ec);
    if (ec || !fs::exists(status)) {
        return "missing";
    }
    if (!fs::is_directory(status)) {
        return "not_folder";
    }
    // Permissions alone can mislead on a network share: try it, as a writer would.
    const fs::path probe = folder / (".deliberate-check-" + random_hex(16));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return "not_writable";
    }
    ::close(fd);
    ::unlink(probe.c_str());
    return "";
}

std::string extract_file_name(const std::string& extract_id) {
    return extract_id + ".result.json";
}

bool write_new_file(const fs::path& folder, const std::string& name, const std::string& bytes,
                    std::string& error) {
    const fs::path temp = folder / ("." + name + "." + random_hex(8) + ".tmp");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = folder.string() + ": " + std::strerror(errno);
        return false;
    }
    const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        error = temp.string() + ": " + std::strerror(saved);
        ::unlink(temp.c_str());
        return false;
    }
    if (!rename_no_replace(temp, folder / name, error)) {
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

fs::path outbox_folder(const fs::path& data) {
    return data / "outbox";
}

ShareOutcome share_extract(const fs::path& data, const fs::path& results,
                           const ResultExtract& extract) {
    ShareOutcome out;
    const fs::path outbox = outbox_folder(data);
    std::error_code ec;
    fs::create_directories(outbox, ec);
    fs::permissions(outbox, fs::perms::owner_all, fs::perm_options::replace, ec);
    const std::string name = extract_file_name(extract.id);
    std::string error;
    if (!write_new_file(outbox, name, encode_extract(extract), error)) {
        throw std::runtime_error("cannot keep the extract in the outbox: " + error);
    }
    sync_folder(outbox);
    out.outbox_file = outbox / name;
    const int delivered = deliver_outbox(data, results, out.problem);
    out.delivered = delivered > 0 && !fs::exists(out.outbox_file, ec);
    return out;
}

int deliver_outbox(const fs::path& data, const fs::path& results, std::string& problem) {
    const fs::path outbox = outbox_folder(data);
    std::error_code ec;
    if (results.empty()) {
        problem = "no results folder is set";
        return 0;
    }
    if (!fs::is_directory(results, ec)) {
        problem = results.string() + ": cannot be reached";
        return 0;
    }
    std::vector<fs::path> sent;
    for (fs::directory_iterator it(outbox, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.' || it->path().extension() != ".json") {
            continue;
        }
        std::string error;
        if (fs::exists(results / name, ec) ||
            write_new_file(results, name, read_file(it->path()), error)) {
            sent.push_back(it->path());
        } else {
            problem = error;
        }
    }
    if (sent.empty()) {
        return 0;
    }
    // The outbox copy goes only once the folder's new names are on its disk.
    sync_folder(results);
    for (const fs::path& file : sent) {
        fs::remove(file, ec);
    }
    sync_folder(outbox);
    return static_cast<int>(sent.size());
}

}  // namespace deliberate
