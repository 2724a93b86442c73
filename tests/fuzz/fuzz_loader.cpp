// libFuzzer target: any bytes, as a JSON document, a scenario, a model and a value catalogue.
// Nothing may crash, hang or leak (the sanitizers watch), and every diagnostic must print and
// say where its problem is: a line and column inside the file, or a JSON pointer. The JSON
// layer's verdict must agree with nlohmann's parser, which it is built on: it accepts nothing
// the parser refuses, and refuses what the parser accepts only for its own checks.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/graph_export.hpp"
#include "deliberate/scenario/loader.hpp"
#include "json/json_document.hpp"

namespace {

const deliberate::LoadOptions& options() {
    static const deliberate::LoadOptions value = [] {
        deliberate::LoadOptions o;
        o.shipped_models_dir = DELIBERATE_TEST_DATA "/valid/models";
        o.shipped_values_file = DELIBERATE_TEST_DATA "/valid/values.json";
        return o;
    }();
    return value;
}

[[noreturn]] void fail(const char* what, const deliberate::Diagnostic& d) {
    std::fprintf(stderr, "fuzz_loader: %s\n%s\n", what, deliberate::format_diagnostic(d).c_str());
    std::abort();
}

// The number of characters on each line, counted as diagnostics count columns: every byte
// but UTF-8 continuation bytes and the newline.
std::vector<int> line_lengths(std::string_view bytes) {
    std::vector<int> lengths{0};
    for (const char c : bytes) {
        if (c == '\n') {
            lengths.push_back(0);
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++lengths.back();
        }
    }
    return lengths;
}

bool is_file_level(const std::string& code) {
    return code == "S002" || code == "S007";  // the file's size; the file unreadable
}

// A line and column that lie inside the file (one past a line's end included), or a JSON
// pointer: "" for the whole document, else "/" and its reference tokens.
void check_position(const deliberate::Diagnostic& d, const std::vector<int>& lengths) {
    if (d.line != 0 || d.column != 0) {
        if (!d.pointer.empty()) {
            fail("a diagnostic with both a line and a pointer", d);
        }
        if (d.line < 1 || d.column < 1) {
            fail("a line or column below 1", d);
        }
        if (d.file == "fuzz.json" &&
            (static_cast<std::size_t>(d.line) > lengths.size() ||
             d.column > lengths[static_cast<std::size_t>(d.line) - 1] + 1)) {
            fail("a line and column outside the file", d);
        }
        return;
    }
    if (!d.pointer.empty() && d.pointer[0] != '/') {
        fail("a pointer that is no JSON pointer", d);
    }
    if (d.code.size() == 4 && d.code[0] == 'S' && d.pointer.empty() && !is_file_level(d.code)) {
        // The JSON layer's own problems are in the text: a position, or a pointer to where
        // the parser was (S003, S006).
        fail("a syntax-level diagnostic without a position", d);
    }
}

void check_diagnostics(const std::vector<deliberate::Diagnostic>& diagnostics,
                       const std::vector<int>& lengths) {
    for (const auto& d : diagnostics) {
        check_position(d, lengths);
        (void)deliberate::format_diagnostic(d);
    }
    (void)deliberate::diagnostics_to_json(diagnostics);
}

// The JSON layer alone, its verdict beside nlohmann's.
void check_json_layer(std::string_view bytes, const std::vector<int>& lengths) {
    deliberate::Diagnostics diagnostics("fuzz.json");
    deliberate::detail::JsonDocument document;
    const bool ours = deliberate::detail::parse_json_document(bytes, diagnostics, document);
    const bool reference = bytes.size() <= deliberate::max_file_bytes &&
                           nlohmann::json::accept(bytes.begin(), bytes.end());
    const auto& found = diagnostics.all();
    check_diagnostics(found, lengths);
    if (ours != found.empty()) {
        std::fprintf(stderr, "fuzz_loader: the verdict disagrees with the diagnostics\n");
        std::abort();
    }
    if (ours && !reference) {
        std::fprintf(stderr, "fuzz_loader: accepted what nlohmann's parser refuses\n");
        std::abort();
    }
    for (const auto& d : found) {
        // Refused what the parser accepts: only for nesting, a byte order mark or a repeated
        // key. Refused with the parser: for the file's size, encoding or syntax too.
        const bool own_check = d.code == "S003" || d.code == "S005" || d.code == "S006";
        if (reference ? !own_check
                      : !(own_check || d.code == "S001" || d.code == "S002" || d.code == "S004")) {
            fail(reference ? "refused what nlohmann's parser accepts"
                           : "a document the parser refuses, refused for another reason",
                 d);
        }
    }
}

template <typename T>
void exercise(const deliberate::Loaded<T>& loaded, const std::vector<int>& lengths) {
    check_diagnostics(loaded.diagnostics, lengths);
    bool has_error = false;
    for (const auto& d : loaded.diagnostics) {
        has_error = has_error || d.severity == deliberate::Severity::error;
    }
    if (loaded.ok() == has_error) {
        std::fprintf(stderr, "fuzz_loader: a value returned with errors, or none without\n");
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::vector<int> lengths = line_lengths(bytes);
    check_json_layer(bytes, lengths);
    const auto scenario = deliberate::load_scenario_text(bytes, "fuzz.json",
                                                         DELIBERATE_TEST_DATA "/valid", options());
    exercise(scenario, lengths);
    if (scenario.ok()) {
        const auto& s = *scenario.value;
        (void)deliberate::graph_to_dot(s, s.languages.front());
        (void)deliberate::graph_to_mermaid(s, s.languages.front());
    }
    exercise(deliberate::load_model_text(bytes, "fuzz.json"), lengths);
    exercise(deliberate::load_values_text(bytes, "fuzz.json"), lengths);
    return 0;
}
