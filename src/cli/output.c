/* output.c - standard output or an atomically replaced report file. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The renderers buffer their output themselves and hand it over 64 KiB at
 * a time (a JSON Lines entry at a time, flushed at once); through stdio's
 * buffer of a block (4 KiB) each such write was copied in part and made
 * two system calls (the block, then the rest). Unbuffered, it is one
 * write() and no copy. A terminal keeps its line buffering.
 */
static void leave_buffering_to_renderers(FILE *fp)
{
    if (!isatty(fileno(fp)))
        setvbuf(fp, NULL, _IONBF, 0);
}

int ws_cli_output_open(ws_cli_output *o, const char *path, bool append)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        /* (The reports are the first that is written to it.) */
        leave_buffering_to_renderers(stdout);
        return 0;
    }
    o->path = path;
    o->append = append;
    struct stat st;
    bool exists = lstat(path, &st) == 0, in_place = false;
    if (exists && S_ISLNK(st.st_mode)) {
        if ((o->real_path = realpath(path, NULL)) != NULL) {
            path = o->path = o->real_path;
            exists = stat(path, &st) == 0;
        } else {
            in_place = true; /* a dangling link: writing through it creates its target */
        }
    }
    if (in_place || (exists && !S_ISREG(st.st_mode))) {
        if (!(o->fp = fopen(path, append ? "ab" : "wb"))) {
            fprintf(stderr, "whosaid: %s: cannot open: %s\n", path, strerror(errno));
            free(o->real_path);
            o->real_path = NULL;
            return -1;
        }
        leave_buffering_to_renderers(o->fp);
        return 0;
    }
    size_t len = strlen(path) + sizeof ".tmp.XXXXXX";
    o->tmp_path = malloc(len);
    if (!o->tmp_path) {
        fprintf(stderr, "whosaid: out of memory\n");
        free(o->real_path);
        o->real_path = NULL;
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
        free(o->real_path);
        o->real_path = NULL;
        return -1;
    }
    leave_buffering_to_renderers(o->fp);
    return 0;
}

/*
 * Add the finished report at @from to the end of @to with one write where
 * the system allows, so that other writers to a job summary do not
 * interleave with it.
 */
static int append_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    char *data = NULL;
    long len = -1;
    if (in && fseek(in, 0, SEEK_END) == 0 && (len = ftell(in)) >= 0 && fseek(in, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)len + 1)) && fread(data, 1, (size_t)len, in) != (size_t)len)
        len = -1;
    if (in)
        fclose(in);
    int fd = len >= 0 && data ? open(to, O_WRONLY | O_APPEND | O_CREAT, 0666) : -1;
    int rc = fd < 0 ? -1 : 0;
    for (size_t done = 0; rc == 0 && done < (size_t)len;) {
        ssize_t n = write(fd, data + done, (size_t)len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            rc = -1;
        else
            done += (size_t)n;
    }
    if (fd >= 0 && close(fd) != 0)
        rc = -1;
    if (rc < 0)
        fprintf(stderr, "whosaid: %s: cannot append: %s\n", to, strerror(errno));
    free(data);
    return rc;
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
    if (!o->tmp_path) { /* written in place */
        free(o->real_path);
        o->real_path = NULL;
        return rc;
    }
    if (ok && o->append && append_file(o->tmp_path, o->path) < 0) {
        ok = false;
        rc = -1;
    } else if (ok && !o->append && rename(o->tmp_path, o->path) != 0) {
        fprintf(stderr, "whosaid: %s: cannot replace: %s\n", o->path, strerror(errno));
        ok = false;
        rc = -1;
    }
    if (!ok)
        unlink(o->tmp_path);
    free(o->tmp_path);
    o->tmp_path = NULL;
    free(o->real_path);
    o->real_path = NULL;
    return rc;
}
