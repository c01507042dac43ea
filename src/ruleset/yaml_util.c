/* yaml_util.c - parsed rule files and list files, with positions for errors. */
#include "ruleset/yaml_util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "text/utf8.h"

static void set_id(ws_rule_file *rf)
{
    if (!*rf->pack) {
        rf->id[0] = '\0'; /* a configuration file, not a rule */
        return;
    }
    const char *base = strrchr(rf->path, '/');
    base = base ? base + 1 : rf->path;
    size_t n = strcspn(base, ".");
    snprintf(rf->id, sizeof rf->id, "%s.%.*s", rf->pack, (int)n, base);
}

int ws_rule_file_open(ws_rule_file *rf, const ws_allocator *mem, const char *pack,
                      const char *path, ws_diag *diag)
{
    memset(rf, 0, sizeof *rf);
    rf->mem = mem;
    rf->pack = pack;
    rf->path = path;
    rf->diag = diag;
    set_id(rf);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ws_diag_set(diag, WS_EIO, path, 0, 0, 0, "cannot open: %s", strerror(errno));
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return ws_diag_set(diag, WS_ENOMEM, path, 0, 0, 0, "out of memory");
    }
    yaml_parser_set_input_file(&parser, fp);
    int rc = WS_OK;
    if (!yaml_parser_load(&parser, &rf->doc)) {
        rc = ws_diag_set(diag, WS_ERULE, path, parser.problem_mark.index,
                         (uint32_t)parser.problem_mark.line + 1,
                         (uint32_t)parser.problem_mark.column + 1, "YAML syntax: %s%s%s",
                         parser.problem ? parser.problem : "error",
                         parser.context ? " " : "", parser.context ? parser.context : "");
    } else {
        rf->has_doc = true;
        yaml_node_t *root = yaml_document_get_root_node(&rf->doc);
        if (!root)
            rc = ws_rule_file_error(rf, NULL, "empty rule file");
        else if (root->type != YAML_MAPPING_NODE)
            rc = ws_rule_file_error(rf, root, "the file must be a mapping of keys");
        else
            rf->root = root;
    }
    yaml_parser_delete(&parser);
    fclose(fp);
    if (rc < 0)
        ws_rule_file_close(rf);
    return rc;
}

void ws_rule_file_close(ws_rule_file *rf)
{
    if (rf->has_doc)
        yaml_document_delete(&rf->doc);
    rf->has_doc = false;
    rf->root = NULL;
}

int ws_rule_file_error(ws_rule_file *rf, const yaml_node_t *node, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint32_t line = node ? (uint32_t)node->start_mark.line + 1 : 0;
    uint32_t col = node ? (uint32_t)node->start_mark.column + 1 : 0;
    uint64_t off = node ? node->start_mark.index : 0;
    if (!rf->id[0])
        return ws_diag_set(rf->diag, WS_ERULE, rf->path, off, line, col, "%s", msg);
    return ws_diag_set(rf->diag, WS_ERULE, rf->path, off, line, col, "%s: %s", rf->id, msg);
}

const char *ws_yaml_scalar(const ws_rule_file *rf, const yaml_node_t *node)
{
    (void)rf;
    if (!node || node->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)node->data.scalar.value;
}

