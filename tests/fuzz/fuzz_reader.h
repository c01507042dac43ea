/*
 * fuzz_reader.h - the body of the reader harnesses (fuzz_text.c,
 * fuzz_markdown.c, fuzz_html.c): one input format, no rule packs, so that
 * the runs stay on the reader, the quotation scanner and the document model;
 * fuzz_pipeline.c adds the default rules.
 */
#ifndef WS_FUZZ_READER_H
#define WS_FUZZ_READER_H

#include "fuzz_common.h"

#ifndef FUZZ_FORMAT
#error "define FUZZ_FORMAT before including fuzz_reader.h"
#endif

static ws_ctx *reader_ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    reader_ctx = fuzz_ctx(NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN)
        return -1; /* not added to the corpus */
    fuzz_analyze(reader_ctx, data, size, FUZZ_FORMAT, NULL);
    return 0;
}

#endif
