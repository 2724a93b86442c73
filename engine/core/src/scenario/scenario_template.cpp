// The template is built as a JSON tree, so that any title or id is escaped correctly.
#include "deliberate/scenario/scenario_template.hpp"

#include <nlohmann/json.hpp>

namespace deliberate {

namespace {

using Json = nlohmann::ordered_json;

// One text in every language; the Dutch and English placeholders are written out, any
// other language gets the English one to translate.
Json text(const std::vector<std::string>& languages, const std::string& nl, const std::string& en) {
    Json out = Json::object();
    for (const std::string& language : languages) {
        out[language] = language == "nl" ? nl : en;
    }
    return out;
}

Json ending(const std::vector<std::string>& languages, const std::string& id, const std::string& nl,
            const std::string& en) {
    return {{"id", id},
            {"kind", "ending"},
            {"text", text(languages, nl, en)},
            {"outcome", text(languages, "Wat er gebeurde.", "What happened.")},
            {"debrief", text(languages, "Wat je hiervan kunt leren.", "What there is to learn.")},
            {"discussion",
             Json::array({text(languages, "Wat had jij gedaan?", "What would you have done?")})}};
}

}  // namespace

std::string scenario_template(const TemplateChoices& choices, const std::string& schema_path) {
    const auto& l = choices.languages;
    const std::string title = choices.title.empty() ? choices.id : choices.title;
    const Json arguments = {
        {"for", Json::array({text(l, "Een argument ervoor.", "An argument for it.")})},
        {"against", Json::array({text(l, "Een argument ertegen.", "An argument against it.")})}};
    Json option_a = {{"id", "option-a"},
                     {"label", text(l, "De eerste mogelijkheid", "The first option")},
                     {"values", Json::array({"honesty"})},
                     {"arguments", arguments},
                     {"next", "ending-a"}};
    Json option_b = {{"id", "option-b"},
                     {"label", text(l, "De tweede mogelijkheid", "The second option")},
                     {"values", Json::array({"loyalty"})},
                     {"arguments", arguments},
                     {"next", "ending-b"}};
    Json scenario = {
        {"$schema", schema_path},
        {"format", "deliberate/scenario@1"},
        {"id", choices.id},
        {"version", "0.1.0"},
        {"languages", l},
        {"title", text(l, title, title)},
        {"summary", text(l, "Waar het scenario over gaat.", "What the scenario is about.")},
        {"model", choices.model},
        {"stakeholders",
         Json::array({{{"id", "colleague"},
                       {"label", text(l, "Een collega", "A colleague")},
                       {"relevant", true}},
                      {{"id", "public"}, {"label", text(l, "Het publiek", "The public")}}})},
        {"values", Json::array({"honesty", "loyalty"})},
        {"start", "opening"},
        {"nodes", Json::array({{{"id", "opening"},
                                {"kind", "scene"},
                                {"text", text(l, "Waar het begint.", "Where it begins.")},
                                {"next", "the-dilemma"}},
                               {{"id", "the-dilemma"},
                                {"kind", "dilemma"},
                                {"text", text(l, "Wat er op het spel staat.", "What is at stake.")},
                                {"question", text(l, "Wat doe je?", "What do you do?")},
                                {"options", Json::array({option_a, option_b})}},
                               ending(l, "ending-a", "Je koos de eerste mogelijkheid.",
                                      "You took the first option."),
                               ending(l, "ending-b", "Je koos de tweede mogelijkheid.",
                                      "You took the second option.")})}};
    return scenario.dump(2) + "\n";
}

}  // namespace deliberate
