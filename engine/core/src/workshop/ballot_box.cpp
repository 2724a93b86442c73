// The ballot box for phones: rounds, ballots checked against their question, tallies and the
// snapshot the UI and the network read.
#include "deliberate/workshop/ballot_box.hpp"

#include "deliberate/support/terminal_text.hpp"

#include <algorithm>
#include <utility>

namespace deliberate {

const char* cast_result_name(CastResult result) {
    switch (result) {
        case CastResult::accepted:
            return "accepted";
        case CastResult::no_round:
            return "no-round";
        case CastResult::stale_round:
            return "stale-round";
        case CastResult::closed:
            return "closed";
        case CastResult::invalid:
            return "invalid";
        case CastResult::text_too_long:
            return "text-too-long";
    }
    return "invalid";
}

namespace {

// Code points in valid UTF-8 (the JSON parser has already refused invalid UTF-8).
std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Control characters would break lines on the console and the projector: each becomes a space.
std::string plain_text(const std::string& text) {
    // Control characters (C0, DEL, C1; newline and tab too: one line) and bidi overrides
    // become spaces: text that acts on a screen or reorders itself has no place in an answer.
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::replace(flat.begin(), flat.end(), '\t', ' ');
    return without_unsafe_characters(flat);
}

std::optional<std::size_t> choice_index(const PhoneQuestion& q, const std::string& id) {
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (q.choices[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

bool picks_fit(const PhoneQuestion& q, const std::vector<std::string>& picks) {
    std::set<std::string> seen;
    for (const std::string& id : picks) {
        if (!choice_index(q, id) || !seen.insert(id).second) {
            return false;
        }
    }
    if (q.kind == "choice" || q.kind == "select") {
        return picks.size() == 1;
    }
    if (q.kind == "rank") {
        return picks.size() == q.choices.size();
    }
    return q.kind == "multiselect" || q.kind == "checks";
}

}  // namespace

BallotBox::Round* BallotBox::current() {
    auto found = rounds_.find(current_key_);
    return current_key_.empty() || found == rounds_.end() ? nullptr : &found->second;
}

const BallotBox::Round* BallotBox::current() const {
    auto found = rounds_.find(current_key_);
    return current_key_.empty() || found == rounds_.end() ? nullptr : &found->second;
}

CastResult BallotBox::check(const Round& round, PhoneBallot& ballot) const {
    const PhoneQuestion& q = round.question;
    if (q.kind == "scale") {
        const bool fits = ballot.scale && *ballot.scale >= q.scale_min &&
                          *ballot.scale <= q.scale_max && ballot.picks.empty() &&
                          ballot.text.empty();
        return fits ? CastResult::accepted : CastResult::invalid;
    }
    if (q.kind == "text") {
        ballot.text = plain_text(ballot.text);
        if (code_points(ballot.text) > max_text_chars) {
            return CastResult::text_too_long;
        }
        const bool blank = ballot.text.find_first_not_of(' ') == std::string::npos;
        return blank || !ballot.picks.empty() || ballot.scale ? CastResult::invalid
                                                              : CastResult::accepted;
    }
    if (ballot.scale || !ballot.text.empty()) {
        return CastResult::invalid;
    }
    return picks_fit(q, ballot.picks) ? CastResult::accepted : CastResult::invalid;
}

void BallotBox::open(PhoneQuestion question) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        const std::string key = question.key;
        auto [found, fresh] = rounds_.try_emplace(key);
        if (fresh) {
            found->second.number = next_round_++;
        }
        found->second.question = std::move(question);
        current_key_ = key;
        notify = publish();
    }
    if (notify)
        notify();
}

void BallotBox::close() {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        if (Round* round = current()) {
            round->closed = true;
        }
        notify = publish();
    }
    if (notify)
        notify();
}

void BallotBox::reveal() {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        if (Round* round = current()) {
            round->closed = true;
            round->revealed = true;
        }
        notify = publish();
    }
    if (notify)
        notify();
}

void BallotBox::clear() {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        current_key_.clear();
        notify = publish();
    }
    if (notify)
        notify();
}

bool BallotBox::show_text(std::size_t entry_id) {
    std::function<void()> notify;
    bool found = false;
    {
        std::lock_guard lock(mutex_);
        if (Round* round = current()) {
            for (TextEntry& entry : round->texts) {
                if (entry.id == entry_id) {
                    entry.shown = true;
                    found = true;
                }
            }
        }
        notify = publish();
    }
    if (notify)
        notify();
    return found;
}

