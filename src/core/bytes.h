/*
 * bytes.h - word-at-a-time helpers. Loads of eight and four bytes from any
 * address, as a little-endian number: the hashes that read words a lane at
 * a time put a word's bytes in the same places whatever the machine's byte
 * order. A count of set bits.
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

/* The number of bits set in @w. (Not __builtin_popcountll(): without a
 * -march that has the instruction, it is a call into libgcc.) */
static inline uint32_t ws_bits_set64(uint64_t w)
{
    w = w - ((w >> 1) & UINT64_C(0x5555555555555555));
    w = (w & UINT64_C(0x3333333333333333)) + ((w >> 2) & UINT64_C(0x3333333333333333));
    w = (w + (w >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
    return (uint32_t)((w * UINT64_C(0x0101010101010101)) >> 56);
}

#endif
