// Where a room's votes come from, kept apart from what the workshop does with them: today the
// trainer's hand count; later participants' own devices. The workshop opens a count for each
// vote, reads the counts back and records them; it never asks how they were gathered.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace deliberate {

class VoteSource {
  public:
    virtual ~VoteSource() = default;
    // A new count begins: one count per option of the dilemma, starting from `counts` (what
    // was recorded for this round and factor setting before, or zeros).
    virtual void begin(std::vector<int> counts) = 0;
    // The counts so far, one per option, in option order.
    virtual std::vector<int> counts() const = 0;
    // A short name for the console ("hand count").
    virtual std::string name() const = 0;
};

// The trainer counts raised hands and types the number per option, or clicks + and -.
class HandCount final : public VoteSource {
  public:
    // No room holds more; a larger number is a typing slip.
    static constexpr int max_count = 9999;

    void begin(std::vector<int> counts) override;
    std::vector<int> counts() const override { return counts_; }
    std::string name() const override { return "hand count"; }

    // Each keeps the count within 0..max_count; an option out of range is ignored.
    void set(std::size_t option, int count);
    void add(std::size_t option, int delta);
    // Typing digits one after another: 1 then 2 makes 12. Erasing drops the last digit.
    void type_digit(std::size_t option, int digit);
    void erase_digit(std::size_t option);

  private:
    std::vector<int> counts_;
};

}  // namespace deliberate
