// The workshop's discussion timer: a countdown the trainer starts, pauses and resumes, that
// says once when it has run out (for the sound cue). Time is passed in, so tests need no
// clock and every view of one frame agrees on the time.
#pragma once

#include <chrono>

namespace deliberate {

class DiscussionTimer {
  public:
    using Clock = std::chrono::steady_clock;

    // The countdown's length; also resets it, stopped.
    void set(std::chrono::seconds duration);
    std::chrono::seconds duration() const { return duration_; }
    // Starts or resumes; after running out, starts again from the full duration.
    void start(Clock::time_point now);
    void pause(Clock::time_point now);
    void toggle(Clock::time_point now);
    // Stopped and back at the full duration.
    void reset();

    bool running() const { return running_; }
    // Whether it has ever been started since set() or reset(): the audience view shows it then.
    bool shown() const { return shown_; }
    // Time left, never below zero.
    std::chrono::milliseconds remaining(Clock::time_point now) const;
    bool ran_out(Clock::time_point now) const;
    // True exactly once per countdown: the first time it is asked after running out.
    bool take_ran_out(Clock::time_point now);

  private:
    std::chrono::seconds duration_{120};
    std::chrono::milliseconds left_{120000};  // while paused
    Clock::time_point ends_{};                // while running
    bool running_ = false;
    bool shown_ = false;
    bool announced_ = false;
};

}  // namespace deliberate
