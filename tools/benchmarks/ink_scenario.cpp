// Generates the ink-equivalent scenario as text directly: the generator must not depend on
// the loader it measures.
#include "ink_scenario.hpp"

#include <algorithm>
#include <fstream>

namespace deliberate::bench {

namespace fs = std::filesystem;

fs::path write_ink_scenario(const fs::path& dir, int knots) {
    fs::create_directories(dir / "models");
    std::ofstream(dir / "models" / "ink-choice.json")
        << R"({"format": "deliberate/model@1", "id": "ink-choice", "title": {"en": "Choose"},
  "source": "A one-step model for the runtime benchmark.",
  "steps": [{"id": "choose", "title": {"en": "Choose"}, "prompt": {"en": "Choose."}, "input": "choice"}]}
)";
    const fs::path path = dir / ("ink-" + std::to_string(knots) + ".json");
    std::ofstream out(path);
    out << "{\n  \"format\": \"deliberate/scenario@1\",\n  \"id\": \"ink-" << knots << "\",\n"
        << "  \"version\": \"1.0.0\",\n  \"languages\": [\"en\"],\n"
        << "  \"title\": \"Ink-equivalent benchmark\",\n"
        << "  \"summary\": \"The story the ink peer plays, as a scenario.\",\n"
        << "  \"model\": \"ink-choice\",\n  \"variables\": {\"trust\": 0},\n"
        << "  \"start\": \"k0\",\n  \"nodes\": [\n";
    for (int i = 0; i < knots; ++i) {
        out << "    {\"id\": \"k" << i << "\", ";
        if (i >= knots - 3) {
            out << "\"kind\": \"ending\", \"outcome\": \"The end.\", \"text\": \"Knot " << i
                << ".\", \"debrief\": \"Done.\", \"discussion\": [\"What now?\"]}";
        } else {
            out << "\"kind\": \"dilemma\", \"text\": \"Knot " << i
                << ".\", \"question\": \"Which way?\", \"options\": [";
            for (int c = 1; c <= 3; ++c) {
                // One argument per dilemma keeps the file free of warnings (W003).
                out << (c > 1 ? ", " : "") << "{\"id\": \"c" << c << "\", \"label\": \"Choice " << c
                    << "\", " << (c == 1 ? "\"arguments\": {\"for\": [\"Short.\"]}, " : "")
                    << "\"effects\": [{\"set\": \"trust\", \"add\": " << c - 2
                    << "}], \"next\": \"k" << std::min(knots - 1, i + c) << "\"}";
            }
            out << "]}";
        }
        out << (i + 1 < knots ? ",\n" : "\n");
    }
    out << "  ]\n}\n";
    return path;
}

}  // namespace deliberate::bench
