/*
 * speakers.h - who speaks in a source, and whether that is who the article
 * says: transcript speaker labels ("POMPEO:", "Q:", "Sergey Lavrov:"), a
 * press release's issuer (Markdown front matter "issuer:" or "from:"), and
 * their comparison with the speaker attribution found.
 */
#ifndef WS_VERIFY_SPEAKERS_H
#define WS_VERIFY_SPEAKERS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "detect/report.h"
#include "verify/source_index.h"

/*
 * A speaker label at line start @at of @text: "NAME:" in capitals (one to
 * five words: "POMPEO:", "SECRETARY POMPEO:", "MS. NAUERT:"), "Q:", "A:",
 * "QUESTION:", "ANSWER:", or two to four capitalized words ("Sergey Lavrov:",
 * "Secretary Pompeo:"), then white space or the end of the line. A single
 * capitalized word ("Note:") and lead-ins such as "Editor's note:" or
 * "UPDATE:" are not labels. On a match, the label's words are
 * [*start, *end), the speech starts at *after and *kind says what it is.
 */
bool ws_voice_label_at(const char *text, uint32_t len, uint32_t at, uint32_t *start, uint32_t *end,
                       uint32_t *after, ws_voice_kind *kind);

/*
 * The issuer of a Markdown source: the value of "issuer:" (or else
 * "from:") in its YAML front matter, quotes removed, as [*start, *end) of
 * @src. False when there is none.
 */
bool ws_front_matter_issuer(const char *src, uint32_t len, uint32_t *start, uint32_t *end);

/* How a source's voice compares with the speaker the article names. */
typedef enum ws_voice_agreement {
    WS_VOICE_MISMATCH = 0,   /* someone else speaks the passage */
    WS_VOICE_UNKNOWN,        /* cannot tell (no voice, no speaker, an unnamed answer) */
    WS_VOICE_MATCH,
} ws_voice_agreement;

/* Compare voice @v (NULL: none) with entity @entity of the report (-1: none). */
ws_voice_agreement ws_voice_compare(const ws_voice *v, const ws_report *r, int32_t entity);

/*
 * Append how a message names voice @v: a label's last word in title case
 * ("SECRETARY POMPEO" -> "Pompeo"), the issuer as written, "a question
 * (Q:)" or "an answer (A:)"; with @possessive, "Pompeo's".
 */
int ws_voice_display(const ws_voice *v, bool possessive, ws_buf *out);

/* Append how a message names entity @entity: a person's surname, else the name. */
int ws_entity_display(const ws_report *r, int32_t entity, ws_buf *out);

#endif
