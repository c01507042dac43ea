/*
 * sha256.h - SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of
 * the HTML page's inline style and script.
 */
#ifndef WS_SHA256_H
#define WS_SHA256_H

#include <stddef.h>
#include <stdint.h>

void ws_sha256(const void *data, size_t len, uint8_t digest[32]);

#endif
