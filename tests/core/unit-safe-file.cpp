// Safe files: atomic replacement through a fresh temporary file (never through a planted
// link, never leaving a partial file), reading only regular files, owner-only folders.
#include "deliberate/support/safe_file.hpp"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>

#include "journal_support.hpp"

using namespace deliberate;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::lstat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// The names in `dir`, to show that no temporary file was left behind.
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("a file is replaced whole and owner-only, never through a planted link") {
    test::TempDir dir;
    test::write_bytes(dir / "target", "keep me\n");
    fs::create_symlink(dir / "target", dir / "out.csv");
    fs::create_symlink(dir / "target", dir / "out.csv.tmp");
    const mode_t old = ::umask(0);
    std::string error;
    const bool written = write_file_atomically(dir / "out.csv", "a,b\n", error);
    ::umask(old);
    REQUIRE_MESSAGE(written, error);
    CHECK(test::read_bytes(dir / "target") == "keep me\n");
    CHECK_FALSE(fs::is_symlink(dir / "out.csv"));
    CHECK(test::read_bytes(dir / "out.csv") == "a,b\n");
    CHECK(mode_of(dir / "out.csv") == 0600);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"out.csv", "out.csv.tmp", "target"});
}

TEST_CASE("a write that fails leaves the old file and no temporary file") {
    test::TempDir dir;
    std::string error;
    SUBCASE("the name is taken by a folder") {
        fs::create_directories(dir / "out.html" / "inside");
        CHECK_FALSE(write_file_atomically(dir / "out.html", "<p>", error));
        CHECK(error.find("out.html: cannot write") != std::string::npos);
        CHECK(names_in(dir.path()) == std::vector<std::string>{"out.html"});
    }
    SUBCASE("the disk fills up halfway") {
        test::write_bytes(dir / "out.html", "earlier\n");
        // A file size limit makes write() fail with EFBIG part way, even for root.
        struct sigaction ignore {
        }, saved{};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGXFSZ, &ignore, &saved);
        struct rlimit limit {
        }, before{};
        ::getrlimit(RLIMIT_FSIZE, &before);
        limit = before;
        limit.rlim_cur = 4096;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const bool written =
            write_file_atomically(dir / "out.html", std::string(10000, 'x'), error);
        ::setrlimit(RLIMIT_FSIZE, &before);
        ::sigaction(SIGXFSZ, &saved, nullptr);
        CHECK_FALSE(written);
        CHECK(error.find("File too large") != std::string::npos);
        CHECK(test::read_bytes(dir / "out.html") == "earlier\n");
        CHECK(names_in(dir.path()) == std::vector<std::string>{"out.html"});
    }
    SUBCASE("the folder does not exist") {
        CHECK_FALSE(write_file_atomically(dir / "no" / "out.csv", "x", error));
        CHECK(error.find("cannot create a temporary file") != std::string::npos);
    }
}

TEST_CASE("only regular files are read, and a FIFO does not make the reader wait") {
    test::TempDir dir;
    std::string bytes, error;
    test::write_bytes(dir / "plain.json", "{\"a\": 1}\n");
    CHECK(read_regular_file(dir / "plain.json", bytes, error));
    CHECK(bytes == "{\"a\": 1}\n");
    CHECK(read_regular_file(dir / "plain.json", bytes, error, 4));
    CHECK(bytes == "{\"a\"");
    REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0600) == 0);
    CHECK_FALSE(read_regular_file(dir / "pipe.json", bytes, error));
    CHECK(error == "is not a regular file (a FIFO, device or socket); not read");
    CHECK_FALSE(read_regular_file(dir.path(), bytes, error));
    CHECK(error == "is a folder, not a file");
    CHECK_FALSE(read_regular_file("/dev/zero", bytes, error));
    fs::create_symlink(dir / "plain.json", dir / "link.json");
    CHECK(read_regular_file(dir / "link.json", bytes, error));
    CHECK_FALSE(read_regular_file(dir / "link.json", bytes, error, 100, Links::refuse));
    CHECK(error == "is a symbolic link; not followed");
    CHECK_FALSE(read_regular_file(std::string("plain.json\0x", 12), bytes, error));
    CHECK(error == "the name holds a NUL character");
}

TEST_CASE("folders are made owner-only at every level, whatever the umask") {
    test::TempDir dir;
    std::string error;
    const mode_t old = ::umask(0);
    const bool made = make_private_folders(dir / "a" / "b" / "c", error);
    ::umask(old);
    REQUIRE_MESSAGE(made, error);
    CHECK(mode_of(dir / "a") == 0700);
    CHECK(mode_of(dir / "a" / "b") == 0700);
    CHECK(mode_of(dir / "a" / "b" / "c") == 0700);
    ::chmod((dir / "a").c_str(), 0755);
    CHECK(make_private_folders(dir / "a" / "b", error));
    CHECK(mode_of(dir / "a") == 0755);  // one that exists is left as it is
    test::write_bytes(dir / "file", "x");
    CHECK_FALSE(make_private_folders(dir / "file" / "d", error));
    CHECK(error.find("a file is in the way") != std::string::npos);
}
