/*
 * html_entity.h - decoding HTML character references (&amp; &#8217; &#x201C;
 * and the legacy forms without ';'), shared by the HTML and Markdown readers.
 */
#ifndef WS_HTML_ENTITY_H
#define WS_HTML_ENTITY_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the character reference at @s (which starts with '&'), reading at
 * most @len bytes. On success returns the number of bytes it spans and puts
 * its one or two code points in cp[0], cp[1] (cp[1] is 0 for one). Returns
 * 0 when @s does not start a reference (a lone '&' is text). Numeric
 * references to NUL, surrogates or beyond U+10FFFF give U+FFFD, and the
 * C1 range 0x80-0x9F is read as Windows-1252, as the HTML standard says.
 */
size_t ws_html_entity_decode(const char *s, size_t len, int32_t cp[2]);

#endif
