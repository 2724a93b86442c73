// The phones' questions of an own case, built from the case and its model.
#include "deliberate/case/case_phones.hpp"

namespace deliberate {

namespace {

// The facilitator's words in every language the phones may switch to.
LocalisedText in_all(const JudgementModel& model, const std::string& text) {
    LocalisedText out;
    for (const std::string& language : model.languages) {
        out.set(language, text);
    }
    return out;
}

}  // namespace

PhoneQuestion case_phone_vote(const OwnCase& own_case, const std::string& round) {
    const JudgementModel& model = own_case.model();
    const CaseContent& content = own_case.content();
    PhoneQuestion q;
    q.key = "case/vote-" + round;
    q.kind = "choice";
    q.title = in_all(model, content.title);
    q.prompt = in_all(model, content.question);
    for (const CaseOption& option : content.options) {
        q.key += "/" + option.id;
        q.choices.push_back({option.id, in_all(model, option.label), false});
    }
    return q;
}

std::optional<PhoneQuestion> case_phone_question(const OwnCase& own_case) {
    const CaseSlide& slide = own_case.slide();
    switch (slide.kind) {
        case CaseSlideKind::first_vote:
            return case_phone_vote(own_case, "first");
        case CaseSlideKind::final_vote:
            return case_phone_vote(own_case, "final");
        case CaseSlideKind::step: {
            // Every step gathers what the group says, as on the console.
            const ModelStep& step = own_case.model().steps[slide.step];
            PhoneQuestion q;
            q.key = "case/" + slide.id;
            q.kind = "text";
            q.title = step.title;
            q.prompt = step.prompt;
            return q;
        }
        case CaseSlideKind::entry:
        case CaseSlideKind::closing:
            break;
    }
    return std::nullopt;
}

}  // namespace deliberate
