// Chunked bump allocation; see arena.hpp.
#include "json/arena.hpp"

#include <algorithm>

namespace deliberate::detail {

void* Arena::allocate_bytes(std::size_t bytes) {
    bytes = (bytes + alignment - 1) / alignment * alignment;
    if (current_ < chunks_.size() && chunks_[current_].size - used_ >= bytes) {
        void* out = chunks_[current_].data.get() + used_;
        used_ += bytes;
        return out;
    }
    // The next chunk, kept from before a release, when it is big enough; else a new one
    // in its place. A chunk too small for this request stays for later ones.
    const std::size_t next = chunks_.empty() ? 0 : current_ + 1;
    if (next >= chunks_.size() || chunks_[next].size < bytes) {
        const std::size_t size = std::max(chunk_bytes, bytes);
        chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next),
                       Chunk{std::make_unique_for_overwrite<std::byte[]>(size), size});
    }
    current_ = next;
    used_ = bytes;
    return chunks_[current_].data.get();
}

}  // namespace deliberate::detail
