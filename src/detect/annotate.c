/* annotate.c - one pass of lexicon lookups over the tokens. */
#include "detect/annotate.h"

#include <string.h>

#include "core/buf.h"
#include "doc/tokenize.h"

uint32_t ws_match_lexicon(const ws_doc *doc, const ws_lexicon *lex, size_t i, bool exact,
                          uint32_t *value)
{
    if (lex->n_entries == 0)
        return 0;
    const ws_token *tok = doc->tokens.v;
    char key[512];
    size_t len = 0;
    uint32_t best = 0;
    for (size_t j = i; j < doc->tokens.n && j - i < lex->max_words; j++) {
        if (j > i && (tok[j].sentence != tok[i].sentence || tok[j].kind == WS_TOK_QUOTE))
            break;
        if (j > i) {
            if (len + 1 >= sizeof key)
                break;
            key[len++] = ' ';
        }
        size_t n;
        if (exact) {
            n = ws_key_of(doc->text, tok[j].start, tok[j].end, false, key + len, sizeof key - len);
        } else {
            const char *k = ws_doc_key(doc, j, &n);
            if (n + 1 > sizeof key - len)
                n = 0;
            else
                memcpy(key + len, k, n + 1);
        }
        if (n == 0)
            break;
        len += n;
        const ws_lex_entry *e = ws_lexicon_find(lex, key, len);
        if (!e)
            break;
        if (e->flags & WS_LEX_ENTRY) {
            best = (uint32_t)(j - i + 1);
            if (value)
                *value = e->value;
        }
        if (!(e->flags & WS_LEX_PREFIX))
            break;
    }
    return best;
}

static uint8_t clamp8(uint32_t n)
{
    return (uint8_t)(n > 255 ? 255 : n);
}

int ws_annotate(const ws_doc *doc, const ws_ruleset *rs, const ws_allocator *mem,
                ws_tok_ann **out)
{
    size_t n = doc->tokens.n;
    ws_tok_ann *a = ws_calloc(mem, n ? n : 1, sizeof *a);
    if (!a)
        return WS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ws_tok_ann *t = &a[i];
        const ws_token *tok = &doc->tokens.v[i];
        t->cue = t->role = t->inst = t->country = t->demonym = t->pronoun = -1;
        t->honorific = -1;
        if (tok->kind == WS_TOK_QUOTE || tok->kind == WS_TOK_PUNCT)
            continue;
        size_t klen;
        const char *key = ws_doc_key(doc, i, &klen);
        uint32_t v;
        if (ws_lexicon_get(&rs->function_words, key, klen, &v))
            t->fw = v;
        uint32_t len;
        if ((len = ws_match_lexicon(doc, &rs->cues, i, false, &v))) {
            t->cue = (int32_t)v;
            t->cue_len = clamp8(len);
        }
        if ((len = ws_match_lexicon(doc, &rs->roles, i, false, &v))) {
            t->role = (int32_t)v;
            t->role_len = clamp8(len);
        }
        /* Institutions by name need a capital: "the state department" in
         * lower case is rare, "the department" is a nominal mention. */
        if ((tok->flags & WS_TOKF_CAP) && (len = ws_match_lexicon(doc, &rs->institutions, i, false, &v))) {
            t->inst = (int32_t)v;
            t->inst_len = clamp8(len);
        } else if ((len = ws_match_lexicon(doc, &rs->acronyms, i, true, &v))) {
            t->inst = (int32_t)v;
            t->inst_len = clamp8(len);
        }
        if ((tok->flags & WS_TOKF_CAP) && (len = ws_match_lexicon(doc, &rs->countries, i, true, &v))) {
            t->country = (int32_t)v;
            t->country_len = clamp8(len);
        }
        if ((tok->flags & WS_TOKF_CAP) && ws_lexicon_get(&rs->demonyms, key, klen, &v))
            t->demonym = (int32_t)v;
        if (ws_lexicon_get(&rs->pronouns, key, klen, &v))
            t->pronoun = (int32_t)v;
        if ((tok->flags & WS_TOKF_CAP) && ws_lexicon_get(&rs->honorifics, key, klen, &v))
            t->honorific = (int8_t)v;
        if ((tok->flags & WS_TOKF_CAP) && ws_lexicon_get(&rs->first_names, key, klen, &v))
            t->first_name = (int8_t)v;
        t->is_head = ws_lexicon_contains(&rs->institution_heads, key, klen);
        t->is_group = ws_lexicon_contains(&rs->group_nouns, key, klen);
        if ((len = ws_match_lexicon(doc, &rs->anonymous, i, false, NULL)))
            t->anon_len = clamp8(len);
    }
    *out = a;
    return WS_OK;
}
