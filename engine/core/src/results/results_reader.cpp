// Reading the results folder through its SQLite cache.
#include "deliberate/results/results_reader.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "deliberate/journal/checksum.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace {

// Bumped whenever what the cache holds changes meaning; an older cache is started again.
constexpr const char* cache_schema = "results-cache-1";
// An extract is a few kilobytes; anything far larger is not one.
constexpr off_t max_extract_bytes = 1 << 20;

struct FileStamp {
    long long size = 0;
    long long mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

struct FolderEntry {
    std::string name;
    FileStamp stamp;
};

// The plain files of the folder, leaving out names starting with a dot: those are writes in
// progress (and the system's own).
bool list_folder(const fs::path& folder, std::vector<FolderEntry>& out, std::string& problem) {
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) {
        problem = folder.string() + ": cannot be read";
        return false;
    }
    const int dfd = ::dirfd(dir);
    while (const dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        struct stat st {};
        if (::fstatat(dfd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
            continue;
        }
        out.push_back(
            {entry->d_name,
             {static_cast<long long>(st.st_size),
              static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec}});
    }
    ::closedir(dir);
    return true;
}

bool read_small_file(const fs::path& path, std::string& bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return false;
    }
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0 && st.st_size <= max_extract_bytes;
    if (ok) {
        bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) {
                break;
            }
            done += static_cast<std::size_t>(n);
        }
        bytes.resize(done);
    }
    ::close(fd);
    return ok;
}

// A thin hold on one SQLite connection; every failure leaves `ok` false and the read goes on
// without the cache.
class Cache {
  public:
    explicit Cache(const fs::path& file) {
        if (file.empty()) {
            return;
        }
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        open(file);
        if (!ok_) {
            // Not a database (or a broken one): it is only a cache, so it starts afresh.
            close();
            for (const char* suffix : {"", "-wal", "-shm"}) {
                fs::remove(file.string() + suffix, ec);
            }
            open(file);
        }
    }
    ~Cache() { close(); }
    Cache(const Cache&) = delete;
    Cache& operator=(const Cache&) = delete;

