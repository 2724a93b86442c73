// libFuzzer target: any bytes, as a scenario, a model and a value catalogue. The loader must
// never crash, hang, leak or misbehave, and every diagnostic must print.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "deliberate/graph_export.hpp"
#include "deliberate/loader.hpp"

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
