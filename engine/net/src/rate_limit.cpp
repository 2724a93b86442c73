// Token buckets for the phones' server.
#include "rate_limit.hpp"

#include <algorithm>

namespace deliberate::net {

namespace {
constexpr std::size_t sweep_above = 4096;
}

bool RateLimit::allow(const std::string& key, Clock::time_point now) {
    if (buckets_.size() > sweep_above && now - last_sweep_ > std::chrono::seconds(10)) {
        forget_full(now);
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
        const double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
        b.last = now;
    }
    if (b.tokens < 1.0) {
        return false;
    }
    b.tokens -= 1.0;
    return true;
}

void RateLimit::forget_full(Clock::time_point now) {
    last_sweep_ = now;
    std::erase_if(buckets_, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.last).count();
        return entry.second.tokens + elapsed * per_second_ >= burst_;
    });
}

}  // namespace deliberate::net
