// A flat hash table of ids; see id_index.hpp.
#include "json/id_index.hpp"

#include <functional>

namespace deliberate::detail {

std::pair<std::size_t, bool> IdIndex::insert(std::string_view id, std::size_t position) {
    if ((entries_.size() + 1) * 2 > slots_.size()) {
        grow();
    }
    const std::size_t hash = std::hash<std::string_view>{}(id);
    Slot& slot = slots_[slot_of(id, hash)];
    if (slot.entry != no_entry) {
        return {entries_[slot.entry].position, false};
    }
    slot = Slot{hash, entries_.size()};
    entries_.push_back(Entry{std::string(id), position});
    return {position, true};
}

std::optional<std::size_t> IdIndex::find(std::string_view id) const {
    if (slots_.empty()) {
        return std::nullopt;
    }
    const Slot& slot = slots_[slot_of(id, std::hash<std::string_view>{}(id))];
    if (slot.entry == no_entry) {
        return std::nullopt;
    }
    return entries_[slot.entry].position;
}

std::size_t IdIndex::slot_of(std::string_view id, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.entry == no_entry || (slot.hash == hash && entries_[slot.entry].id == id)) {
            return i;
        }
    }
}

void IdIndex::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.entry == no_entry) {
            continue;
        }
        std::size_t i = slot.hash & mask;
        while (slots_[i].entry != no_entry) {
            i = (i + 1) & mask;
        }
        slots_[i] = slot;
    }
}

}  // namespace deliberate::detail
