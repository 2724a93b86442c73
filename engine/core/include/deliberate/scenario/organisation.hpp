// The organisation profile (scenarios/organisation.json): the rules and names that differ per
// organisation, such as a gift limit or who the confidential adviser is, which scenario texts
// insert as {org:ID}. An organisation adapts the whole library by editing this one file.
#pragma once

#include <string>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"

namespace deliberate {

struct OrganisationEntry {
    std::string id;
    LocalisedText description;  // what the entry is, for whoever edits the profile
    LocalisedText text;         // what {org:ID} inserts
};

struct OrganisationProfile {
    std::string file;
    std::vector<OrganisationEntry> entries;

    const OrganisationEntry* find(const std::string& id) const;
};

}  // namespace deliberate
