// Extracts made by hand for the results tests: one practice session of full-featured with a
// chosen option and setting, and a folder to drop files in.
#pragma once

#include "deliberate/results/extract.hpp"

namespace deliberate::test {

inline ResultExtract practice_extract(const std::string& choice, const std::string& amount = "low",
                                      const std::string& month = "2026-11") {
    ResultExtract e;
    e.id = new_extract_id();
    e.engine_version = "0.1.0";
    e.scenario_id = "full-featured";
    e.scenario_version = "2.3.1";
    e.scenario_hash = "fnv1a64:41db0fddfeee3f44";
    e.model = "full";
    e.language = "en";
    e.mode = "practice";
    e.month = month;
    ExtractDilemma d;
    d.node = "parcel";
    d.choice = choice;
    d.factors = {{"amount", amount}};
    d.answers.push_back({"who", {"team"}, std::nullopt, false, 20});
    d.answers.push_back({"feeling", {}, std::nullopt, true, 5});
    e.dilemmas.push_back(d);
    return e;
}

}  // namespace deliberate::test
