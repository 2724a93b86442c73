// Reading an organisation profile, and checking a scenario's {org:ID} placeholders against the
// profile that applies to it: the one beside the scenario, else the shipped one.
#include <unordered_set>

#include "json/json_reader.hpp"
#include "scenario/loaders.hpp"
#include "scenario/name_hints.hpp"

namespace deliberate {

const OrganisationEntry* OrganisationProfile::find(const std::string& id) const {
    for (const OrganisationEntry& entry : entries) {
        if (entry.id == id) {
            return &entry;
        }
    }
    return nullptr;
}

namespace detail {

namespace fs = std::filesystem;

std::shared_ptr<OrganisationProfile> build_organisation(const JsonValue& root,
                                                        Diagnostics& diagnostics) {
    if (!check_format(root, diagnostics, organisation_format)) {
        return nullptr;
    }
    JsonReader reader(diagnostics);
    reader.plain_strings_allowed = false;
    const Path path = Path::root();
    reader.check_fields(root, path, {"$schema", "format", "entries"});
    auto profile = std::make_shared<OrganisationProfile>();
    profile->file = diagnostics.file();
    const JsonValue* entries = reader.field(root, path, "entries", true);
    if (entries == nullptr ||
        !reader.expect_array(*entries, path / "entries", "a list of entries")) {
        return nullptr;
    }
    // A Path refers to its parent, so the parent must outlive each entry's path.
    const Path entries_path = path / "entries";
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const JsonValue& entry = (*entries)[i];
        const Path entry_path = entries_path[i];
        if (!reader.expect_object(entry, entry_path,
                                  "an entry {\"id\", \"description\", \"text\"}")) {
            continue;
        }
        if (reader.languages.empty()) {
            // The first entry's text sets the languages the profile must have throughout.
            if (const JsonValue* text = entry.find("text"); text != nullptr && text->is_object()) {
                for (const auto& [lang, value] : text->members()) {
                    reader.languages.emplace_back(lang);
                }
            }
        }
        reader.check_fields(entry, entry_path, {"id", "description", "text"});
        OrganisationEntry out;
        out.id = reader.id_field(entry, entry_path, "id", true).value_or("");
        out.description = reader.text_field(entry, entry_path, "description", true);
        out.text = reader.text_field(entry, entry_path, "text", true);
        if (!out.id.empty() && !ids.insert(out.id).second) {
            diagnostics.error("F006", (entry_path / "id").str(),
                              "duplicate entry id `" + out.id + "`");
        }
        profile->entries.push_back(std::move(out));
    }
    return diagnostics.has_errors() ? nullptr : profile;
}

void check_organisation_placeholders(Scenario& scenario, Diagnostics& diag,
                                     const fs::path& base_dir, const LoadOptions& options,
                                     const std::vector<OrgPlaceholder>& used) {
    if (used.empty()) {
        return;
    }
    // The organisation's own profile first, so that one file adapts the shipped library too.
    std::error_code ec;
    fs::path file = options.organisation_file;
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        file = base_dir.empty() ? fs::path() : base_dir / "organisation.json";
    }
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        file = options.shipped_organisation_file;
    }
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        diag.error("R010", used.front().pointer,
                   "placeholder {org:" + used.front().id + "} but no organisation profile found",
                   "put an organisation.json beside the scenario, or install Deliberate's "
                   "scenarios/");
        return;
    }
    const auto profile = load_organisation_file(file);
    if (!profile.ok()) {
        diag.error("R010", used.front().pointer,
                   "the organisation profile " + file.string() + " has errors",
                   "run: deliberate validate " + file.string());
        return;
    }
    scenario.organisation = profile.value;
    const std::vector<std::string> ids = ids_of(profile.value->entries);
    for (const OrgPlaceholder& placeholder : used) {
        const OrganisationEntry* entry = profile.value->find(placeholder.id);
        if (entry == nullptr) {
            diag.error("R010", placeholder.pointer,
                       "placeholder {org:" + placeholder.id +
                           "} names no entry of the organisation profile",
                       name_hint(placeholder.id, ids, "see " + file.string() + " for the entries"));
            continue;
        }
        for (const std::string& language : scenario.languages) {
            if (!entry->text.has(language)) {
                diag.error(
                    "R010", placeholder.pointer,
                    "organisation entry `" + placeholder.id + "` has no text in `" + language + "`",
                    "add \"" + language + "\" to its `text` in " + file.string());
            }
        }
    }
}

}  // namespace detail

}  // namespace deliberate
