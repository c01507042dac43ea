/* sink.c - the sinks renderers write to. */
#include <errno.h>
#include <stdio.h>

#include "whosaid.h"

static int write_file(void *ud, const char *buf, size_t len)
{
    FILE *fp = ud;
    if (len && fwrite(buf, 1, len, fp) != len)
        return WS_EIO;
    return WS_OK;
}

ws_sink ws_sink_file(FILE *fp)
{
    ws_sink s = {write_file, fp};
    return s;
}
