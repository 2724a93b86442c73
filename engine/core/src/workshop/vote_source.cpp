// The trainer's hand count.
#include "deliberate/workshop/vote_source.hpp"

#include <algorithm>

namespace deliberate {

void HandCount::begin(std::vector<int> counts) {
    counts_ = std::move(counts);
    for (int& n : counts_) {
        n = std::clamp(n, 0, max_count);
    }
}

void HandCount::set(std::size_t option, int count) {
    if (option < counts_.size()) {
        counts_[option] = std::clamp(count, 0, max_count);
    }
}

void HandCount::add(std::size_t option, int delta) {
    if (option < counts_.size()) {
        set(option, counts_[option] + delta);
    }
}

void HandCount::type_digit(std::size_t option, int digit) {
    if (option < counts_.size() && digit >= 0 && digit <= 9) {
        const int typed = counts_[option] * 10 + digit;
        // A fifth digit starts over rather than being refused, so a slip is one key to mend.
        set(option, typed > max_count ? digit : typed);
    }
}

void HandCount::erase_digit(std::size_t option) {
    if (option < counts_.size()) {
        counts_[option] /= 10;
    }
}

}  // namespace deliberate
