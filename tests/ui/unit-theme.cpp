// The themes keep WCAG AA contrast (4.5:1 for text) in both palettes: body and secondary text
// on the background and on cards, white on the accent buttons, and the feedback colours.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "theme.hpp"

using namespace deliberate::ui;

TEST_CASE("both themes meet WCAG AA contrast for text") {
    constexpr double aa = 4.5;
    const ImVec4 white(1, 1, 1, 1);
    for (const char* name : {"light", "dark"}) {
        CAPTURE(name);
        const Palette& p = palette(name);
        for (const ImVec4* ground : {&p.background, &p.surface}) {
            CHECK(contrast_ratio(p.text, *ground) >= aa);
            CHECK(contrast_ratio(p.muted, *ground) >= aa);
            CHECK(contrast_ratio(p.good, *ground) >= aa);
            CHECK(contrast_ratio(p.warning, *ground) >= aa);
            CHECK(contrast_ratio(p.error, *ground) >= aa);
            CHECK(contrast_ratio(p.accent, *ground) >= 3.0);  // links and large accents
        }
        CHECK(contrast_ratio(white, p.accent) >= aa);
        CHECK(contrast_ratio(white, p.accent_hover) >= aa);
    }
}

TEST_CASE("the contrast ratio matches the WCAG definition") {
    CHECK(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    // #767676 on white is the classic lightest grey that passes AA: 4.54.
    const float g = 0x76 / 255.0f;
    CHECK(contrast_ratio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) ==
          doctest::Approx(4.54).epsilon(0.01));
}
