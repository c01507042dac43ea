/* fuzz_html.c - libFuzzer harness: the html reader through ws_analyze. */
#define FUZZ_FORMAT WS_INPUT_HTML
#include "fuzz_reader.h"
