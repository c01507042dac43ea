/* fuzz_text.c - libFuzzer harness: the text reader through ws_analyze. */
#define FUZZ_FORMAT WS_INPUT_TEXT
#include "fuzz_reader.h"
