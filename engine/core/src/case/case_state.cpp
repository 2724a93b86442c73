// Reading an own case back from its journal: the case's parts, the answers, the votes, the
// slide it stood at.
#include <algorithm>
#include <stdexcept>

#include "deliberate/case/own_case.hpp"
#include "deliberate/journal/recorded_session.hpp"

namespace deliberate {

bool CaseContent::complete() const {
    return !title.empty() && !question.empty() && options.size() >= case_min_options &&
           options.size() <= case_max_options;
}

std::optional<std::size_t> CaseContent::find_option(const std::string& id) const {
    for (std::size_t o = 0; o < options.size(); ++o) {
        if (options[o].id == id) {
            return o;
        }
    }
    return std::nullopt;
}

std::vector<CaseSlide> case_slides(const JudgementModel& model) {
    std::vector<CaseSlide> slides{{CaseSlideKind::entry, 0, "case"},
                                  {CaseSlideKind::first_vote, 0, "first-vote"}};
    bool final_vote = false;
    for (std::size_t s = 0; s < model.steps.size(); ++s) {
        if (model.steps[s].input == InputKind::choice) {
            slides.push_back({CaseSlideKind::final_vote, s, "final-vote"});
            final_vote = true;
        } else {
            slides.push_back({CaseSlideKind::step, s, "step:" + model.steps[s].id});
        }
    }
    if (!final_vote) {
        slides.push_back({CaseSlideKind::final_vote, 0, "final-vote"});
    }
    slides.push_back({CaseSlideKind::closing, 0, "closing"});
    return slides;
}

std::vector<Contribution> CaseState::answers_at(const std::string& step) const {
    std::vector<Contribution> out;
    for (const Contribution& c : contributions) {
        if (c.step == step) {
            out.push_back(c);
        }
    }
    return out;
}

const VoteRecord* CaseState::vote(const std::string& round) const {
    for (const VoteRecord& v : votes) {
        if (v.round == round) {
            return &v;
        }
    }
    return nullptr;
}

std::optional<std::size_t> CaseState::majority() const {
    const VoteRecord* deciding = vote("final");
    if (deciding == nullptr || deciding->total() == 0) {
        deciding = vote("first");
    }
    if (deciding == nullptr || deciding->total() == 0) {
        return std::nullopt;
    }
    const auto& counts = deciding->per_option;
    const auto most = std::max_element(counts.begin(), counts.end());
    if (std::count(counts.begin(), counts.end(), *most) > 1) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(most - counts.begin());
}

namespace {

int option_number(const std::string& id) {
    if (id.size() < 2 || id[0] != 'o' ||
        !std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        id.size() > 4) {
        return 0;
    }
    return std::stoi(id.substr(1));
}

void read_part(CaseState& state, const JournalEvent& e, std::size_t line) {
    CaseContent& content = state.content;
    if (e.part == "title") {
        content.title = e.text;
    } else if (e.part == "case") {
        content.text = e.text;
    } else if (e.part == "question") {
        content.question = e.text;
    } else {
        const auto at = content.find_option(e.option);
        if (e.text.empty()) {
            if (at) {
                content.options.erase(content.options.begin() + static_cast<long>(*at));
            }
            // As when it was removed: the arguments about it go with it.
            std::erase_if(state.contributions,
                          [&](const Contribution& c) { return c.option == e.option; });
        } else if (at) {
            content.options[*at].label = e.text;
        } else if (content.options.size() >= case_max_options || option_number(e.option) == 0) {
            throw ReplayError(line, "option `" + e.option + "` is one too many or badly named");
        } else {
            content.options.push_back({e.option, e.text});
        }
        state.next_option = std::max(state.next_option, option_number(e.option) + 1);
    }
}

// A vote event by option index of `content`, with the phones' part when phones voted; counts
// of options the case no longer has are dropped.
VoteRecord vote_by_options(const CaseContent& content, const JournalEvent& e) {
    const std::size_t n = content.options.size();
    VoteRecord vote{e.round, {}, std::vector<int>(n, 0), {}};
    if (!e.phones.empty()) {
        vote.phones.assign(n, 0);
    }
    for (const auto& [id, count] : e.counts) {
        if (const auto o = content.find_option(id)) {
            vote.per_option[*o] = count;
        }
    }
    for (const auto& [id, count] : e.phones) {
        if (const auto o = content.find_option(id)) {
            vote.phones[*o] = count;
        }
    }
    return vote;
}

VoteRecord read_vote(const CaseContent& content, const JournalEvent& e, std::size_t line) {
    for (const auto& [id, count] : e.counts) {
        if (!content.find_option(id)) {
            throw ReplayError(line, "the vote counts `" + id + "`, which the case does not offer");
        }
    }
    return vote_by_options(content, e);
}

void read_event(CaseState& state, const JournalEvent& e, std::size_t line) {
    switch (e.type) {
        case EventType::case_part:
            read_part(state, e, line);
            return;
        case EventType::contribution:
            if (!e.option.empty() && !state.content.find_option(e.option)) {
                throw ReplayError(line, "an answer about `" + e.option + "`, which the case lacks");
            }
            state.contributions.push_back({e.seq, e.step, e.text, e.option, e.side, e.source});
            return;
        case EventType::withdraw:
            // Only an answer on record is taken back (OwnCase::withdraw records nothing else).
            if (std::erase_if(state.contributions,
                              [&](const Contribution& c) { return c.entry == e.entry; }) == 0) {
                throw ReplayError(line, "takes back entry " + std::to_string(e.entry) +
                                            ", which is no answer of the group");
            }
            return;
        case EventType::slide:
            state.slide = e.to;
            return;
        case EventType::vote:
            add_vote(state.votes, read_vote(state.content, e, line));
            return;
        case EventType::note:
            state.notes.push_back(e.text);
            return;
        case EventType::end:
            state.finished = true;
            return;
        default:
            throw ReplayError(line, std::string("`") + event_type_name(e.type) +
                                        "` does not belong to an own case");
    }
}

}  // namespace

CaseState read_case(const JournalHeader& header, const std::vector<JournalEvent>& events,
                    const std::vector<std::size_t>& lines) {
    if (header.mode != case_mode) {
        throw ReplayError(1, "the journal is of a `" + header.mode + "` session, not a case");
    }
    if (header.scenario_id != "own-case") {
        throw ReplayError(1, "a case's header names `own-case`, not `" + header.scenario_id + "`");
    }
    CaseState state;
    state.header = header;
    for (std::size_t i = 0; i < events.size(); ++i) {
        read_event(state, events[i], i < lines.size() ? lines[i] : i + 2);
    }
    // Votes recorded before an option was added or removed: re-read by the final options.
    std::vector<VoteRecord> votes;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].type == EventType::vote) {
            add_vote(votes, vote_by_options(state.content, events[i]));
        }
    }
    state.votes = std::move(votes);
    return state;
}

}  // namespace deliberate
