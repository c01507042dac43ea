/* html_entity.c - HTML character references (named, decimal, hexadecimal). */
#include "input/html_entity.h"

#include <stdbool.h>
#include <string.h>

#include "input/html_entity_table.h"

/* Windows-1252 for numeric references 0x80-0x9F (HTML standard, 13.2.5.80). */
static const int32_t cp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178,
};

static size_t decode_numeric(const char *s, size_t len, int32_t cp[2])
{
    size_t i = 2; /* after "&#" */
    bool hex = i < len && (s[i] == 'x' || s[i] == 'X');
    if (hex)
        i++;
    size_t digits_at = i;
    uint32_t v = 0;
    bool overflow = false;
    for (; i < len; i++) {
        int d;
        char c = s[i];
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            break;
        if (v > 0x10FFFF)
            overflow = true;
        else
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
    }
    if (i == digits_at)
        return 0;
    if (i < len && s[i] == ';')
        i++;
    if (overflow || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    else if (v >= 0x80 && v <= 0x9F)
        v = (uint32_t)cp1252[v - 0x80];
    cp[0] = (int32_t)v;
    cp[1] = 0;
    return i;
}

static int cmp_entity(const char *name, size_t n, const struct html_entity *e)
{
    int c = strncmp(name, e->name, n);
    if (c)
        return c;
    return e->name[n] ? -1 : 0;
}

/* The entity named exactly @name[0..n), or NULL. */
static const struct html_entity *find(const char *name, size_t n)
{
    size_t lo = 0, hi = sizeof html_entities / sizeof *html_entities;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_entity(name, n, &html_entities[mid]);
        if (c == 0)
            return &html_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

size_t ws_html_entity_decode(const char *s, size_t len, int32_t cp[2])
{
    if (len < 2 || s[0] != '&')
        return 0;
    if (s[1] == '#')
        return decode_numeric(s, len, cp);
    /* The longest name followed by ';' wins; otherwise the longest legacy
     * name without ';' that is a prefix (&ampx reads as &amp + x). */
    size_t n = 1;
    while (n < len && n < 40 && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                                 (s[n] >= '0' && s[n] <= '9')))
        n++;
    if (n < len && s[n] == ';') {
        const struct html_entity *e = find(s + 1, n);
        if (e) {
            cp[0] = e->cp[0];
            cp[1] = e->cp[1];
            return n + 1;
        }
    }
    for (size_t k = n; k > 1; k--) {
        const struct html_entity *e = find(s + 1, k - 1);
        if (e && e->name[k - 2] != ';') {
            cp[0] = e->cp[0];
            cp[1] = e->cp[1];
            return k;
        }
    }
    return 0;
}
