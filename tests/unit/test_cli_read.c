/*
 * test_cli_read.c - ws_cli_read(): a regular file in one read() when
 * fstat() gives its size, and every other file (one that says it is larger
 * or smaller than it turns out, one that says nothing, one read in pieces)
 * read to its end. read() and fstat() are wrapped at link time
 * (-Wl,--wrap) so that the file can misreport its size and reads can fail.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "cli/inputs.h"

/* How the wrapped calls misbehave: added to st_size (or the size set
 * outright when size_is_set), the most one read() returns, an errno for
 * read() to fail with. */
static struct {
    long long size_delta;
    bool size_is_set;
    long long size;
    size_t max_chunk;
    int read_errno;
    int n_reads;
    int n_fstats;
} fake;

ssize_t __real_read(int fd, void *buf, size_t n);
ssize_t __wrap_read(int fd, void *buf, size_t n);
int __real_fstat64(int fd, struct stat *st);
int __wrap_fstat64(int fd, struct stat *st);

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
    fake.n_reads++;
    if (fake.read_errno) {
        errno = fake.read_errno;
        return -1;
    }
    if (fake.max_chunk && n > fake.max_chunk)
        n = fake.max_chunk;
    return __real_read(fd, buf, n);
}

int __wrap_fstat64(int fd, struct stat *st)
{
    fake.n_fstats++;
    int rc = __real_fstat64(fd, st);
    if (rc == 0 && S_ISREG(st->st_mode))
        st->st_size = fake.size_is_set ? fake.size : st->st_size + fake.size_delta;
    return rc;
}

static const char article[] = "Tom Hale said the Kestrel ferry would sail again in May.\n";

