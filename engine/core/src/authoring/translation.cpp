// Scenario texts to PO entries and back. A text is an object whose members are all strings
// keyed by the scenario's languages; its JSON pointer names it in the PO file.
#include "deliberate/authoring/translation.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "deliberate/journal/checksum.hpp"
#include "json_spans.hpp"

namespace deliberate {

namespace {

using Json = nlohmann::ordered_json;

struct Text {
    std::string pointer;
    std::string source;
    std::optional<std::string> translation;
};

bool is_text(const Json& j, const std::vector<std::string>& languages, const std::string& from) {
    if (!j.is_object() || !j.contains(from)) {
        return false;
    }
    return std::all_of(j.items().begin(), j.items().end(), [&](const auto& member) {
        return member.value().is_string() &&
               std::find(languages.begin(), languages.end(), member.key()) != languages.end();
    });
}

void collect(const Json& j, const std::string& pointer, const std::vector<std::string>& languages,
             const std::string& from, const std::string& to, std::vector<Text>& texts) {
    if (is_text(j, languages, from)) {
        Text t{pointer, j.at(from).get<std::string>(), std::nullopt};
        if (j.contains(to)) {
            t.translation = j.at(to).get<std::string>();
        }
        if (!t.source.empty()) {
            texts.push_back(std::move(t));
        }
        return;
    }
    if (j.is_object()) {
        for (const auto& member : j.items()) {
            collect(member.value(), pointer + "/" + pointer_token(member.key()), languages, from,
                    to, texts);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            collect(j[i], pointer + "/" + std::to_string(i), languages, from, to, texts);
        }
    }
}

std::optional<std::vector<Text>> scenario_texts(std::string_view scenario_json,
                                                const std::string& from, const std::string& to,
                                                std::string& error) {
    try {
        const Json j = Json::parse(scenario_json.begin(), scenario_json.end());
        std::vector<std::string> languages{from, to};
        if (j.is_object() && j.contains("languages") && j["languages"].is_array()) {
            for (const Json& l : j["languages"]) {
                if (l.is_string()) {
                    languages.push_back(l.get<std::string>());
                }
            }
        }
        std::vector<Text> texts;
        collect(j, "", languages, from, to, texts);
        return texts;
    } catch (const std::exception& e) {
        error = std::string("not JSON: ") + e.what();
        return std::nullopt;
    }
}

std::string source_hash(const PoEntry& entry) {
    for (const std::string& c : entry.extracted_comments) {
        if (c.rfind(source_hash_comment, 0) == 0) {
            return c.substr(source_hash_comment.size());
        }
    }
    return {};
}

std::string header_value(const PoFile& po, const std::string& name) {
    for (const auto& [key, value] : po.header) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

void set_header(PoFile& po, const std::string& name, const std::string& value) {
    for (auto& field : po.header) {
        if (field.first == name) {
            field.second = value;
            return;
        }
    }
    po.header.emplace_back(name, value);
}

std::string scenario_label(std::string_view scenario_json) {
    const Json j = Json::parse(scenario_json.begin(), scenario_json.end());
    std::string label = j.value("id", std::string("scenario"));
    if (j.contains("version") && j["version"].is_string()) {
        label += " " + j["version"].get<std::string>();
    }
    return label;
}

}  // namespace

std::optional<TranslationExport> export_translation(std::string_view scenario_json,
                                                    const std::string& from, const std::string& to,
                                                    const PoFile* previous, std::string& error) {
    const auto texts = scenario_texts(scenario_json, from, to, error);
    if (!texts) {
        return std::nullopt;
    }
    std::map<std::string, const PoEntry*> before;
    TranslationExport out;
    if (previous != nullptr) {
        out.po.header_comments = previous->header_comments;
        out.po.header = previous->header;
        for (const PoEntry& e : previous->entries) {
            before[e.msgctxt] = &e;
        }
    } else {
        out.po.header_comments = {"Texts of " + scenario_label(scenario_json) + " from " + from +
                                  " to " + to + ", by deliberate translate export."};
    }
    set_header(out.po, "Project-Id-Version", scenario_label(scenario_json));
    // Translators' tools fill these in; present from the start so that msgfmt --check passes.
    for (const char* field : {"PO-Revision-Date", "Last-Translator", "Language-Team"}) {
        if (header_value(out.po, field).empty()) {
            set_header(out.po, field, "");
        }
    }
    set_header(out.po, "Language", to);
    set_header(out.po, "MIME-Version", "1.0");
    set_header(out.po, "Content-Type", "text/plain; charset=UTF-8");
    set_header(out.po, "Content-Transfer-Encoding", "8bit");
    set_header(out.po, "X-Source-Language", from);
    for (const Text& t : *texts) {
        PoEntry e;
        const std::string hash = content_hash(t.source);
        e.extracted_comments.push_back(std::string(source_hash_comment) + hash);
        e.msgctxt = t.pointer;
        e.msgid = t.source;
        e.msgstr = t.translation.value_or("");
        if (const auto it = before.find(t.pointer); it != before.end()) {
            const PoEntry& old = *it->second;
            if (e.msgstr.empty()) {
                e.msgstr = old.msgstr;  // translated but not yet imported
            }
            const bool source_changed = source_hash(old) != hash;
            e.fuzzy = !e.msgstr.empty() && (old.fuzzy || source_changed);
            if (e.fuzzy) {
                e.previous_msgid = source_changed ? old.msgid : old.previous_msgid;
            }
        }
        out.texts += 1;
        out.translated += e.msgstr.empty() ? 0 : 1;
        out.fuzzy += e.fuzzy ? 1 : 0;
        out.po.entries.push_back(std::move(e));
    }
    return out;
}

namespace {

struct Edit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
};

// The new member placed after the source language's member, in the object's own layout:
// on a line of its own with the same indentation, or on the same line.
Edit insertion(std::string_view json, const StringSpan& source, const std::string& to,
               const std::string& text) {
    std::size_t line_start = source.key_begin;
    while (line_start > 0 && (json[line_start - 1] == ' ' || json[line_start - 1] == '\t')) {
        --line_start;
    }
    const bool own_line = line_start > 0 && json[line_start - 1] == '\n';
    const std::string separator =
        own_line ? ",\n" + std::string(json.substr(line_start, source.key_begin - line_start))
                 : ", ";
    return {source.value_end, source.value_end,
            separator + json_quote(to) + ": " + json_quote(text)};
}

}  // namespace

std::optional<TranslationImport> import_translation(std::string_view scenario_json,
                                                    const PoFile& po,
                                                    const std::filesystem::path& scenario_file,
                                                    const LoadOptions& options,
                                                    std::string& error) {
    TranslationImport out;
    out.from = header_value(po, "X-Source-Language");
    out.to = header_value(po, "Language");
    if (out.from.empty() || out.to.empty()) {
        error = "the PO header must name the languages (Language and X-Source-Language)";
        return std::nullopt;
    }
    const auto texts = scenario_texts(scenario_json, out.from, out.to, error);
    const auto spans = texts ? string_spans(scenario_json, error) : std::nullopt;
    if (!spans) {
        return std::nullopt;
    }
    std::map<std::string, const Text*> by_pointer;
    for (const Text& t : *texts) {
        by_pointer[t.pointer] = &t;
    }
    std::vector<Edit> edits;
    for (const PoEntry& e : po.entries) {
        const auto it = by_pointer.find(e.msgctxt);
        if (it == by_pointer.end()) {
            out.unknown.push_back(e.msgctxt);
            continue;
        }
        const Text& t = *it->second;
        const std::string hash = source_hash(e);
        if (e.msgstr.empty()) {
            ++out.untranslated;
        } else if (e.fuzzy) {
            out.fuzzy.push_back(e.msgctxt);
        } else if (e.msgid != t.source || (!hash.empty() && hash != content_hash(t.source))) {
            out.outdated.push_back(e.msgctxt);
        } else if (t.translation == e.msgstr) {
            ++out.unchanged;
        } else if (t.translation) {
            const StringSpan& span = spans->at(t.pointer + "/" + out.to);
            edits.push_back({span.value_begin, span.value_end, json_quote(e.msgstr)});
            ++out.updated;
        } else {
            edits.push_back(
                insertion(scenario_json, spans->at(t.pointer + "/" + out.from), out.to, e.msgstr));
            ++out.inserted;
        }
    }
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    out.result = std::string(scenario_json);
    for (const Edit& edit : edits) {
        out.result.replace(edit.begin, edit.end - edit.begin, edit.text);
    }
    if (out.changed()) {
        std::error_code ec;
        const auto loaded =
            load_scenario_text(out.result, scenario_file.string(),
                               std::filesystem::absolute(scenario_file, ec).parent_path(), options);
        if (!loaded.ok()) {
            out.diagnostics = loaded.diagnostics;
        }
    }
    return out;
}

}  // namespace deliberate
