// Ids to the positions they were first given: a hash map that is looked up by
// std::string_view without building a std::string for each lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace deliberate::detail {

// Hashes std::string and std::string_view alike, so that find() takes either.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept {
        return std::hash<std::string_view>{}(id);
    }
};

// try_emplace(id, position) adds an id when it is new; find(view) looks one up.
using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

}  // namespace deliberate::detail
