// The engine's version, recorded in journals and printed by `deliberate --version`.
#pragma once

namespace deliberate {
extern const char* const engine_version;
}
