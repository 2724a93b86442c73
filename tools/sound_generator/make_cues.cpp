// deliberate_make_cues: synthesises the app's sound cues and writes them as WAV files into a
// folder (assets/sounds/ in the repository): soft chimes and a bell, 44.1 kHz 16-bit mono.
// The output is the same to the byte on every run and machine, which is how a test proves the
// committed files come from this program: phases are integers and the sine is a polynomial,
// so no maths library rounding enters.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int sample_rate = 44100;

// sin(2 pi x) for a phase given as a fraction of a turn in 1/2^32 steps.
double sine_of_phase(std::uint32_t phase) {
    double turn = static_cast<double>(phase) / 4294967296.0;  // 0 <= turn < 1
    double sign = 1.0;
    if (turn >= 0.5) {
        sign = -1.0;
        turn -= 0.5;
    }
    if (turn > 0.25) {
        turn = 0.5 - turn;
    }
    // Taylor series to x^11 on 0..pi/2: error below 1e-7, far under a 16-bit step.
    const double x = turn * 6.283185307179586;
    const double x2 = x * x;
    const double series =
        x *
        (1.0 -
         x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
    return sign * series;
}

// One overtone of a note: its frequency as a multiple of the note's, its level, and how fast
// it dies away (the power of the decay curve; higher partials fade sooner, which keeps a
// tone soft instead of bright).
struct Partial {
    double ratio;
    double level;
    int decay_power;
};

// A struck tone with a rounded, rising overtone series: the cues' chime.
const std::vector<Partial> chime = {{1.0, 1.0, 2}, {2.0, 0.22, 4}, {3.0, 0.06, 6}};
// A small bell: the overtones a bell has that a string does not (2.76, 5.4) make it ring.
const std::vector<Partial> bell = {{1.0, 1.0, 2}, {2.0, 0.30, 3}, {2.76, 0.16, 5}, {5.4, 0.04, 8}};

struct Note {
    double start;      // seconds
    double length;     // seconds until silent
    double frequency;  // Hz
    double level;      // relative to the other notes of the cue
    const std::vector<Partial>* partials;
};

double power(double base, int exponent) {
    double result = 1.0;
    for (int i = 0; i < exponent; ++i) {
        result *= base;
    }
    return result;
}

// The attack: a smooth rise over a few milliseconds, so no note starts with a click.
double attack(double seconds) {
    constexpr double attack_seconds = 0.006;
    if (seconds >= attack_seconds) {
        return 1.0;
    }
    const double a = seconds / attack_seconds;
    return a * a * (3.0 - 2.0 * a);
}

std::size_t samples_for(double seconds) {
    return static_cast<std::size_t>(seconds * sample_rate + 0.5);
}

// The notes summed and scaled so the loudest sample sits at `peak` of full scale, quantised to
// 16 bits.
std::vector<std::int16_t> render(const std::vector<Note>& notes, double peak) {
    std::size_t total = 0;
    for (const Note& note : notes) {
        total = std::max(total, samples_for(note.start) + samples_for(note.length));
    }
    std::vector<double> mix(total, 0.0);
    for (const Note& note : notes) {
        const std::size_t first = samples_for(note.start);
        const std::size_t count = samples_for(note.length);
        for (const Partial& partial : *note.partials) {
            const double step = note.frequency * partial.ratio * 4294967296.0 / sample_rate;
            const auto increment = static_cast<std::uint32_t>(step + 0.5);
            std::uint32_t phase = 0;
            for (std::size_t i = 0; i < count; ++i) {
                const double seconds = static_cast<double>(i) / sample_rate;
                const double remaining = 1.0 - static_cast<double>(i) / static_cast<double>(count);
                const double envelope = attack(seconds) * power(remaining, partial.decay_power);
                mix[first + i] += note.level * partial.level * envelope * sine_of_phase(phase);
                phase += increment;  // wraps around a turn, as unsigned arithmetic does
            }
        }
    }
    double loudest = 0.0;
    for (double sample : mix) {
        loudest = std::max(loudest, sample < 0 ? -sample : sample);
    }
    const double scale = loudest > 0 ? peak * 32767.0 / loudest : 0.0;
    std::vector<std::int16_t> pcm(total);
    for (std::size_t i = 0; i < total; ++i) {
        const double scaled = mix[i] * scale;
        pcm[i] = static_cast<std::int16_t>(scaled < 0 ? -static_cast<int>(-scaled + 0.5)
                                                      : static_cast<int>(scaled + 0.5));
    }
    return pcm;
}

void put_u16(std::string& bytes, unsigned value) {
    bytes += static_cast<char>(value & 0xff);
    bytes += static_cast<char>((value >> 8) & 0xff);
}

void put_u32(std::string& bytes, std::uint32_t value) {
    put_u16(bytes, value & 0xffff);
    put_u16(bytes, value >> 16);
}

// A canonical 44-byte-header PCM WAV; little-endian whatever the machine.
std::string wav_bytes(const std::vector<std::int16_t>& pcm) {
    const auto data_size = static_cast<std::uint32_t>(pcm.size() * 2);
    std::string bytes;
    bytes += "RIFF";
    put_u32(bytes, 36 + data_size);
    bytes += "WAVEfmt ";
    put_u32(bytes, 16);  // size of the fmt chunk
    put_u16(bytes, 1);   // PCM
    put_u16(bytes, 1);   // mono
    put_u32(bytes, sample_rate);
    put_u32(bytes, sample_rate * 2);  // bytes per second
    put_u16(bytes, 2);                // bytes per frame
    put_u16(bytes, 16);               // bits per sample
    bytes += "data";
    put_u32(bytes, data_size);
    for (std::int16_t sample : pcm) {
        put_u16(bytes, static_cast<std::uint16_t>(sample));
    }
    return bytes;
}

// Written beside the target and renamed over it, so a cue file is never half written.
bool write_file(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    return !ec;
}

struct CueSound {
    const char* file;
    std::vector<Note> notes;
    double peak;
};

// Notes from the middle of the treble (C5 to A5): clear on laptop speakers, never shrill.
constexpr double c5 = 523.25;
constexpr double e5 = 659.26;
constexpr double g5 = 783.99;
constexpr double a5 = 880.00;

std::vector<CueSound> cue_sounds() {
    return {
        // A single soft tone: quiet, since it comes after every step.
        {"step-done.wav", {{0.0, 0.18, e5, 1.0, &chime}}, 0.30},
        // Two rising tones, a fourth apart: something was decided.
        {"choice-made.wav", {{0.0, 0.16, e5, 1.0, &chime}, {0.12, 0.22, a5, 1.0, &chime}}, 0.35},
        // C major arpeggiated into a chord that rings out: the end.
        {"ending-reached.wav",
         {{0.0, 0.60, c5, 1.0, &chime},
          {0.09, 0.51, e5, 0.9, &chime},
          {0.18, 0.42, g5, 0.8, &chime}},
         0.40},
        // A bell struck twice: time is up, heard across a room but not alarming.
        {"timer-done.wav", {{0.0, 0.30, a5, 1.0, &bell}, {0.28, 0.30, a5, 1.0, &bell}}, 0.45},
    };
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FOLDER\nwrites the sound cues as WAV files into FOLDER\n",
                     argc > 0 ? argv[0] : "deliberate_make_cues");
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        std::fprintf(stderr, "error: cannot create %s: %s\n", folder.c_str(), ec.message().c_str());
        return 1;
    }
    for (const CueSound& cue : cue_sounds()) {
        const std::filesystem::path path = folder / cue.file;
        if (!write_file(path, wav_bytes(render(cue.notes, cue.peak)))) {
            std::fprintf(stderr, "error: cannot write %s\n", path.c_str());
            return 1;
        }
        std::printf("%s\n", path.c_str());
    }
    return 0;
}
