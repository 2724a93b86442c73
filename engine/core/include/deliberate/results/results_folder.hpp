// The results folder: a folder the organisation already shares (SMB, NFS), where every
// laptop drops one anonymous extract per shared session. Writers only ever add files under
// fresh random names; nothing here changes or removes a file another writer made. When the
// folder cannot be reached, the extract waits in the local data folder's outbox.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deliberate/results/extract.hpp"

namespace deliberate {

// `flag` (--results) if given, else $DELIBERATE_RESULTS, else `setting` (the desktop app's);
// empty when none names a folder.
std::filesystem::path resolve_results_folder(const std::string& flag,
                                             const std::string& setting = "");

// Whether `folder` can take extracts: "" when a file can be made in it (a dot file, made and
// removed at once), else "missing" (it does not exist or cannot be reached), "not_folder" or
// "not_writable". For the desktop app's setting, so that a typo shows when it is typed.
std::string check_results_folder(const std::filesystem::path& folder);

// An extract's file name in the folder and the outbox: ID.result.json.
std::string extract_file_name(const std::string& extract_id);

// Writes `bytes` as a new file `name` in `folder`: a temporary file (its name starts with a
// dot, which readers pass over), written, synced, then renamed into place without replacing
// anything. False with `error` set when it cannot; no file is left behind then.
bool write_new_file(const std::filesystem::path& folder, const std::string& name,
                    const std::string& bytes, std::string& error);

// DATA/outbox: extracts shared but not yet delivered.
std::filesystem::path outbox_folder(const std::filesystem::path& data);

// Puts the extract in the outbox, then delivers the outbox. Throws std::runtime_error only
// when the outbox itself cannot be written; an unreachable results folder is no error (the
// extract is delivered on a later start).
struct ShareOutcome {
    std::filesystem::path outbox_file;
    bool delivered = false;
    std::string problem;  // why it was not delivered
};
ShareOutcome share_extract(const std::filesystem::path& data, const std::filesystem::path& results,
                           const ResultExtract& extract);

// Moves every extract in the outbox to the results folder: each is written there (unless a
// file of that name already arrived), the folder synced, and only then taken out of the
// outbox. Returns how many were delivered; `problem` says why any were not.
int deliver_outbox(const std::filesystem::path& data, const std::filesystem::path& results,
                   std::string& problem);

}  // namespace deliberate