void BallotBox::end() {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        ended_ = true;
        current_key_.clear();
        notify = publish();
    }
    if (notify)
        notify();
}

std::optional<RoundTally> BallotBox::tally_of(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto found = rounds_.find(key);
    if (found == rounds_.end()) {
        return std::nullopt;
    }
    return tally(found->second);
}

void BallotBox::join(const std::string& token) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        if (!joined_.insert(token).second) {
            return;
        }
        notify = publish();
    }
    if (notify)
        notify();
}

CastResult BallotBox::cast(const std::string& token, std::uint64_t round_number,
                           PhoneBallot ballot) {
    std::function<void()> notify;
    {
        std::lock_guard lock(mutex_);
        Round* round = current();
        if (round == nullptr || ended_) {
            return CastResult::no_round;
        }
        if (round->number != round_number) {
            return CastResult::stale_round;
        }
        if (round->closed) {
            return CastResult::closed;
        }
        if (const CastResult fit = check(*round, ballot); fit != CastResult::accepted) {
            return fit;
        }
        if (round->question.kind == "text") {
            auto earlier = round->text_of.find(token);
            if (earlier != round->text_of.end()) {
                // A changed text is a new entry: the trainer must see it before it can be shown.
                std::erase_if(round->texts, [&](const TextEntry& e) {
                    return e.id == earlier->second && !e.shown;
                });
            } else if (round->texts.size() >= max_texts_per_round) {
                return CastResult::invalid;
            }
            const std::size_t id = round->texts.empty() ? 1 : round->texts.back().id + 1;
            round->texts.push_back({id, ballot.text, false});
            round->text_of[token] = id;
        }
        joined_.insert(token);
        round->ballots[token] = std::move(ballot);
        notify = publish();
    }
    if (notify)
        notify();
    return CastResult::accepted;
}

std::optional<PhoneBallot> BallotBox::ballot_of(const std::string& token) const {
    std::lock_guard lock(mutex_);
    const Round* round = current();
    if (round == nullptr) {
        return std::nullopt;
    }
    auto found = round->ballots.find(token);
    return found == round->ballots.end() ? std::nullopt : std::optional(found->second);
}

std::shared_ptr<const BallotSnapshot> BallotBox::snapshot() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

void BallotBox::on_change(std::function<void()> listener) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

RoundTally BallotBox::tally(const Round& round) const {
    const PhoneQuestion& q = round.question;
    RoundTally t;
    t.ballots = round.ballots.size();
    t.per_choice.assign(q.choices.size(), 0);
    t.rank_points.assign(q.kind == "rank" ? q.choices.size() : 0, 0.0);
    if (q.kind == "scale" && q.scale_max >= q.scale_min) {
        t.scale_counts.assign(static_cast<std::size_t>(q.scale_max - q.scale_min + 1), 0);
    }
    for (const auto& [token, ballot] : round.ballots) {
        for (std::size_t place = 0; place < ballot.picks.size(); ++place) {
            const auto i = choice_index(q, ballot.picks[place]);
            if (!i)
                continue;
            ++t.per_choice[*i];
            if (!t.rank_points.empty()) {
                t.rank_points[*i] += static_cast<double>(ballot.picks.size() - 1 - place);
            }
        }
        if (ballot.scale && !t.scale_counts.empty()) {
            ++t.scale_counts[static_cast<std::size_t>(*ballot.scale - q.scale_min)];
        }
    }
    if (q.kind == "multiselect" || q.kind == "select" || q.kind == "checks") {
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            const double share =
                t.ballots == 0 ? 0.0 : t.per_choice[i] / static_cast<double>(t.ballots);
            if (q.choices[i].relevant && t.ballots > 0 && share < few_share) {
                t.named_by_few.push_back(i);
            }
        }
    }
    t.texts = round.texts;
    return t;
}

std::function<void()> BallotBox::publish() {
    auto next = std::make_shared<BallotSnapshot>();
    next->version = ++version_;
    next->joined = joined_.size();
    next->ended = ended_;
    if (const Round* round = current()) {
        next->open = true;
        next->closed = round->closed;
        next->revealed = round->revealed;
        next->round = round->number;
        next->question = round->question;
        next->tally = tally(*round);
    }
    snapshot_ = std::move(next);
    return listener_;
}

}  // namespace deliberate