size_t ws_yaml_len(const yaml_node_t *node)
{
    if (node->type == YAML_SEQUENCE_NODE)
        return (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    if (node->type == YAML_MAPPING_NODE)
        return (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    return 0;
}

const yaml_node_t *ws_yaml_item(const ws_rule_file *rf, const yaml_node_t *seq, size_t i)
{
    if (seq->type != YAML_SEQUENCE_NODE || i >= ws_yaml_len(seq))
        return NULL;
    return yaml_document_get_node((yaml_document_t *)&rf->doc, seq->data.sequence.items.start[i]);
}

int ws_yaml_pair(const ws_rule_file *rf, const yaml_node_t *map, size_t i, const yaml_node_t **key,
                 const yaml_node_t **value)
{
    if (map->type != YAML_MAPPING_NODE || i >= ws_yaml_len(map))
        return WS_EINVAL;
    yaml_node_pair_t *p = &map->data.mapping.pairs.start[i];
    *key = yaml_document_get_node((yaml_document_t *)&rf->doc, p->key);
    *value = yaml_document_get_node((yaml_document_t *)&rf->doc, p->value);
    return WS_OK;
}

const yaml_node_t *ws_yaml_get(const ws_rule_file *rf, const yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (size_t i = 0; i < ws_yaml_len(map); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, map, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        if (s && strcmp(s, key) == 0)
            return v;
    }
    return NULL;
}

int ws_rule_file_check_duplicates(ws_rule_file *rf, const yaml_node_t *map)
{
    /* libyaml keeps both values of a repeated key; a rule must not have them. */
    for (size_t i = 0; i < ws_yaml_len(map); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, map, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        if (!s)
            return ws_rule_file_error(rf, k, "keys must be strings");
        for (size_t j = 0; j < i; j++) {
            const yaml_node_t *k2 = NULL, *v2 = NULL;
            ws_yaml_pair(rf, map, j, &k2, &v2);
            const char *s2 = ws_yaml_scalar(rf, k2);
            if (s2 && strcmp(s2, s) == 0)
                return ws_rule_file_error(rf, k, "duplicate key '%s'", s);
        }
    }
    return WS_OK;
}

int ws_rule_file_check_keys(ws_rule_file *rf, const yaml_node_t *map, const char *const *allowed)
{
    for (size_t i = 0; i < ws_yaml_len(map); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, map, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        if (!s)
            return ws_rule_file_error(rf, k, "keys must be strings");
        bool known = false;
        for (size_t j = 0; allowed[j] && !known; j++)
            known = strcmp(allowed[j], s) == 0;
        if (!known)
            return ws_rule_file_error(rf, k, "unknown key '%s'", s);
    }
    return ws_rule_file_check_duplicates(rf, map);
}

int ws_rule_file_sibling(ws_rule_file *rf, const yaml_node_t *at, const char *name, char *out,
                         size_t cap)
{
    if (!name || !*name)
        return ws_rule_file_error(rf, at, "expected a file name");
    if (name[0] == '/' || strstr(name, ".."))
        return ws_rule_file_error(rf, at, "list file '%s' must be inside the pack", name);
    const char *slash = strrchr(rf->path, '/');
    int dir_len = slash ? (int)(slash - rf->path) : 1;
    const char *dir = slash ? rf->path : ".";
    if ((size_t)snprintf(out, cap, "%.*s/%s", dir_len, dir, name) >= cap)
        return ws_rule_file_error(rf, at, "path too long");
    return WS_OK;
}

int ws_list_open(ws_list_reader *lr, ws_rule_file *rf, const yaml_node_t *at, const char *path)
{
    memset(lr, 0, sizeof *lr);
    lr->rf = rf;
    snprintf(lr->path, sizeof lr->path, "%s", path);
    ws_buf_init(&lr->text, rf->mem);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ws_rule_file_error(rf, at, "cannot open list file %s: %s", path, strerror(errno));
    /* One read for the file rather than a call to getline() for each line. */
    int rc = WS_OK;
    for (;;) {
        if ((rc = ws_buf_reserve(&lr->text, 16384)) < 0)
            break;
        size_t got = fread(lr->text.data + lr->text.len, 1, lr->text.cap - lr->text.len - 1, fp);
        lr->text.len += got;
        lr->text.data[lr->text.len] = '\0';
        if (got == 0) {
            /* Reported after the lines read before it, where getline() would have. */
            lr->read_failed = ferror(fp) != 0;
            break;
        }
    }
    fclose(fp);
    if (rc < 0) {
        ws_buf_release(&lr->text);
        return ws_diag_set(rf->diag, rc, path, 0, 0, 0, "out of memory");
    }
    /* A line ends after a line break, which no UTF-8 sequence holds: the
     * text is valid as a whole when each line is, and then no line needs
     * checking on its own (one that is not is found as before). */
    lr->is_utf8 = ws_utf8_validate(lr->text.data, lr->text.len, NULL) == WS_OK;
    /* The entries to come, which a loader makes room for: lines with
     * something before any comment. Not every line: a list padded with
     * blank lines or comments would ask for room in proportion. */
    const char *end = lr->text.data + lr->text.len;
    for (const char *p = lr->text.data; p < end;) {
        const char *newline = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = newline ? newline : end;
        while (p < line_end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        lr->n_entries += p < line_end && *p != '#';
        p = newline ? newline + 1 : end;
    }
    return WS_OK;
}

int ws_list_error(ws_list_reader *lr, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ws_diag_set(lr->rf->diag, WS_ERULE, lr->path, 0, lr->line_no, 1, "%s: %s", lr->rf->id,
                       msg);
}

int ws_list_next(ws_list_reader *lr, const char **entry, size_t *len)
{
    for (;;) {
        if (lr->next >= lr->text.len)
            return lr->read_failed ? ws_list_error(lr, "read error") : 0;
        char *s = lr->text.data + lr->next;
        char *newline = memchr(s, '\n', lr->text.len - lr->next);
        size_t n = newline ? (size_t)(newline - s) + 1 : lr->text.len - lr->next;
        lr->next += n;
        lr->line_no++;
        size_t bad;
        if (!lr->is_utf8 && ws_utf8_validate(s, n, &bad) < 0)
            return ws_list_error(lr, "invalid UTF-8 at byte %zu of the line", bad + 1);
        /* The line ends where its line break was (the text's NUL ends the last). */
        if (newline)
            *newline = '\0';
        char *hash = strchr(s, '#');
        if (hash)
            *hash = '\0';
        size_t l = strlen(s);
        while (l && (s[l - 1] == '\n' || s[l - 1] == '\r' || s[l - 1] == ' ' || s[l - 1] == '\t'))
            l--;
        size_t st = 0;
        while (st < l && (s[st] == ' ' || s[st] == '\t'))
            st++;
        if (st == l)
            continue;
        /* Collapse inner runs of white space: keys use single spaces.
         * Up to the first tab or second space of a run (most lines have
         * neither) the line stays as it is, and is only read. */
        size_t w = st + 1;
        while (w + 8 <= l) {
            /* Eight bytes a step: each compared with the one before it. */
            uint64_t here, before;
            memcpy(&here, s + w, 8);
            memcpy(&before, s + w - 1, 8);
            if (ws_bytes_equal_bits(here, '\t') | (ws_bytes_equal_bits(here, ' ') & ws_bytes_equal_bits(before, ' ')))
                break;
            w += 8;
        }
        while (w < l && s[w] != '\t' && !(s[w] == ' ' && s[w - 1] == ' '))
            w++;
        for (size_t r = w; r < l; r++) {
            bool sp = s[r] == ' ' || s[r] == '\t';
            if (sp && (s[w - 1] == ' '))
                continue;
            s[w++] = sp ? ' ' : s[r];
        }
        *entry = s + st;
        *len = w - st;
        return 1;
    }
}

void ws_list_close(ws_list_reader *lr)
{
    ws_buf_release(&lr->text);
}

static void split_fields(char *s, size_t len, ws_entry *e)
{
    e->n_fields = 0;
    /* Fields end at a '|' (most entries have none) or at the end. */
    for (size_t start = 0; e->n_fields < WS_ENTRY_MAX_FIELDS;) {
        const char *bar = memchr(s + start, '|', len - start);
        size_t i = bar ? (size_t)(bar - s) : len;
        size_t a = start, b = i;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        e->field[e->n_fields] = s + a;
        e->len[e->n_fields] = b - a;
        e->n_fields++;
        if (!bar)
            break;
        start = i + 1;
    }
}

static bool ends_with_txt(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && strcmp(s + n - 4, ".txt") == 0 && !strchr(s, '\n');
}

static int each_scalar_entry(ws_rule_file *rf, const yaml_node_t *node, size_t index, size_t n_listed,
                             ws_entry_fn fn, void *ud)
{
    const char *s = ws_yaml_scalar(rf, node);
    if (!s)
        return ws_rule_file_error(rf, node, "expected a string");
    size_t len = strlen(s);
    char small[512];
    char *copy = len < sizeof small ? small : ws_alloc(rf->mem, len + 1);
    if (!copy)
        return ws_diag_set(rf->diag, WS_ENOMEM, rf->path, 0, 0, 0, "out of memory");
    memcpy(copy, s, len + 1);
    ws_entry e;
    memset(&e, 0, sizeof e);
    e.node = node;
    e.index = index;
    e.n_listed = n_listed;
    split_fields(copy, len, &e);
    int rc = e.len[0] ? fn(ud, rf, &e) : ws_rule_file_error(rf, node, "empty entry");
    if (copy != small)
        ws_free(rf->mem, copy);
    return rc;
}

int ws_rule_file_each_entry(ws_rule_file *rf, const yaml_node_t *node, ws_entry_fn fn, void *ud)
{
    int rc = WS_OK;
    if (node->type == YAML_SEQUENCE_NODE) {
        for (size_t i = 0; i < ws_yaml_len(node) && rc >= 0; i++)
            rc = each_scalar_entry(rf, ws_yaml_item(rf, node, i), i, ws_yaml_len(node), fn, ud);
        return rc;
    }
    const char *s = ws_yaml_scalar(rf, node);
    if (!s)
        return ws_rule_file_error(rf, node, "expected a list of words or the name of a .txt file");
    if (!ends_with_txt(s))
        return each_scalar_entry(rf, node, 0, 1, fn, ud);
    char path[4096];
    if ((rc = ws_rule_file_sibling(rf, node, s, path, sizeof path)) < 0)
        return rc;
    ws_list_reader lr;
    if ((rc = ws_list_open(&lr, rf, node, path)) < 0)
        return rc;
    const char *line;
    size_t len;
    for (size_t index = 0; (rc = ws_list_next(&lr, &line, &len)) > 0; index++) {
        ws_entry e;
        memset(&e, 0, sizeof e);
        e.list = &lr;
        e.node = node;
        e.index = index;
        e.n_listed = lr.n_entries;
        split_fields((char *)line, len, &e);
        if (!e.len[0]) {
            rc = ws_list_error(&lr, "empty entry");
            break;
        }
        if ((rc = fn(ud, rf, &e)) < 0)
            break;
    }
    ws_list_close(&lr);
    return rc;
}

int ws_entry_error(ws_rule_file *rf, const ws_entry *e, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (e->list)
        return ws_list_error(e->list, "%s", msg);
    return ws_rule_file_error(rf, e->node, "%s", msg);
}

const char *ws_entry_field(const ws_entry *e, int i, char *buf, size_t cap)
{
    if (i >= e->n_fields || cap == 0) {
        if (cap)
            buf[0] = '\0';
        return buf;
    }
    size_t n = e->len[i] < cap - 1 ? e->len[i] : cap - 1;
    memcpy(buf, e->field[i], n);
    buf[n] = '\0';
    return buf;
}
