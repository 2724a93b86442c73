// Translating a scenario through a PO file: every text's source and translation out, the
// translations back in with every other byte of the scenario file left as it was.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/authoring/po_file.hpp"
#include "deliberate/scenario/loader.hpp"

namespace deliberate {

// Each entry carries "#. source-hash: HASH" (content_hash of its source text) so that a
// later export, or an import, can tell a translation made for a source that has changed.
inline constexpr std::string_view source_hash_comment = "source-hash: ";

struct TranslationExport {
    PoFile po;
    std::size_t texts = 0;
    std::size_t translated = 0;
    std::size_t fuzzy = 0;
};

// The PO file of `scenario_json`'s texts in `from` with their translations in `to`: one entry
// per text, its JSON pointer as msgctxt. `previous`, the file as last exported, keeps the
// translators' header fields and marks "fuzzy" the translations whose source changed since.
std::optional<TranslationExport> export_translation(std::string_view scenario_json,
                                                    const std::string& from, const std::string& to,
                                                    const PoFile* previous, std::string& error);

struct TranslationImport {
    std::string result;  // the scenario file's new bytes
    std::string from;    // the languages, from the PO header
    std::string to;
    std::size_t updated = 0;    // translations replaced
    std::size_t inserted = 0;   // translations added where the language was missing
    std::size_t unchanged = 0;  // the same as in the file already
    std::size_t untranslated = 0;
    std::vector<std::string> fuzzy;       // pointers skipped: marked fuzzy
    std::vector<std::string> outdated;    // skipped: the source changed since the export
    std::vector<std::string> unknown;     // skipped: no such text in the scenario
    std::vector<Diagnostic> diagnostics;  // the result's, when it does not load
    bool changed() const { return updated + inserted > 0; }
};

// Splices the PO file's translations into `scenario_json`. std::nullopt with `error` when the
// PO header lacks its languages or the scenario is not JSON; a result that does not load
// (checked with load_scenario_text) comes back with its diagnostics, not to be written.
std::optional<TranslationImport> import_translation(std::string_view scenario_json,
                                                    const PoFile& po,
                                                    const std::filesystem::path& scenario_file,
                                                    const LoadOptions& options, std::string& error);

}  // namespace deliberate
