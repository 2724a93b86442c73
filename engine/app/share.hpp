// Sharing a finished session's anonymous extract, for the commands that end a session.
#pragma once

#include <filesystem>
#include <string>

#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/message_catalogue.hpp"

namespace deliberate::app {

// Builds the extract of the finished session in `journal` and shares it through the outbox;
// says on standard output whether it arrived or waits. Returns the exit code.
int share_finished_session(const Scenario& scenario, const std::filesystem::path& journal,
                           const std::string& data_flag, const std::filesystem::path& results);

// How others chose at the dilemmas of the finished session in `journal`: the results folder
// and this laptop's unshared sessions, under the k rule.
void print_others(const std::shared_ptr<const Scenario>& scenario,
                  const std::filesystem::path& journal, const std::string& data_flag,
                  const std::filesystem::path& results, const MessageCatalogue& text,
                  const std::string& language);

// Delivers extracts still waiting in the outbox, when a results folder is set.
void deliver_waiting_extracts(const std::string& data_flag, const std::filesystem::path& results);

}  // namespace deliberate::app
