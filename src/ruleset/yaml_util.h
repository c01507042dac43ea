/*
 * yaml_util.h - a parsed rule file and helpers that read it with positions:
 * every error names the file, line and column of the node at fault. Also the
 * word lists of rules: YAML sequences or .txt files beside the rule.
 */
#ifndef WS_YAML_UTIL_H
#define WS_YAML_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <yaml.h>

#include "core/buf.h"
#include "whosaid.h"

typedef struct ws_rule_file {
    const ws_allocator *mem;
    const char *pack;        /* the pack (directory) name */
    const char *path;
    char id[256];            /* Pack.Rule */
    yaml_document_t doc;
    bool has_doc;
    const yaml_node_t *root; /* a mapping */
    ws_diag *diag;
} ws_rule_file;

/*
 * Read and parse @path; the root must be a mapping. On error fills @diag
 * (syntax errors with libyaml's position) and returns WS_ERULE or WS_EIO.
 */
int ws_rule_file_open(ws_rule_file *rf, const ws_allocator *mem, const char *pack,
                      const char *path, ws_diag *diag);
void ws_rule_file_close(ws_rule_file *rf);

/* Record an error at @node (NULL: the file) and return WS_ERULE. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int ws_rule_file_error(ws_rule_file *rf, const yaml_node_t *node, const char *fmt, ...);

/* Error out on a key that appears twice in mapping @map. */
int ws_rule_file_check_duplicates(ws_rule_file *rf, const yaml_node_t *map);

/* Error out on keys of mapping @map not in the NULL-terminated @allowed. */
int ws_rule_file_check_keys(ws_rule_file *rf, const yaml_node_t *map, const char *const *allowed);

/* The value of @key in mapping @map, or NULL. */
const yaml_node_t *ws_yaml_get(const ws_rule_file *rf, const yaml_node_t *map, const char *key);

/* The text of a scalar node, or NULL for other nodes. */
const char *ws_yaml_scalar(const ws_rule_file *rf, const yaml_node_t *node);

/* The node @i of a sequence, or NULL. */
const yaml_node_t *ws_yaml_item(const ws_rule_file *rf, const yaml_node_t *seq, size_t i);
size_t ws_yaml_len(const yaml_node_t *seq);

/* The key and value nodes of pair @i of a mapping. */
int ws_yaml_pair(const ws_rule_file *rf, const yaml_node_t *map, size_t i, const yaml_node_t **key,
                 const yaml_node_t **value);

/*
 * Resolve @name (from node @at) relative to the rule file's directory into
 * @out. Absolute names and names leaving the pack ("..") are errors.
 */
int ws_rule_file_sibling(ws_rule_file *rf, const yaml_node_t *at, const char *name, char *out,
                         size_t cap);

/* Reading a list file: one entry per line, '#' starts a comment. */
typedef struct ws_list_reader {
    ws_rule_file *rf;
    char path[4096];
    /* The whole file, read at once; its lines are cut up in place. */
    ws_buf text;
    size_t next;          /* where the next line starts */
    bool read_failed;     /* the text is what was read before an error */
    uint32_t line_no;
    size_t n_entries;     /* its lines that are not blank or a comment */
    bool is_utf8;         /* the whole text is valid UTF-8: so is each line */
} ws_list_reader;

int ws_list_open(ws_list_reader *lr, ws_rule_file *rf, const yaml_node_t *at, const char *path);
/* Next entry (trimmed, comment removed): 1, 0 at the end, or a negative status. */
int ws_list_next(ws_list_reader *lr, const char **entry, size_t *len);
/* Report an error at the current line of the list file. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int ws_list_error(ws_list_reader *lr, const char *fmt, ...);
void ws_list_close(ws_list_reader *lr);

/*
 * Entries of a word list: a YAML sequence of strings, a single string, or
 * the name of a .txt list file beside the rule. Each entry is split on '|'
 * into trimmed fields ("alleged | warning").
 */
enum { WS_ENTRY_MAX_FIELDS = 8 };

typedef struct ws_entry {
    const char *field[WS_ENTRY_MAX_FIELDS];
    size_t len[WS_ENTRY_MAX_FIELDS];
    int n_fields;
    /* Where the entry is, for errors: a YAML node or a list file line. */
    const yaml_node_t *node;
    ws_list_reader *list;
    /* The entries of its list before it, and as many as the list has (the
     * lines of a list file that are not blank or a comment, the items of a
     * sequence): a loader makes room for them all at the first. */
    size_t index, n_listed;
} ws_entry;

typedef int (*ws_entry_fn)(void *ud, ws_rule_file *rf, const ws_entry *e);

int ws_rule_file_each_entry(ws_rule_file *rf, const yaml_node_t *node, ws_entry_fn fn, void *ud);

/* Report an error at entry @e (its list file line or YAML position). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int ws_entry_error(ws_rule_file *rf, const ws_entry *e, const char *fmt, ...);

/* Field @i of @e as a NUL-terminated copy in @buf (truncated to @cap). */
const char *ws_entry_field(const ws_entry *e, int i, char *buf, size_t cap);

#endif
