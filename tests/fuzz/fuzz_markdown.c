/* fuzz_markdown.c - libFuzzer harness: the markdown reader through ws_analyze. */
#define FUZZ_FORMAT WS_INPUT_MARKDOWN
#include "fuzz_reader.h"
