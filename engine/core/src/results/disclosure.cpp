// The k rule over a group of counts, with complementary hiding.
#include "deliberate/results/disclosure.hpp"

namespace deliberate {

std::vector<bool> disclose(const std::vector<long long>& cells, long long total, bool total_shown) {
    std::vector<bool> shown(cells.size(), false);
    if (!total_shown || (total != 0 && !count_shown(total))) {
        return shown;
    }
    long long sum = 0;
    long long hidden = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        shown[i] = cells[i] == 0 || count_shown(cells[i]);
        hidden += shown[i] ? 0 : cells[i];
        sum += cells[i];
    }
    // What the cells leave of the total is never shown, but the total and the cells give it.
    hidden += total > sum ? total - sum : 0;
    while (hidden > 0 && hidden < min_people_shown) {
        std::size_t smallest = cells.size();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            // A 0 added to the hidden ones would hide nothing more.
            if (shown[i] && cells[i] > 0 &&
                (smallest == cells.size() || cells[i] < cells[smallest])) {
                smallest = i;
            }
        }
        if (smallest == cells.size()) {
            break;
        }
        shown[smallest] = false;
        hidden += cells[smallest];
    }
    return shown;
}

void disclose_in_place(const std::vector<long long*>& cells, long long total, bool total_shown) {
    std::vector<long long> counts;
    counts.reserve(cells.size());
    for (const long long* c : cells) {
        counts.push_back(*c);
    }
    const std::vector<bool> shown = disclose(counts, total, total_shown);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!shown[i]) {
            *cells[i] = hidden_count;
        }
    }
}

}  // namespace deliberate
