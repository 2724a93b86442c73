// The audience view's type size: read from the back of a room, steady while a window resizes.
#include <doctest/doctest.h>

#include "fonts.hpp"

using deliberate::ui::audience_body_px;

TEST_CASE("the audience view's body text grows with the window, in steps of 4 px, up to 64") {
    CHECK(audience_body_px(1080) == 44.0f);  // a full-HD projector: 24 lines of 45 px, floored
    CHECK(audience_body_px(720) == 28.0f);
    CHECK(audience_body_px(1440) == 60.0f);
    CHECK(audience_body_px(2160) == 64.0f);  // a 4K screen: capped, the font texture stays small
    // A few pixels more or less keep the size, so resizing does not rebuild the fonts.
    CHECK(audience_body_px(1079) == audience_body_px(1080));
    // Never below the laptop's reading size, however small the window.
    CHECK(audience_body_px(200) == 16.0f);
    CHECK(audience_body_px(0) == 16.0f);
}
