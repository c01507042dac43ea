/* output.c - standard output or an atomically replaced report file. */
#include "cli/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int ws_cli_output_open(ws_cli_output *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    o->path = path;
    size_t len = strlen(path) + sizeof ".tmp.XXXXXX";
    o->tmp_path = malloc(len);
    if (!o->tmp_path) {
        fprintf(stderr, "whosaid: out of memory\n");
        return -1;
    }
    snprintf(o->tmp_path, len, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp_path);
    if (fd >= 0) {
        /* mkstemp makes the file private; a report gets the usual mode. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
        fprintf(stderr, "whosaid: %s: cannot create: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp_path);
        }
        free(o->tmp_path);
        o->tmp_path = NULL;
        return -1;
    }
    return 0;
}

int ws_cli_output_close(ws_cli_output *o, bool ok)
{
    int rc = 0;
    if (!o->fp)
        return 0;
    if (!o->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "whosaid: cannot write to standard output: %s\n", strerror(errno));
            rc = -1;
        }
        o->fp = NULL;
        return rc;
    }
    if (fflush(o->fp) != 0 || ferror(o->fp))
        ok = false, rc = -1;
    if (fclose(o->fp) != 0)
        ok = false, rc = -1;
    o->fp = NULL;
    if (rc < 0)
        fprintf(stderr, "whosaid: %s: write error: %s\n", o->path, strerror(errno));
    if (ok && rename(o->tmp_path, o->path) != 0) {
        fprintf(stderr, "whosaid: %s: cannot replace: %s\n", o->path, strerror(errno));
        ok = false;
        rc = -1;
    }
    if (!ok)
        unlink(o->tmp_path);
    free(o->tmp_path);
    o->tmp_path = NULL;
    return rc;
}
