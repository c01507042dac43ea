/*
 * main.c - the whosaid command: parse the options and run the subcommand
 * (check articles by default). Everything else lives in the commands.
 */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "whosaid.h"

int main(int argc, char **argv)
{
    ws_cli_options o;
    if (ws_cli_parse(argc, argv, &o))
        return WS_EXIT_ERROR;
    if (o.show_help) {
        ws_cli_usage(stdout);
        return WS_EXIT_CLEAN;
    }
    if (o.show_version) {
        printf("whosaid %s\n", ws_version());
        return WS_EXIT_CLEAN;
    }
    switch (o.command) {
    case WS_CMD_RULES_LIST: return ws_cli_rules_list(&o);
    case WS_CMD_RULES_TEST: return ws_cli_rules_test(&o);
    case WS_CMD_CONFIG: return ws_cli_config(&o);
    case WS_CMD_CHECK: break;
    }
    return ws_cli_check(&o);
}
