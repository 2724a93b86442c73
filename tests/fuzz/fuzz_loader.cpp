// libFuzzer target: any bytes, as a scenario, a model and a value catalogue. The loader must
// never crash, hang, leak or misbehave, and every diagnostic must print. The loader's fast
// JSON reader must never accept a document that nlohmann's parser refuses: that parser is
// the reference for what JSON is.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "deliberate/scenario/graph_export.hpp"
#include "deliberate/scenario/loader.hpp"
#include "json/json_parser.hpp"

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

// Takes every event and keeps none: only the verdict matters here.
class IgnoreEvents final : public deliberate::detail::JsonEvents {
  public:
    bool open(bool) override { return true; }
    void close() override {}
    void member(std::string_view) override {}
    void value(deliberate::detail::JsonValue) override {}
};

void compare_with_reference(std::string_view bytes) {
    deliberate::detail::Arena arena;
    IgnoreEvents events;
    const auto verdict = deliberate::detail::read_json(bytes, arena, events);
    if (verdict == deliberate::detail::JsonReading::accepted && !nlohmann::json::accept(bytes)) {
        std::abort();  // the fast reader took what the reference refuses
    }
}

template <typename T>
void exercise(const deliberate::Loaded<T>& loaded) {
    for (const auto& d : loaded.diagnostics) {
        (void)deliberate::format_diagnostic(d);
    }
    (void)deliberate::diagnostics_to_json(loaded.diagnostics);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    compare_with_reference(bytes);
    const auto scenario = deliberate::load_scenario_text(bytes, "fuzz.json",
                                                         DELIBERATE_TEST_DATA "/valid", options());
    exercise(scenario);
    if (scenario.ok()) {
        const auto& s = *scenario.value;
        (void)deliberate::graph_to_dot(s, s.languages.front());
        (void)deliberate::graph_to_mermaid(s, s.languages.front());
    }
    exercise(deliberate::load_model_text(bytes, "fuzz.json"));
    exercise(deliberate::load_values_text(bytes, "fuzz.json"));
    return 0;
}
