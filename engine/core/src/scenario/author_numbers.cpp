// Counting words and translations over every text a scenario holds.
#include "deliberate/scenario/author_numbers.hpp"

#include <functional>

namespace deliberate {

namespace {

using TextVisitor = std::function<void(const LocalisedText&)>;

void visit_node(const Node& node, const TextVisitor& visit) {
    for (const LocalisedText* text :
         {&node.title, &node.text, &node.question, &node.outcome, &node.debrief}) {
        visit(*text);
    }
    for (const LocalisedText& text : node.discussion) {
        visit(text);
    }
    for (const Option& option : node.options) {
        visit(option.label);
        visit(option.feedback);
        for (const auto* list : {&option.arguments_for, &option.arguments_against}) {
            for (const LocalisedText& text : *list) {
                visit(text);
            }
        }
    }
    for (const StepContent& step : node.steps) {
        visit(step.prompt);
        visit(step.feedback);
        for (const LocalisedText& text : step.prompts) {
            visit(text);
        }
        for (const StepItem& item : step.items) {
            visit(item.label);
            visit(item.feedback);
        }
    }
}

void count_text(const LocalisedText& text, const std::string& owner, AuthorNumbers& numbers) {
    if (text.empty()) {
        return;
    }
    for (LanguageNumbers& language : numbers.languages) {
        ++language.texts_total;
        if (text.has(language.language) && !text.in(language.language).empty()) {
            ++language.texts;
            language.words += count_words(text.in(language.language));
        } else if (language.missing.empty() || language.missing.back() != owner) {
            language.missing.push_back(owner);
        }
    }
}

}  // namespace

std::size_t count_words(const std::string& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) {
            ++words;
        }
        in_word = !space;
    }
    return words;
}

AuthorNumbers author_numbers(const Scenario& scenario) {
    AuthorNumbers numbers;
    for (const std::string& language : scenario.languages) {
        LanguageNumbers figures;
        figures.language = language;
        numbers.languages.push_back(figures);
    }
    count_text(scenario.title, "scenario", numbers);
    count_text(scenario.summary, "scenario", numbers);
    for (const Node& node : scenario.nodes) {
        ++numbers.nodes;
        numbers.scenes += node.kind == NodeKind::scene ? 1 : 0;
        numbers.dilemmas += node.kind == NodeKind::dilemma ? 1 : 0;
        numbers.endings += node.kind == NodeKind::ending ? 1 : 0;
        numbers.options += node.options.size();
        visit_node(node, [&](const LocalisedText& text) { count_text(text, node.id, numbers); });
    }
    for (LanguageNumbers& language : numbers.languages) {
        language.reading_minutes = static_cast<double>(language.words) / words_per_minute;
    }
    return numbers;
}

}  // namespace deliberate
