/* inputs.c - expanding paths into articles and reading them. */
#include "cli/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/messages.h"
#include "whosaid.h"

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct walk {
    ws_cli_inputs *out;
    dir_id *stack;     /* directories on the current path: a loop revisits one */
    size_t depth;
    size_t cap;
} walk;

/* What @st tells ws_cli_read_known() of a file that is not a directory. */
static size_t known_size(const struct stat *st)
{
    if (!S_ISREG(st->st_mode))
        return WS_CLI_NOT_REGULAR;
    if (st->st_size < 0 || (uintmax_t)st->st_size >= ((uintmax_t)1 << 40))
        return WS_CLI_SIZE_UNKNOWN;
    return (size_t)st->st_size;
}

static int add_path(ws_cli_inputs *in, const char *path, size_t known)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 64;
        char **p = realloc(in->paths, cap * sizeof *p);
        if (!p)
            return -1;
        in->paths = p;
        size_t *sizes = realloc(in->sizes, cap * sizeof *sizes);
        if (!sizes)
            return -1;
        in->sizes = sizes;
        in->cap = cap;
    }
    if (!(in->paths[in->n] = strdup(path)))
        return -1;
    in->sizes[in->n] = known;
    in->n++;
    return 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(walk *w, const char *dir, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++) {
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
            ws_cli_error(dir, 0, 0, "directory loop through a symbolic link, skipped");
            return 0;
        }
    }
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        dir_id *s = realloc(w->stack, cap * sizeof *s);
        if (!s)
            return -1;
        w->stack = s;
        w->cap = cap;
    }
    w->stack[w->depth++] = (dir_id){st->st_dev, st->st_ino};
    int rc = 0;
    DIR *d = opendir(dir);
    if (!d) {
        ws_cli_error(dir, 0, 0, "%s", strerror(errno));
        w->out->n_errors++;
        w->depth--;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue; /* ., .., and hidden files such as .git */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = -1;
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(ent->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat cst;
        if (stat(path, &cst) != 0) {
            /* A dangling link or a file removed meanwhile: not an article. */
            if (lstat(path, &cst) != 0 || !S_ISLNK(cst.st_mode)) {
                ws_cli_error(path, 0, 0, "%s", strerror(errno));
                w->out->n_errors++;
            }
        } else if (S_ISDIR(cst.st_mode)) {
            rc = walk_dir(w, path, &cst);
        } else if (S_ISREG(cst.st_mode) && ws_input_format_from_path(path) != WS_INPUT_AUTO) {
            rc = add_path(w->out, path, known_size(&cst));
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    w->depth--;
    return rc;
}

int ws_cli_collect(char **paths, int n_paths, ws_cli_inputs *out)
{
    memset(out, 0, sizeof *out);
    walk w = {out, NULL, 0, 0};
    int rc = 0;
    for (int i = 0; i < n_paths && rc == 0; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            rc = add_path(out, "-", WS_CLI_SIZE_UNKNOWN);
        } else if (stat(paths[i], &st) != 0) {
            /* Kept in its place: reading it fails in order, and the
             * reports list it as not analyzed. */
            rc = add_path(out, paths[i], WS_CLI_SIZE_UNKNOWN);
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk_dir(&w, paths[i], &st);
        } else {
            rc = add_path(out, paths[i], known_size(&st));
        }
    }
    free(w.stack);
    if (rc < 0)
        ws_cli_error(NULL, 0, 0, "out of memory");
    return rc;
}

void ws_cli_inputs_free(ws_cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->sizes);
    memset(in, 0, sizeof *in);
}

/* Double the buffer *@buf of *@cap bytes (and one for the final NUL);
 * false, with the buffer freed and NULL, when that cannot be done. */
static bool grow_read_buffer(char **buf, size_t *cap)
{
    char *grown = *cap < ((size_t)1 << 40) ? realloc(*buf, *cap * 2 + 1) : NULL;
    if (!grown) {
        free(*buf);
        *buf = NULL;
        return false;
    }
    *buf = grown;
    *cap *= 2;
    return true;
}

/* Hand over the @n bytes read into @buf, or report why there are none. */
static int finish_read(char *buf, size_t n, int rc, char **data, size_t *len, char *err, size_t err_len)
{
    if (!buf) {
        snprintf(err, err_len, "out of memory");
        return -1;
    }
    if (rc < 0) {
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

/* Read all of standard input through stdio (the caller may have read
 * from it the same way). */
static int read_stdin(char **data, size_t *len, char *err, size_t err_len)
{
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    int rc = 0;
    while (buf) {
        if (n == cap && !grow_read_buffer(&buf, &cap))
            break;
        /* fread only returns short at the end of the file or on an error. */
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0) {
            if (ferror(stdin)) {
                snprintf(err, err_len, "read error: %s", strerror(errno));
                rc = -1;
            }
            break;
        }
    }
    return finish_read(buf, n, rc, data, len, err, err_len);
}

int ws_cli_read(const char *path, char **data, size_t *len, char *err, size_t err_len)
{
    return ws_cli_read_known(path, WS_CLI_SIZE_UNKNOWN, data, len, err, err_len);
}

int ws_cli_read_known(const char *path, size_t known, char **data, size_t *len, char *err, size_t err_len)
{
    if (strcmp(path, "-") == 0)
        return read_stdin(data, len, err, err_len);
    /* A file by open() and read(): a regular file comes in one read of its
     * size, where stdio made three reads and two fstat() calls (thousands
     * of articles a run), into a buffer of its size rather than 64 KiB. */
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(err, err_len, "%s", strerror(errno));
        return -1;
    }
    /* Without what the inputs' stat() found, fstat() tells it (a fifth
     * of the system calls an article costs when it is not needed). */
    struct stat st;
    if (known == WS_CLI_SIZE_UNKNOWN && fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            close(fd);
            snprintf(err, err_len, "is a directory");
            return -1;
        }
        known = known_size(&st);
    }
    size_t cap = 64 * 1024, n = 0;
    /* The size of a regular file, or SIZE_MAX when unknown. (One byte
     * more than its size is asked, so that the first read is short.) */
    size_t said_len = SIZE_MAX;
    if (known != WS_CLI_SIZE_UNKNOWN && known != WS_CLI_NOT_REGULAR) {
        said_len = known;
        cap = said_len + 1;
    }
    char *buf = malloc(cap + 1);
    int rc = 0;
    while (buf) {
        if (n == cap && !grow_read_buffer(&buf, &cap))
            break;
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && errno == EISDIR) {
            /* Made a directory since its stat(): refused as one. */
            snprintf(err, err_len, "is a directory");
            rc = -1;
            break;
        }
        if (got < 0) {
            snprintf(err, err_len, "read error: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        /* A regular file read short at exactly the size it said it has
         * ends there: a read asked for more and the file had no more. One
         * that shrank or grew while read (or said nothing) is read on
         * until read() finds its end. */
        if (n == said_len && n < cap)
            break;
    }
    close(fd);
    return finish_read(buf, n, rc, data, len, err, err_len);
}

bool ws_cli_is_input(const ws_cli_inputs *in, const char *path)
{
    struct stat out;
    if (!path || !strcmp(path, "-") || stat(path, &out) != 0 || !S_ISREG(out.st_mode))
        return false;
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        if (strcmp(in->paths[i], "-") != 0 && stat(in->paths[i], &st) == 0 && st.st_dev == out.st_dev &&
            st.st_ino == out.st_ino)
            return true;
    }
    return false;
}