/* Write @article to a fresh temporary file; its path goes to @path. */
static void make_file(char *path, size_t cap)
{
    snprintf(path, cap, "/tmp/ws_cli_read_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, article, sizeof article - 1), (ssize_t)(sizeof article - 1));
    close(fd);
    memset(&fake, 0, sizeof fake);
}

/* Read @path and check that all of @article came, NUL-terminated. */
static void read_all_of_it(const char *path)
{
    char *data = NULL, err[256] = "";
    size_t len = 0;
    assert_int_equal(ws_cli_read(path, &data, &len, err, sizeof err), 0);
    assert_int_equal(len, sizeof article - 1);
    assert_memory_equal(data, article, len);
    assert_int_equal(data[len], '\0');
    free(data);
}

static void file_of_its_size_in_one_read(void **state)
{
    (void)state;
    char path[64];
    make_file(path, sizeof path);
    read_all_of_it(path);
    assert_int_equal(fake.n_reads, 1);
    unlink(path);
}

/* A file that yields less than it said (it shrank, or its size is an
 * estimate, as in /sys): read until read() finds the end. */
static void file_that_yields_less_than_it_said(void **state)
{
    (void)state;
    char path[64];
    make_file(path, sizeof path);
    fake.size_delta = 10;
    read_all_of_it(path);
    assert_int_equal(fake.n_reads, 2);
    /* The same, with reads of three bytes at most. */
    memset(&fake, 0, sizeof fake); /* the same file again */
    fake.size_delta = 10;
    fake.max_chunk = 3;
    read_all_of_it(path);
    unlink(path);
}

/* A file that yields more than it said (it grew, or says 0 like /proc):
 * the buffer grows and all of it is read. */
static void file_that_yields_more_than_it_said(void **state)
{
    (void)state;
    char path[64];
    make_file(path, sizeof path);
    fake.size_delta = -5;
    read_all_of_it(path);
    assert_true(fake.n_reads >= 2);
    memset(&fake, 0, sizeof fake); /* the same file again */
    fake.size_is_set = true;
    fake.size = 0;
    read_all_of_it(path);
    memset(&fake, 0, sizeof fake); /* the same file again */
    fake.size_is_set = true;
    fake.size = 0;
    fake.max_chunk = 7;
    read_all_of_it(path);
    unlink(path);
}

/* An empty file, a failing read, a directory and a missing file. */
static void empty_failing_and_missing(void **state)
{
    (void)state;
    char path[64], err[256] = "";
    char *data = NULL;
    size_t len = 99;
    snprintf(path, sizeof path, "/tmp/ws_cli_read_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    memset(&fake, 0, sizeof fake);
    assert_int_equal(ws_cli_read(path, &data, &len, err, sizeof err), 0);
    assert_int_equal(len, 0);
    assert_int_equal(data[0], '\0');
    free(data);
    unlink(path);
    make_file(path, sizeof path);
    fake.read_errno = EIO;
    assert_int_equal(ws_cli_read(path, &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "read error: Input/output error");
    unlink(path);
    memset(&fake, 0, sizeof fake);
    assert_int_equal(ws_cli_read("/tmp", &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "is a directory");
    assert_int_equal(ws_cli_read("/tmp/ws_cli_read_no_such_file", &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "No such file or directory");
}

/* Read @path with what its stat() said, @known, and check that all of
 * @article came. */
static void read_all_of_it_known(const char *path, size_t known)
{
    char *data = NULL, err[256] = "";
    size_t len = 0;
    assert_int_equal(ws_cli_read_known(path, known, &data, &len, err, sizeof err), 0);
    assert_int_equal(len, sizeof article - 1);
    assert_memory_equal(data, article, len);
    assert_int_equal(data[len], '\0');
    free(data);
}

/* The size the inputs' stat() found: one read() and no fstat(); a size
 * gone stale since (the file shrank or grew) still reads all of it. */
static void known_size_needs_no_fstat(void **state)
{
    (void)state;
    char path[64];
    make_file(path, sizeof path);
    read_all_of_it_known(path, sizeof article - 1);
    assert_int_equal(fake.n_fstats, 0);
    assert_int_equal(fake.n_reads, 1);
    memset(&fake, 0, sizeof fake);
    read_all_of_it_known(path, sizeof article - 1 + 10);
    assert_int_equal(fake.n_fstats, 0);
    assert_int_equal(fake.n_reads, 2);
    memset(&fake, 0, sizeof fake);
    read_all_of_it_known(path, 5);
    assert_int_equal(fake.n_fstats, 0);
    assert_true(fake.n_reads >= 2);
    memset(&fake, 0, sizeof fake);
    fake.max_chunk = 4;
    read_all_of_it_known(path, 0);
    /* Neither regular nor a directory (a FIFO, say): read to its end. */
    memset(&fake, 0, sizeof fake);
    read_all_of_it_known(path, WS_CLI_NOT_REGULAR);
    assert_int_equal(fake.n_fstats, 0);
    /* Nothing known: fstat() is asked. */
    memset(&fake, 0, sizeof fake);
    read_all_of_it_known(path, WS_CLI_SIZE_UNKNOWN);
    assert_int_equal(fake.n_fstats, 1);
    assert_int_equal(fake.n_reads, 1);
    unlink(path);
}

/* A path that was a file when collected and is a directory when read is
 * refused as one, as is a missing one. */
static void known_size_of_what_became_a_directory(void **state)
{
    (void)state;
    char path[64], err[256] = "";
    char *data = NULL;
    size_t len = 99;
    snprintf(path, sizeof path, "/tmp/ws_cli_read_dir_XXXXXX");
    assert_non_null(mkdtemp(path));
    memset(&fake, 0, sizeof fake);
    assert_int_equal(ws_cli_read_known(path, 120, &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "is a directory");
    assert_int_equal(ws_cli_read_known(path, WS_CLI_NOT_REGULAR, &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "is a directory");
    rmdir(path);
    assert_int_equal(ws_cli_read_known(path, 120, &data, &len, err, sizeof err), -1);
    assert_string_equal(err, "No such file or directory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(file_of_its_size_in_one_read),
        cmocka_unit_test(file_that_yields_less_than_it_said),
        cmocka_unit_test(file_that_yields_more_than_it_said),
        cmocka_unit_test(empty_failing_and_missing),
        cmocka_unit_test(known_size_needs_no_fstat),
        cmocka_unit_test(known_size_of_what_became_a_directory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
