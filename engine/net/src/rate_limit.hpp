// Token buckets by key (a device's token, an address), in memory only: a phone that floods is
// refused without slowing anyone else. Used on the server's one thread, so not locked.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>

namespace deliberate::net {

class RateLimit {
  public:
    using Clock = std::chrono::steady_clock;

    RateLimit(double per_second, double burst) : per_second_(per_second), burst_(burst) {}
    // Whether `key` may do one more thing now; takes one token from its bucket if so.
    bool allow(const std::string& key, Clock::time_point now = Clock::now());

  private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point last;
    };
    // Full buckets are forgotten now and then, so the map does not grow with every address.
    void forget_full(Clock::time_point now);

    double per_second_;
    double burst_;
    std::unordered_map<std::string, Bucket> buckets_;
    Clock::time_point last_sweep_;
};

}  // namespace deliberate::net
