/*
 * bytes.h - loads of eight and four bytes from any address, as a
 * little-endian number: the hashes that read words a lane at a time put a
 * word's bytes in the same places whatever the machine's byte order.
 */
#ifndef WS_BYTES_H
#define WS_BYTES_H

#include <stdint.h>
#include <string.h>

static inline uint64_t ws_load64_le(const char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline uint64_t ws_load32_le(const char *s)
{
    uint32_t w;
    memcpy(&w, s, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap32(w);
#endif
    return w;
}

#endif
