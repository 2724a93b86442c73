// Finding the shipped models, value catalogue and assets from wherever the program runs:
// a build tree, an installation prefix, or the folders the environment names.
#pragma once

#include <filesystem>

#include "deliberate/scenario/loader.hpp"

namespace deliberate {

// `executable` is argv[0] or /proc/self/exe. `$DELIBERATE_MODELS` overrides the models folder.
LoadOptions locate_resources(const std::filesystem::path& executable);

}  // namespace deliberate
