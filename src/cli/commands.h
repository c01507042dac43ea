/* commands.h - the subcommands; each returns the exit status. */
#ifndef WS_CLI_COMMANDS_H
#define WS_CLI_COMMANDS_H

#include "cli/options.h"

enum { WS_EXIT_CLEAN = 0, WS_EXIT_FINDINGS = 1, WS_EXIT_ERROR = 2 };

int ws_cli_check(const ws_cli_options *o);
int ws_cli_rules_list(const ws_cli_options *o);
int ws_cli_rules_test(const ws_cli_options *o);
int ws_cli_config(const ws_cli_options *o);

#endif
