// Memory for many small objects that die together: bump allocation in chunks, and release to
// an earlier mark so that the next batch reuses the same memory without asking the system.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace deliberate::detail {

class Arena {
  public:
    // Where allocation stood; release() goes back there.
    struct Mark {
        std::size_t chunk = 0;
        std::size_t used = 0;
    };

    Arena() = default;
    Arena(Arena&&) noexcept = default;
    Arena& operator=(Arena&&) noexcept = default;

    // Uninitialised room for `count` objects of a trivially destructible type.
    template <typename T>
    T* allocate(std::size_t count) {
        static_assert(alignof(T) <= alignment);
        return count == 0 ? nullptr : static_cast<T*>(allocate_bytes(count * sizeof(T)));
    }

    Mark mark() const { return {current_, used_}; }
    // Everything allocated since `mark` is dead; its memory is kept for what comes next.
    void release(Mark mark) {
        current_ = mark.chunk;
        used_ = mark.used;
    }

  private:
    static constexpr std::size_t alignment = alignof(std::max_align_t);
    static constexpr std::size_t chunk_bytes = 64 * 1024;

    struct Chunk {
        std::unique_ptr<std::byte[]> data;
        std::size_t size = 0;
    };

    void* allocate_bytes(std::size_t bytes);

    std::vector<Chunk> chunks_;
    std::size_t current_ = 0;  // the chunk being filled, when there is one
    std::size_t used_ = 0;     // bytes of it in use
};

}  // namespace deliberate::detail
