// The engine version comes from the CMake project version.
#include "deliberate/support/version.hpp"

namespace deliberate {
const char* const engine_version = DELIBERATE_VERSION;
}