    void open(const fs::path& file) {
        if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) {
            close();
            return;
        }
        sqlite3_busy_timeout(db_, 2000);
        ok_ = exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=OFF") &&
              exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)") &&
              exec(
                  "CREATE TABLE IF NOT EXISTS files(name TEXT PRIMARY KEY, size INTEGER, "
                  "mtime INTEGER, extract_id TEXT, skip TEXT)") &&
              exec("CREATE INDEX IF NOT EXISTS files_extract ON files(extract_id)") &&
              exec(
                  "CREATE TABLE IF NOT EXISTS facts(key TEXT PRIMARY KEY, n INTEGER) "
                  "WITHOUT ROWID");
        if (ok_ && meta("schema") != cache_schema) {
            ok_ = clear() && exec(std::string("INSERT OR REPLACE INTO meta VALUES('schema','") +
                                  cache_schema + "')");
        }
    }

    bool ok() const { return ok_; }
    bool exec(const std::string& sql) {
        return db_ != nullptr &&
               sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    bool clear() { return exec("DELETE FROM files") && exec("DELETE FROM facts"); }

    std::string meta(const char* key) {
        std::string out;
        query("SELECT value FROM meta WHERE key=?1", {key},
              [&](sqlite3_stmt* s) { out = text(s, 0); });
        return out;
    }

    std::unordered_map<std::string, FileStamp> files() {
        std::unordered_map<std::string, FileStamp> out;
        query("SELECT name, size, mtime FROM files", {}, [&](sqlite3_stmt* s) {
            out.emplace(text(s, 0),
                        FileStamp{sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2)});
        });
        return out;
    }

    bool has_extract(const std::string& id) {
        sqlite3_stmt* s = prepared(find_extract_, "SELECT 1 FROM files WHERE extract_id=?1");
        if (s == nullptr) {
            return false;
        }
        sqlite3_bind_text(s, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        const bool found = sqlite3_step(s) == SQLITE_ROW;
        sqlite3_reset(s);
        return found;
    }

    void add_file(const FolderEntry& entry, const std::string& extract_id,
                  const std::string& skip) {
        sqlite3_stmt* s =
            prepared(insert_file_, "INSERT OR REPLACE INTO files VALUES(?1,?2,?3,?4,?5)");
        if (s == nullptr) {
            return;
        }
        sqlite3_bind_text(s, 1, entry.name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, entry.stamp.size);
        sqlite3_bind_int64(s, 3, entry.stamp.mtime_ns);
        bind_or_null(s, 4, extract_id);
        bind_or_null(s, 5, skip);
        step_and_reset(s);
    }

    void add_facts(const FactCounts& facts) {
        sqlite3_stmt* s = prepared(
            add_fact_, "INSERT INTO facts VALUES(?1,?2) ON CONFLICT(key) DO UPDATE SET n=n+?2");
        for (const auto& [key, n] : facts) {
            if (s == nullptr) {
                return;
            }
            sqlite3_bind_text(s, 1, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 2, n);
            step_and_reset(s);
        }
    }

    void load(ResultsRead& out) {
        query("SELECT key, n FROM facts", {},
              [&](sqlite3_stmt* s) { out.facts[text(s, 0)] = sqlite3_column_int64(s, 1); });
        query("SELECT skip, count(*) FROM files WHERE skip IS NOT NULL GROUP BY skip", {},
              [&](sqlite3_stmt* s) { out.skipped[text(s, 0)] = sqlite3_column_int64(s, 1); });
        query("SELECT count(*) FROM files WHERE skip IS NULL", {},
              [&](sqlite3_stmt* s) { out.extracts = sqlite3_column_int64(s, 0); });
    }

  private:
    template <typename Row>
    void query(const char* sql, std::initializer_list<std::string> args, Row row) {
        sqlite3_stmt* s = nullptr;
        if (db_ == nullptr || sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) {
            ok_ = false;
            return;
        }
        int i = 1;
        for (const std::string& arg : args) {
            sqlite3_bind_text(s, i++, arg.c_str(), -1, SQLITE_TRANSIENT);
        }
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            row(s);
        }
        ok_ = ok_ && rc == SQLITE_DONE;
        sqlite3_finalize(s);
    }
    static std::string text(sqlite3_stmt* s, int column) {
        const unsigned char* t = sqlite3_column_text(s, column);
        return t != nullptr ? reinterpret_cast<const char*>(t) : "";
    }
    static void bind_or_null(sqlite3_stmt* s, int i, const std::string& value) {
        if (value.empty()) {
            sqlite3_bind_null(s, i);
        } else {
            sqlite3_bind_text(s, i, value.c_str(), -1, SQLITE_TRANSIENT);
        }
    }
    sqlite3_stmt* prepared(sqlite3_stmt*& slot, const char* sql) {
        if (slot == nullptr && db_ != nullptr &&
            sqlite3_prepare_v2(db_, sql, -1, &slot, nullptr) != SQLITE_OK) {
            ok_ = false;
            slot = nullptr;
        }
        return slot;
    }
    void step_and_reset(sqlite3_stmt* s) {
        if (sqlite3_step(s) != SQLITE_DONE) {
            ok_ = false;
        }
        sqlite3_reset(s);
    }
    void close() {
        sqlite3_finalize(insert_file_);
        sqlite3_finalize(add_fact_);
        sqlite3_finalize(find_extract_);
        insert_file_ = add_fact_ = find_extract_ = nullptr;
        if (db_ != nullptr) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
        ok_ = false;
    }

    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_file_ = nullptr;
    sqlite3_stmt* add_fact_ = nullptr;
    sqlite3_stmt* find_extract_ = nullptr;
    bool ok_ = false;
};

// What one file turned out to be: an extract (its id) or the reason it was skipped.
struct FileOutcome {
    std::string id;
    std::string skip;
};

FileOutcome read_one(const fs::path& folder, const FolderEntry& entry, std::string& bytes,
                     FactCounts& facts) {
    if (!read_small_file(folder / entry.name, bytes)) {
        return {"", "unreadable or too large"};
    }
    if (entry.name.size() < 5 || entry.name.compare(entry.name.size() - 5, 5, ".json") != 0) {
        return {"", "foreign"};
    }
    const DecodedExtract decoded = decode_extract(bytes);
    if (!decoded.extract) {
        return {"", extract_problem_name(decoded.problem)};
    }
    add_extract_facts(*decoded.extract, facts);
    return {decoded.extract->id, ""};
}

// Reads and counts `fresh[from, to)`, one share of the work.
void read_share(const fs::path& folder, const std::vector<const FolderEntry*>& fresh,
                std::size_t from, std::size_t to, std::vector<FileOutcome>& outcomes,
                FactCounts& facts) {
    std::string bytes;
    for (std::size_t i = from; i < to; ++i) {
        outcomes[i] = read_one(folder, *fresh[i], bytes, facts);
    }
}

