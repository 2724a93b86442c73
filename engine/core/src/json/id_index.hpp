// Ids to the positions they were first given: one flat table, so that thousands of node ids
// are added and looked up without a heap allocation or a pointer to chase for each.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deliberate::detail {

class IdIndex {
  public:
    // Adds `id` at `position` when it is new. Returns the position `id` has, and whether it
    // was new.
    std::pair<std::size_t, bool> insert(std::string_view id, std::size_t position);
    std::optional<std::size_t> find(std::string_view id) const;

  private:
    static constexpr std::size_t no_entry = static_cast<std::size_t>(-1);

    struct Slot {
        std::size_t hash = 0;
        std::size_t entry = no_entry;  // into entries_
    };
    struct Entry {
        std::string id;
        std::size_t position;
    };

    // The slot that holds `id`, or the empty slot where it belongs.
    std::size_t slot_of(std::string_view id, std::size_t hash) const;
    void grow();

    std::vector<Slot> slots_;  // open addressing; a power of two in size, at most half full
    std::vector<Entry> entries_;
};

}  // namespace deliberate::detail
