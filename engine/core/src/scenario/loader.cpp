// The public loading entry points: read bytes, parse them safely, hand the tree to a builder.
#include "deliberate/scenario/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "deliberate/journal/checksum.hpp"
#include "deliberate/support/safe_file.hpp"
#include "json/json_document.hpp"
#include "scenario/loaders.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace detail {

bool read_file(const fs::path& path, std::string& bytes, std::string& error) {
    // One byte past the limit: enough to refuse a huge file without reading it all. Only a
    // regular file is read: a FIFO named as a journal's scenario would otherwise hang here.
    return read_regular_file(path, bytes, error, max_file_bytes + 1);
}

}  // namespace detail

namespace {

FileFormat sniff_bytes(std::string_view bytes);

template <typename T, typename Build>
Loaded<T> load_text(std::string_view bytes, const std::string& display_name, Build&& build) {
    Diagnostics diagnostics(display_name);
    detail::JsonDocument document;
    std::shared_ptr<const T> value;
    if (detail::parse_json_document(bytes, diagnostics, document)) {
        value = build(document.root(), diagnostics);
    }
    if (diagnostics.has_errors()) {
        value = nullptr;
    }
    return Loaded<T>{std::move(value), diagnostics.take()};
}

template <typename T, typename Load>
Loaded<T> load_file(const fs::path& path, Load&& load) {
    std::string bytes, error;
    if (!detail::read_file(path, bytes, error)) {
        Diagnostics diagnostics(path.string());
        diagnostics.error("S007", {}, "cannot read file: " + error);
        return Loaded<T>{nullptr, diagnostics.take()};
    }
    return load(bytes, path.string());
}

fs::path folder_of(const fs::path& file) {
    const fs::path parent = file.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

Loaded<Scenario> load_scenario_text(std::string_view bytes, const std::string& display_name,
                                    const fs::path& base_dir, const LoadOptions& options) {
    Diagnostics diagnostics(display_name);
    std::shared_ptr<Scenario> scenario =
        detail::load_scenario_bytes(bytes, diagnostics, base_dir, options);
    if (scenario) {
        scenario->content_hash = content_hash(bytes);
    }
    return Loaded<Scenario>{std::move(scenario), diagnostics.take()};
}

Loaded<Scenario> load_scenario_file(const fs::path& path, const LoadOptions& options) {
    return load_file<Scenario>(path, [&](std::string_view bytes, const std::string& name) {
        return load_scenario_text(bytes, name, folder_of(path), options);
    });
}

Loaded<JudgementModel> load_model_text(std::string_view bytes, const std::string& display_name) {
    return load_text<JudgementModel>(bytes, display_name, detail::build_model);
}

Loaded<JudgementModel> load_model_file(const fs::path& path) {
    return load_file<JudgementModel>(path, load_model_text);
}

Loaded<ValueCatalogue> load_values_text(std::string_view bytes, const std::string& display_name) {
    return load_text<ValueCatalogue>(bytes, display_name, detail::build_values);
}

Loaded<ValueCatalogue> load_values_file(const fs::path& path) {
    return load_file<ValueCatalogue>(path, load_values_text);
}

Loaded<OrganisationProfile> load_organisation_text(std::string_view bytes,
                                                   const std::string& display_name) {
    return load_text<OrganisationProfile>(bytes, display_name, detail::build_organisation);
}

Loaded<OrganisationProfile> load_organisation_file(const fs::path& path) {
    return load_file<OrganisationProfile>(path, load_organisation_text);
}

FileFormat sniff_format(const fs::path& path) {
    std::string bytes, error;
    if (!detail::read_file(path, bytes, error)) {
        return FileFormat::unknown;
    }
    return sniff_bytes(bytes);
}

namespace {
FileFormat sniff_bytes(std::string_view bytes) {
    // Tolerant on purpose: a file with a syntax error is still recognised by its format line,
    // so that `validate FOLDER` reports the error instead of skipping the file.
    for (const auto& [marker, format] :
         {std::pair{"\"deliberate/scenario@", FileFormat::scenario},
          {"\"deliberate/model@", FileFormat::model},
          {"\"deliberate/values@", FileFormat::values},
          {"\"deliberate/organisation@", FileFormat::organisation}}) {
        const auto at = bytes.find(marker);
        if (at == std::string::npos) {
            continue;
        }
        // It must be the value of a `format` key, not a mention inside some text.
        const auto key = bytes.rfind("\"format\"", at);
        if (key != std::string::npos && bytes.find_first_not_of(" \t\r\n:", key + 8) == at) {
            return format;
        }
    }
    return FileFormat::unknown;
}
}  // namespace

std::vector<Diagnostic> check_file(const fs::path& path, const LoadOptions& options) {
    std::string bytes, error;
    Diagnostics diagnostics(path.string());
    if (!detail::read_file(path, bytes, error)) {
        diagnostics.error("S007", {}, "cannot read file: " + error);
        return diagnostics.take();
    }
    if (sniff_bytes(bytes) == FileFormat::scenario) {
        detail::load_scenario_bytes(bytes, diagnostics, folder_of(path), options);
        return diagnostics.take();
    }
    detail::JsonDocument document;
    if (!detail::parse_json_document(bytes, diagnostics, document)) {
        return diagnostics.take();
    }
    const detail::JsonValue& root = document.root();
    const detail::JsonValue* format = root.find("format");
    const std::string name =
        format != nullptr && format->is_string() ? std::string(format->as_string()) : "";
    if (name.starts_with("deliberate/model@")) {
        detail::build_model(root, diagnostics);
    } else if (name.starts_with("deliberate/values@")) {
        detail::build_values(root, diagnostics);
    } else if (name.starts_with("deliberate/organisation@")) {
        detail::build_organisation(root, diagnostics);
    } else if (name.starts_with("deliberate/scenario@")) {
        detail::load_scenario_bytes(bytes, diagnostics, folder_of(path), options);
    } else if (format == nullptr) {
        detail::check_format(root, diagnostics, detail::scenario_format);
    } else {
        diagnostics.error("F001", "/format",
                          name.empty() ? "`format` must be a string"
                                       : "`" + name + "` is not a Deliberate format",
                          "one of `deliberate/scenario@1`, `deliberate/model@1`, "
                          "`deliberate/values@1`, `deliberate/organisation@1`");
    }
    return diagnostics.take();
}

}  // namespace deliberate