void merge_facts(FactCounts& into, const FactCounts& from, long long sign = 1) {
    for (const auto& [key, n] : from) {
        into[key] += sign * n;
    }
}

// Reads the new files, adding their counts to `facts` and each file's outcome to the cache.
// Reading and decoding is shared among the cores; a duplicate is found afterwards, in file
// order, and its counts taken out again (duplicates are rare, so this costs little).
void read_new_files(const fs::path& folder, const std::vector<const FolderEntry*>& fresh,
                    Cache& cache, std::unordered_set<std::string>& ids, ResultsRead& out,
                    FactCounts& facts) {
    std::vector<FileOutcome> outcomes(fresh.size());
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t shares = fresh.size() < 512 ? 1 : std::min<std::size_t>(cores, 8);
    std::vector<FactCounts> counted(shares);
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < shares; ++t) {
        threads.emplace_back(read_share, std::cref(folder), std::cref(fresh),
                             fresh.size() * t / shares, fresh.size() * (t + 1) / shares,
                             std::ref(outcomes), std::ref(counted[t]));
    }
    read_share(folder, fresh, 0, fresh.size() / shares, outcomes, counted[0]);
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const FactCounts& c : counted) {
        merge_facts(facts, c);
    }
    // After a rebuild the cache is empty: the ids seen in this read are all there is.
    const bool ask_cache = cache.ok() && !out.cache_rebuilt;
    std::string bytes;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        FileOutcome& o = outcomes[i];
        if (!o.id.empty() && (!ids.insert(o.id).second || (ask_cache && cache.has_extract(o.id)))) {
            FactCounts again;
            read_one(folder, *fresh[i], bytes, again);
            merge_facts(facts, again, -1);
            o = {"", "duplicate"};
        }
        ++out.files_opened;
        if (o.skip.empty()) {
            ++out.extracts;
        } else {
            ++out.skipped[o.skip];
        }
        if (cache.ok()) {
            cache.add_file(*fresh[i], o.id, o.skip);
        }
    }
    // Counts that came to nothing (a duplicate's) are not kept.
    for (auto it = facts.begin(); it != facts.end();) {
        it = it->second == 0 ? facts.erase(it) : std::next(it);
    }
}

}  // namespace

long long ResultsRead::skipped_total() const {
    long long n = 0;
    for (const auto& [reason, count] : skipped) {
        n += count;
    }
    return n;
}

fs::path results_cache_path(const fs::path& data, const fs::path& folder) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(folder, ec).lexically_normal();
    std::string hash = content_hash(absolute.string());
    const auto colon = hash.find(':');
    return data / "cache" / ("results-" + hash.substr(colon + 1) + ".sqlite");
}

ResultsRead read_results(const fs::path& folder, const fs::path& cache_file) {
    ResultsRead out;
    std::vector<FolderEntry> entries;
    if (!list_folder(folder, entries, out.problem)) {
        return out;
    }
    Cache cache(cache_file);
    std::unordered_map<std::string, FileStamp> known;
    if (cache.ok()) {
        known = cache.files();
    }
    std::vector<const FolderEntry*> fresh;
    std::size_t still_there = 0;
    bool stale = false;
    for (const FolderEntry& entry : entries) {
        const auto it = known.find(entry.name);
        if (it == known.end()) {
            fresh.push_back(&entry);
        } else if (it->second == entry.stamp) {
            ++still_there;
        } else {
            stale = true;
        }
    }
    // A file changed or gone: the sums cannot be taken apart again, so they start over.
    if (!cache.ok() || stale || still_there != known.size()) {
        out.cache_rebuilt = true;
        fresh.clear();
        for (const FolderEntry& entry : entries) {
            fresh.push_back(&entry);
        }
        if (cache.ok()) {
            cache.clear();
        }
    }
    FactCounts facts;
    std::unordered_set<std::string> ids;
    if (!cache.ok()) {
        read_new_files(folder, fresh, cache, ids, out, facts);
        out.facts = std::move(facts);
        return out;
    }
    cache.exec("BEGIN IMMEDIATE");
    read_new_files(folder, fresh, cache, ids, out, facts);
    cache.add_facts(facts);
    if (cache.ok() && cache.exec("COMMIT")) {
        ResultsRead totals;
        cache.load(totals);
        if (cache.ok()) {
            totals.files_opened = out.files_opened;
            totals.cache_rebuilt = out.cache_rebuilt;
            return totals;
        }
    }
    cache.exec("ROLLBACK");
    // The cache failed half-way: everything is read again without it.
    return read_results(folder, {});
}

}  // namespace deliberate
