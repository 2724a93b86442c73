// The discussion timer's countdown.
#include "deliberate/workshop/discussion_timer.hpp"

#include <algorithm>

namespace deliberate {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

void DiscussionTimer::set(std::chrono::seconds duration) {
    duration_ = std::max(duration, std::chrono::seconds(1));
    reset();
}

void DiscussionTimer::reset() {
    left_ = duration_;
    running_ = false;
    shown_ = false;
    announced_ = false;
}

void DiscussionTimer::start(Clock::time_point now) {
    if (running_) {
        return;
    }
    if (left_ <= milliseconds(0)) {
        left_ = duration_;
    }
    ends_ = now + left_;
    running_ = true;
    shown_ = true;
    announced_ = false;
}

void DiscussionTimer::pause(Clock::time_point now) {
    if (running_) {
        left_ = remaining(now);
        running_ = false;
    }
}

void DiscussionTimer::toggle(Clock::time_point now) {
    if (running_ && !ran_out(now)) {
        pause(now);
        return;
    }
    if (ran_out(now)) {
        left_ = milliseconds(0);  // so that start() begins a fresh countdown
        running_ = false;
    }
    start(now);
}

milliseconds DiscussionTimer::remaining(Clock::time_point now) const {
    if (!running_) {
        return left_;
    }
    return std::max(duration_cast<milliseconds>(ends_ - now), milliseconds(0));
}

bool DiscussionTimer::ran_out(Clock::time_point now) const {
    return shown_ && remaining(now) <= milliseconds(0);
}

bool DiscussionTimer::take_ran_out(Clock::time_point now) {
    if (!running_ || announced_ || !ran_out(now)) {
        return false;
    }
    announced_ = true;
    return true;
}

}  // namespace deliberate
