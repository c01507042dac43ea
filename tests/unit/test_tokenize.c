/*
 * test_tokenize.c - the tokens of a document and their flags and keys: the
 * bytewise ASCII path and the general one must agree on where words end and
 * which are capitalized or all capitals.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "doc/tokenize.h"
#include "text/utf8.h"

/* The tokens of @text, each as "text/flags/key" (C capitalized, A all
 * capitals, S space before, N line break before), joined by '|'. */
static const char *tokens_of(const char *text)
{
    static char out[2048];
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    const ws_doc *doc = &r->doc;
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->tokens.n; i++) {
        const ws_token *t = &doc->tokens.v[i];
        size_t klen;
        const char *key = ws_doc_key(doc, i, &klen);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s/%s%s%s%s/%.*s", i ? "|" : "",
                              (int)(t->end - t->start), doc->text + t->start,
                              t->flags & WS_TOKF_CAP ? "C" : "", t->flags & WS_TOKF_ALLCAPS ? "A" : "",
                              t->flags & WS_TOKF_SPACE_BEFORE ? "S" : "",
                              t->flags & WS_TOKF_NEWLINE_BEFORE ? "N" : "", (int)klen, key);
        assert_true(n < sizeof out);
    }
    ws_report_free(r);
    return out;
}

static void capitals_and_all_capitals(void **state)
{
    (void)state;
    /* All capitals needs two letters, every one of them a capital; a word
     * may start with a digit and still be all capitals. */
    assert_string_equal(tokens_of("NATO and 3DS, G20 or 3D vs I go A1 x2Y"),
                        "NATO/CA/nato|and/S/and|3DS/AS/3ds|,//,|G20/CS/g20|or/S/or|3D/S/3d|vs/S/vs|"
                        "I/CS/i|go/S/go|A1/CS/a1|x2Y/S/x2y");
    /* The general path: non-ASCII letters, an Arabic article, inner
     * apostrophes and hyphens, a possessive. */
    assert_string_equal(tokens_of("\xc3\x89LYS\xc3\x89" "E al-Assad O'Neill's well-known \xc3\xa9t\xc3\xa9"),
                        "\xc3\x89LYS\xc3\x89" "E/CA/\xc3\xa9lys\xc3\xa9" "e|al-Assad/CS/al-assad|O'Neill/CS/o'neill|'s//'s|"
                        "well-known/S/well-known|\xc3\xa9t\xc3\xa9/S/\xc3\xa9t\xc3\xa9");
}

/* Keys of short words are folded a word at a time: tokens of seven, eight
 * and nine bytes, non-ASCII bytes just past a token or inside it, every
 * capital letter and the bytes either side of them ('@', '[', '`', '{'),
 * and a word too close to the end of the text to load eight bytes. */
static void keys_of_short_and_long_words(void **state)
{
    (void)state;
    assert_string_equal(tokens_of("ABCDEFG ABCDEFGH ABCDEFGHI Ab\xc3\xa9 Ab \xc3\xa9t\xc3\xa9 Zz"),
                        "ABCDEFG/CA/abcdefg|ABCDEFGH/CAS/abcdefgh|ABCDEFGHI/CAS/abcdefghi|"
                        "Ab\xc3\xa9/CS/ab\xc3\xa9|Ab/CS/ab|\xc3\xa9t\xc3\xa9/S/\xc3\xa9t\xc3\xa9|Zz/CS/zz");
    assert_string_equal(tokens_of("@AZ[ `az{ IJKLMNOP QRSTUVWXY"),
                        "@//@|AZ/CA/az|[//[|`/S/`|az//az|{//{|IJKLMNOP/CAS/ijklmnop|QRSTUVWXY/CAS/qrstuvwxy");
    /* Nine to sixteen bytes are folded as two overlapping words: fifteen,
     * sixteen and seventeen bytes, and a non-ASCII letter in the first
     * word, in the last, and where they overlap. */
    assert_string_equal(tokens_of("KestrelRiverton KestrelRivertonX KestrelRivertonXY "
                                  "\xc3\x89tudesRiverton RivertonKestr\xc3\xa9 RivertRi\xc3\xa9" "erton"),
                        "KestrelRiverton/C/kestrelriverton|KestrelRivertonX/CS/kestrelrivertonx|"
                        "KestrelRivertonXY/CS/kestrelrivertonxy|"
                        "\xc3\x89tudesRiverton/CS/\xc3\xa9tudesriverton|RivertonKestr\xc3\xa9/CS/rivertonkestr\xc3\xa9|"
                        "RivertRi\xc3\xa9" "erton/CS/rivertri\xc3\xa9" "erton");
    /* A word's or a number's key sets the small-letter bit of every byte:
     * exact for letters, digits and the marks inside words ("-&'.,"), of
     * eight bytes or fewer and of nine to sixteen; a punctuation mark keeps
     * its byte ('@' is not '`', '_' is not DEL). */
    assert_string_equal(tokens_of("AB-CD&EF O'NEILL 3,000.50 U.S.A. KESTREL-HALE&CO Kestrel.co.uk 12,345,678.9 "
                                  "@ [ \\ ] ^ _ ~"),
                        "AB-CD&EF/CA/ab-cd&ef|O'NEILL/CAS/o'neill|3,000.50/S/3,000.50|U.S.A./CAS/u.s.a.|"
                        "KESTREL-HALE&CO/CAS/kestrel-hale&co|Kestrel.co.uk/CS/kestrel.co.uk|"
                        "12,345,678.9/S/12,345,678.9|@/S/@|[/S/[|\\/S/\\|]/S/]|^/S/^|_/S/_|~/S/~");
}

static void white_space_before_tokens(void **state)
{
    (void)state;
    /* Tabs, a no-break space (U+00A0) and line breaks are white space; DEL
     * and other controls are not, and stand as punctuation. */
    assert_string_equal(tokens_of("a\tb\xc2\xa0" "c\nd e\x7f" "f"),
                        "a//a|b/S/b|c/S/c|d/SN/d|e/S/e|\x7f//\x7f|f//f");
}

/* What ends a plain ASCII word decides whether the bytewise path may take
 * it: a joining mark before another letter or digit, an apostrophe, a
 * non-ASCII byte or a one-letter word before a period go to the general
 * rules; the last word of the text ends at its last byte. */
static void what_ends_an_ascii_word(void **state)
{
    (void)state;
    assert_string_equal(tokens_of("Kestrel-Hale, AT&T; 3.5 3,000 x.y A. Ruiz Tom's Ana\xe2\x80\x99s end"),
                        "Kestrel-Hale/C/kestrel-hale|,//,|AT&T/CAS/at&t|;//;|3.5/S/3.5|3,000/S/3,000|x/S/x|.//.|y//y|A/CS/a|.//.|Ruiz/CS/ruiz|Tom/CS/tom|'s//'s|Ana/CS/ana|\xe2\x80\x99s//'s|end/S/end");
    assert_string_equal(tokens_of("Ana- Tom, Hale& Ruiz. ABCd aBC A1B2 2024 Z"), "Ana/C/ana|-//-|Tom/CS/tom|,//,|Hale/CS/hale|&//&|Ruiz/CS/ruiz|.//.|ABCd/CS/abcd|aBC/S/abc|A1B2/CAS/a1b2|2024/S/2024|Z/CS/z");
    /* A word longer than any fast copy, and one that runs into a letter
     * with an accent. */
    assert_string_equal(tokens_of("Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop TOMHALEANARUIZKESTRELX caf\xc3\xa9s"),
                        "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop/C/abcdefghijklmnopqrstuvwxyzabcdefghijklmnop|TOMHALEANARUIZKESTRELX/CAS/tomhaleanaruizkestrelx|caf\xc3\xa9s/S/caf\xc3\xa9s");
}

/* Punctuation and control characters take a path of their own in an
 * article (runs of '.', '-', '!' and '?' as one token, other marks one by
 * one); rule phrases go through the general rules: both split alike. */
static void punctuation_splits_as_phrases_do(void **state)
{
    (void)state;
    const char *text = "Ruiz... Hale?! Tom -- Ana!!! (Kestrel) 5% $3 #tag @x, ok?.. a;b:c/d \x01 end-. !?";
    assert_string_equal(tokens_of(text),
                        "Ruiz/C/ruiz|...//...|Hale/CS/hale|?//?|!//!|Tom/CS/tom|--/S/--|Ana/CS/ana|!!!//!!!|"
                        "(/S/(|Kestrel/C/kestrel|)//)|5/S/5|%//%|$/S/$|3//3|#/S/#|tag//tag|@/S/@|x//x|,//,|"
                        "ok/S/ok|?//?|..//..|a/S/a|;//;|b//b|://:|c//c|////|d//d|\x01/S/\x01|end/S/end|-//-|.//.|"
                        "!/S/!|?//?");
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    const ws_doc *doc = &r->doc;
    ws_buf joined, key;
    ws_buf_init(&joined, &ws_default_allocator);
    ws_buf_init(&key, &ws_default_allocator);
    for (size_t i = 0; i < doc->tokens.n; i++) {
        size_t klen;
        const char *k = ws_doc_key(doc, i, &klen);
        assert_true((!i || ws_buf_putc(&joined, ' ') >= 0) && ws_buf_put(&joined, k, klen) >= 0);
    }
    assert_int_equal(ws_phrase_key(text, strlen(text), true, &key), (int)doc->tokens.n);
    assert_int_equal(key.len, joined.len);
    assert_memory_equal(key.data, joined.data, key.len);
    ws_buf_release(&joined);
    ws_buf_release(&key);
    ws_report_free(r);
}

/* A run of ASCII letters and digits is measured eight bytes a step: words
 * of 1 to 24 bytes made of the ends of the three ranges ('0', '9', 'A',
 * 'Z', 'a', 'z'), each followed by a byte just outside them ('/', ':',
 * '@', '[', '`', '{'), DEL, a non-ASCII mark, a space or the end of the
 * text, end where the word does. */
static void ascii_runs_end_at_every_byte(void **state)
{
    (void)state;
    static const char *const after[] = {"/", ":", "@", "[", "`", "{", "\x7F", "\xE2\x80\x94", " ", ""};
    static const char letters[] = "09AZaz";
    for (size_t len = 1; len <= 24; len++) {
        for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
            char text[64];
            for (size_t b = 0; b < len; b++)
                text[b] = letters[(b * 5 + len) % 6];
            /* (After the last: nothing, the word ends the text.) */
            snprintf(text + len, sizeof text - len, "%s%s", after[k], *after[k] ? " z" : "");
            ws_report *r = test_analyze(text, WS_INPUT_TEXT);
            const ws_doc *doc = &r->doc;
            assert_true(doc->tokens.n >= 1);
            assert_int_equal(doc->tokens.v[0].start, 0);
            assert_int_equal(doc->tokens.v[0].end, len);
            ws_report_free(r);
        }
    }
}

/* The tokenizer notes the tokens that may end a sentence: punctuation
 * starting with '.', '!' or '?' (runs too) and dotted abbreviations, and
 * no other; the sentence splitter reads only those. */
static void stops_are_the_tokens_that_may_end_sentences(void **state)
{
    (void)state;
    const char *text = "Tom Hale of the U.S. firm said: \"No!\" Really?! Ana Ruiz (of Kestrel, e.g. Riverton) "
                       "left at 5 p.m. \xC3\x89t\xC3\xA9... 3.5 \xE2\x80\xA6 x.y - so? (Yes.)\n\nNew block.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    const ws_doc *doc = &r->doc;
    size_t n_stops = 0;
    for (size_t i = 0; i < doc->tokens.n; i++) {
        const ws_token *t = &doc->tokens.v[i];
        char c = doc->text[t->start];
        bool may_end = (t->kind == WS_TOK_PUNCT && (c == '.' || c == '!' || c == '?')) || (t->flags & WS_TOKF_ABBREV);
        if (may_end) {
            assert_true(n_stops < doc->stops.n);
            assert_int_equal(doc->stops.v[n_stops], i);
            n_stops++;
        }
    }
    assert_int_equal(n_stops, doc->stops.n);
    assert_int_equal(n_stops, 11);
    /* Sentences: up to the quoted "No!", "Really?!", from "Ana Ruiz" to "so?", "(Yes.)", "New block." */
    assert_int_equal(doc->sentences.n, 5);
    ws_report_free(r);
}

/* ws_doc_token_at() is the first token starting at or after an offset:
 * checked against a walk for every offset of texts of none, one, two,
 * three and many tokens. */
static void token_at_is_first_token_from_offset(void **state)
{
    (void)state;
    const char *texts[] = {"", "Ana", "Ana Ruiz", "Ana Ruiz said.",
                           ("Tom Hale, who runs the Kestrel ferry, said on Friday that the boats would sail "
                            "again in May. \"We are ready,\" he said. Ana Ruiz (of Riverton) agreed.")};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        ws_report *r = test_analyze(texts[k], WS_INPUT_TEXT);
        const ws_doc *doc = &r->doc;
        for (uint32_t off = 0; off <= doc->text_len + 1; off++) {
            uint32_t want = 0;
            while (want < doc->tokens.n && doc->tokens.v[want].start < off)
                want++;
            assert_int_equal(ws_doc_token_at(doc, off), want);
        }
        ws_report_free(r);
    }
}

/* Rule phrases split as articles do, through the same scanner: ASCII
 * words, one at the very end of the phrase, and the general rules. */
static void phrase_keys_split_as_articles(void **state)
{
    (void)state;
    ws_buf key;
    ws_buf_init(&key, &ws_default_allocator);
    const char *phrase = "Tom Hale's  AT&T U.S. Ana-Ruiz caf\xc3\xa9 3.5 Kestrel";
    assert_int_equal(ws_phrase_key(phrase, strlen(phrase), true, &key), 9);
    assert_string_equal(key.data, "tom hale 's at&t u.s. ana-ruiz caf\xc3\xa9 3.5 kestrel");
    assert_int_equal(ws_phrase_key("NATO", 4, false, &key), 1);
    assert_string_equal(key.data, "NATO");
    ws_buf_release(&key);
}

/* The key kept for each token is ws_token_lower() of it (sentence
 * splitting looks abbreviations up by the kept key): plain and dotted
 * words, capitals beyond ASCII, typographic apostrophes, long words. */
static void kept_keys_are_token_lower(void **state)
{
    (void)state;
    ws_report *r = test_analyze("Mr. Tom Hale of the U.S. said Dr Ana Ruiz\xe2\x80\x99s \xc3\x89" "COLE plan, "
                                "O\xe2\x80\x99Neill\xe2\x80\x99s Kestrel-Riverton-Holdings-Incorporated-"
                                "Worldwide-Partners-Group, works. NO. 5 Inc. ETC.\n",
                                WS_INPUT_TEXT);
    const ws_doc *doc = &r->doc;
    assert_true(doc->tokens.n > 20);
    for (size_t i = 0; i < doc->tokens.n; i++) {
        char want[256];
        size_t want_len = ws_token_lower(doc, &doc->tokens.v[i], want, sizeof want);
        size_t len;
        const char *key = ws_doc_key(doc, i, &len);
        assert_int_equal(len, want_len);
        assert_memory_equal(key, want, len);
    }
    ws_report_free(r);
}

/* The character classes answer ASCII inline and the rest out of line:
 * every ASCII character as <ctype.h> classes it in the C locale, end of
 * text (-1) as nothing, and characters either side of U+0080. */
static void character_classes_inline_and_beyond(void **state)
{
    (void)state;
    for (int32_t cp = -1; cp < 0x80; cp++) {
        bool in_ascii = cp >= 0;
        assert_int_equal(ws_cp_is_letter(cp), in_ascii && isalpha(cp));
        assert_int_equal(ws_cp_is_upper(cp), in_ascii && isupper(cp));
        assert_int_equal(ws_cp_is_lower(cp), in_ascii && islower(cp));
        assert_int_equal(ws_cp_is_digit(cp), in_ascii && isdigit(cp));
        assert_int_equal(ws_cp_is_alnum(cp), in_ascii && isalnum(cp));
        assert_int_equal(ws_cp_is_space(cp), in_ascii && isspace(cp));
        assert_int_equal(ws_cp_is_dash(cp), cp == '-');
    }
    /* e acute, E acute, Arabic-Indic three, no-break space, the line
     * separator, NEL, em dash, the typographic apostrophe. */
    assert_true(ws_cp_is_letter(0xE9) && ws_cp_is_lower(0xE9) && !ws_cp_is_upper(0xE9) && ws_cp_is_alnum(0xE9));
    assert_true(ws_cp_is_letter(0xC9) && ws_cp_is_upper(0xC9) && !ws_cp_is_lower(0xC9));
    assert_true(ws_cp_is_digit(0x663) && ws_cp_is_alnum(0x663) && !ws_cp_is_letter(0x663));
    assert_true(ws_cp_is_space(0xA0) && ws_cp_is_space(0x2028) && ws_cp_is_space(0x85) && !ws_cp_is_space(0x80));
    assert_true(ws_cp_is_dash(0x2014) && !ws_cp_is_alnum(0x2014) && !ws_cp_is_space(0x2014));
    assert_true(!ws_cp_is_alnum(0x2019) && !ws_cp_is_letter(0x2019) && !ws_cp_is_dash(0x2019));
}

/* A period and an opening quotation mark end a sentence unless a word in
 * lower case opens the quotation, after an abbreviation or not; a unit's
 * period before a capital ends one ("9 lbs. Kestrel ..."). */
static void quotation_after_an_abbreviation(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t sentences;
    } cases[] = {
        {"Hale lost 16 lbs. \"and a belt\" in May, he says.", 1},
        {"The fish weighed 9 lbs. Kestrel bought it.", 2},
        {"The fish weighed 16 lbs. \"It was huge,\" Hale said.", 2},
        {"The ferry left at 9 a.m. \"It was late,\" Hale said.", 2},
        {"The ferry left at 9 a.m. \"and it was late,\" Hale said.", 1},
        {"The pike was 3 ft. long, Hale said.", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ws_report *r = test_analyze(cases[i].text, WS_INPUT_TEXT);
        if (r->doc.sentences.n != cases[i].sentences)
            fail_msg("%s: %zu sentences, not %zu", cases[i].text, r->doc.sentences.n, cases[i].sentences);
        ws_report_free(r);
    }
}

/* A deterministic stream of pseudo-random numbers for generated texts. */
static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/*
 * Short words (up to fifteen bytes) and the comma, full stop or other mark
 * right after one are made by a loop of their own, which must split, flag,
 * key and note stops exactly as the general rules: generated texts of
 * ASCII words of 1 to 20 bytes near and at the end of the text, marks
 * after them (single and in runs), inner marks, non-ASCII letters and
 * typographic apostrophes, single and double spaces and line breaks,
 * checked against ws_phrase_key() (the general rules), ws_token_lower()
 * and the flags' definitions.
 */
static void short_words_split_as_phrases_do(void **state)
{
    (void)state;
    static const char *const marks[] = {",", ".", ";", ":", ")", "!", "?", "...", "?!", "..", "-", "&", "(",
                                        "'s", "\xe2\x80\x99s", "\xe2\x80\x94", "%", "/", ",,"};
    static const char *const gaps[] = {" ", " ", " ", "  ", "\n", ""};
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint32_t seed = 31;
    ws_buf text, joined, phrase;
    ws_buf_init(&text, &ws_default_allocator);
    ws_buf_init(&joined, &ws_default_allocator);
    ws_buf_init(&phrase, &ws_default_allocator);
    for (int round = 0; round < 400; round++) {
        text.len = 0;
        int n_pieces = 1 + (int)(next_random(&seed) % 12);
        for (int p = 0; p < n_pieces; p++) {
            uint32_t kind = next_random(&seed) % 10;
            if (kind < 6) {
                /* A word; all capitals, capitalized or small at random. */
                uint32_t len = 1 + next_random(&seed) % 20, style = next_random(&seed) % 3;
                for (uint32_t k = 0; k < len; k++) {
                    char c = letters[next_random(&seed) % (sizeof letters - 1)];
                    if (style == 0 && c >= 'a' && c <= 'z')
                        c = (char)(c - 32);
                    else if (style == 2 && c >= 'A' && c <= 'Z')
                        c = (char)(c + 32);
                    assert_true(ws_buf_putc(&text, c) >= 0);
                }
            } else if (kind < 9) {
                assert_true(ws_buf_puts(&text, marks[next_random(&seed) % (sizeof marks / sizeof *marks)]) >= 0);
            } else {
                assert_true(ws_buf_puts(&text, next_random(&seed) % 2 ? "\xc3\xa9t\xc3\xa9" : "\xc3\x89LAN") >= 0);
            }
            if (next_random(&seed) % 4)
                assert_true(ws_buf_puts(&text, gaps[next_random(&seed) % (sizeof gaps / sizeof *gaps)]) >= 0);
        }
        ws_report *r = test_analyze(text.data, WS_INPUT_TEXT);
        const ws_doc *doc = &r->doc;
        joined.len = 0;
        size_t n_stops = 0;
        for (size_t i = 0; i < doc->tokens.n; i++) {
            const ws_token *t = &doc->tokens.v[i];
            size_t klen;
            const char *k = ws_doc_key(doc, i, &klen);
            char want[256];
            size_t want_len = ws_token_lower(doc, t, want, sizeof want);
            assert_int_equal(klen, want_len);
            assert_memory_equal(k, want, klen);
            assert_true((!i || ws_buf_putc(&joined, ' ') >= 0) && ws_buf_put(&joined, k, klen) >= 0);
            /* The flags of a plain ASCII word, from their definitions. */
            bool plain = true;
            int n_upper = 0, n_lower = 0;
            for (uint32_t b = t->start; b < t->end; b++) {
                unsigned char c = (unsigned char)doc->text[b];
                plain = plain && isalnum(c);
                n_upper += isupper(c) != 0;
                n_lower += islower(c) != 0;
            }
            if (plain && t->kind != WS_TOK_QUOTE) {
                assert_int_equal(t->kind, isdigit((unsigned char)doc->text[t->start]) ? WS_TOK_NUMBER : WS_TOK_WORD);
                assert_int_equal(!!(t->flags & WS_TOKF_CAP), !!isupper((unsigned char)doc->text[t->start]));
                assert_int_equal(!!(t->flags & WS_TOKF_ALLCAPS), n_upper >= 2 && n_lower == 0);
            }
            bool space_before = t->start > 0 && (doc->text[t->start - 1] == ' ' || doc->text[t->start - 1] == '\n');
            assert_int_equal(!!(t->flags & WS_TOKF_SPACE_BEFORE), space_before);
            char c = doc->text[t->start];
            if ((t->kind == WS_TOK_PUNCT && (c == '.' || c == '!' || c == '?')) || (t->flags & WS_TOKF_ABBREV)) {
                assert_true(n_stops < doc->stops.n);
                assert_int_equal(doc->stops.v[n_stops], i);
                n_stops++;
            }
        }
        assert_int_equal(n_stops, doc->stops.n);
        /* The general rules split the same text into the same keys (line
         * breaks aside, which only blocks and flags see). */
        int n = ws_phrase_key(doc->text, doc->text_len, true, &phrase);
        assert_int_equal(n, (int)doc->tokens.n);
        assert_int_equal(phrase.len, joined.len);
        assert_memory_equal(phrase.data, joined.data, joined.len);
        ws_report_free(r);
    }
    ws_buf_release(&text);
    ws_buf_release(&joined);
    ws_buf_release(&phrase);
}

/* Words of eight to fifteen bytes are scanned and keyed two words of eight
 * bytes at a time, except within sixteen bytes of the end of the text;
 * each is followed here by a mark the short-word loop takes itself, one
 * it leaves to the general rules, or nothing. */
static void words_of_eight_to_fifteen_bytes(void **state)
{
    (void)state;
    assert_string_equal(tokens_of("Kestrelriverto, HALEKESTRELRIV. abcdefgh; Abcdefghijklmnop ABCDEFGHIJKLMNO"),
                        "Kestrelriverto/C/kestrelriverto|,//,|HALEKESTRELRIV/CAS/halekestrelriv|.//.|"
                        "abcdefgh/S/abcdefgh|;//;|Abcdefghijklmnop/CS/abcdefghijklmnop|"
                        "ABCDEFGHIJKLMNO/CAS/abcdefghijklmno");
    assert_string_equal(tokens_of("RIVERTONKESTREL... Kestrelriverton's 12345678901.5 Tomhaleanaruiz?!"),
                        "RIVERTONKESTREL/CA/rivertonkestrel|...//...|Kestrelriverton/CS/kestrelriverton|'s//'s|"
                        "12345678901.5/S/12345678901.5|Tomhaleanaruiz/CS/tomhaleanaruiz|?//?|!//!");
    /* A quotation mark right after a word and its comma. */
    assert_string_equal(tokens_of("\"Kestrelriverton,\" Hale said."),
                        "\"//\"|Kestrelriverton/C/kestrelriverton|,//,|\"//\"|Hale/CS/hale|said/S/said|.//.");
}

/* Each block's sentences hold its tokens and no other: blocks of one
 * token, of none but white space, headings and list items in Markdown,
 * and a last block without a full stop. */
static void sentences_keep_to_their_blocks(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ws_input_format fmt;
    } cases[] = {
        {"Ana.\n\nTom Hale said so. Ana agreed.\n\nX\n\n\"Yes,\" Hale said.\n\nno stop", WS_INPUT_TEXT},
        {"# Ferry\n\nTom Hale said so.\n\n- one\n- two. Three\n\n> Ana said: \"fine.\"\n\nEnd", WS_INPUT_MARKDOWN},
        {"<p>A.</p><p> </p><h2>B</h2><p>Tom said \"yes.\" Ana left.</p>", WS_INPUT_HTML},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        ws_report *r = test_analyze(cases[c].text, cases[c].fmt);
        const ws_doc *doc = &r->doc;
        size_t next = 0;
        for (size_t i = 0; i < doc->sentences.n; i++) {
            const ws_sentence *s = &doc->sentences.v[i];
            const ws_block *b = &doc->blocks.v[s->block];
            assert_int_equal(s->tok_start, next);
            assert_true(s->tok_end > s->tok_start);
            for (uint32_t t = s->tok_start; t < s->tok_end; t++) {
                assert_true(doc->tokens.v[t].start >= b->start && doc->tokens.v[t].end <= b->end);
                assert_int_equal(doc->tokens.v[t].sentence, i);
            }
            next = s->tok_end;
        }
        assert_int_equal(next, doc->tokens.n);
        ws_report_free(r);
    }
}

/* UTF-8 validation and the binary probe skip sixteen, then eight ASCII
 * bytes at a time: a bad byte, a non-ASCII letter and a control character
 * are found at every offset of texts of 1 to 48 bytes. */
static void text_checks_at_every_offset(void **state)
{
    (void)state;
    char buf[64];
    for (size_t len = 1; len <= 48; len++) {
        for (size_t at = 0; at < len; at++) {
            memset(buf, 'a', len);
            size_t bad = 99;
            assert_int_equal(ws_utf8_validate(buf, len, &bad), WS_OK);
            buf[at] = (char)0xFF;
            assert_int_equal(ws_utf8_validate(buf, len, &bad), WS_EUTF8);
            assert_int_equal(bad, at);
            if (at + 2 <= len) {
                memcpy(buf + at, "\xc3\xa9", 2);
                assert_int_equal(ws_utf8_validate(buf, len, &bad), WS_OK);
            }
            /* A control character in one byte of ten or more is binary;
             * a tab, a line break or a form feed never counts. */
            memset(buf, 'a', len);
            for (size_t k = at; k < len; k += 3)
                buf[k] = '\x01';
            size_t n_ctrl = (len - at + 2) / 3;
            assert_int_equal(ws_looks_binary(buf, len), len >= 32 && n_ctrl * 10 > len);
            for (size_t k = at; k < len; k += 3)
                buf[k] = "\n\t\r\f"[k % 4];
            assert_false(ws_looks_binary(buf, len));
        }
    }
}

/* What may follow a short word in the short-word loop: a possessive 's
 * (either apostrophe, either case) is a word of its own there, and an
 * apostrophe before no letter, a dash, an ellipsis or a closing mark ends
 * the word; a non-ASCII letter, a combining mark, a non-breaking hyphen,
 * an apostrophe inside a word or an 's going on with a letter leave it to
 * the general rules. (Expected as 21bfaca, before the loop, split them.) */
static void what_may_follow_a_short_word(void **state)
{
    (void)state;
    assert_string_equal(
        tokens_of("Tom's TOM'S Ana\xe2\x80\x99s Ruiz\xe2\x80\x99S players' union the Joneses\xe2\x80\x99 house "
                  "Kestrel\xe2\x80\x94Hale wait\xe2\x80\xa6 caf\xc3\xa9s x\xcc\xa3y Hale\xe2\x80\x91Ruiz Tom's\xc3\xa9 "
                  "O'Neill it's Ana'sb Hale's, Ruiz's. end'"),
        "Tom/C/tom|'s//'s|TOM/CAS/tom|'S//'s|Ana/CS/ana|\xe2\x80\x99s//'s|Ruiz/CS/ruiz|\xe2\x80\x99S//'s|"
        "players/S/players|'//'|union/S/union|the/S/the|Joneses/CS/joneses|\xe2\x80\x99//'|house/S/house|"
        "Kestrel/CS/kestrel|\xe2\x80\x94//\xe2\x80\x94|Hale/C/hale|wait/S/wait|\xe2\x80\xa6//\xe2\x80\xa6|"
        "caf\xc3\xa9s/S/caf\xc3\xa9s|x\xcc\xa3y/S/x\xcc\xa3y|Hale\xe2\x80\x91Ruiz/CS/hale\xe2\x80\x91ruiz|"
        "Tom's\xc3\xa9/CS/tom's\xc3\xa9|O'Neill/CS/o'neill|it/S/it|'s//'s|Ana'sb/CS/ana'sb|Hale/CS/hale|'s//'s|"
        ",//,|Ruiz/CS/ruiz|'s//'s|.//.|end/S/end|'//'");
}

/* ws_key_of() folds eight ASCII bytes at a time while they fit: keys of 1
 * to 20 bytes, folded and not, into a buffer too small by one byte, just
 * large enough, and larger; a typographic apostrophe after the eighth
 * byte. */
static void keys_fit_or_are_empty(void **state)
{
    (void)state;
    const char *text = "ABCDefghIJKLmnopQRST";
    for (uint32_t len = 1; len <= 20; len++) {
        for (size_t cap = len; cap <= len + 2; cap++) {
            char out[32];
            memset(out, '#', sizeof out);
            size_t n = ws_key_of(text, 0, len, true, out, cap);
            if (cap < len + 1) {
                assert_int_equal(n, 0);
                continue;
            }
            assert_int_equal(n, len);
            for (uint32_t k = 0; k < len; k++)
                assert_int_equal(out[k], (char)tolower((unsigned char)text[k]));
            assert_int_equal(out[len], '\0');
            assert_int_equal(ws_key_of(text, 0, len, false, out, cap), len);
            assert_memory_equal(out, text, len);
        }
    }
    char out[32];
    assert_int_equal(ws_key_of("KESTRELRIV\xe2\x80\x99S", 0, 14, false, out, sizeof out), 12);
    assert_string_equal(out, "KESTRELRIV'S");
    assert_int_equal(ws_key_of("KESTRELRIV\xe2\x80\x99S", 0, 14, true, out, sizeof out), 12);
    assert_string_equal(out, "kestrelriv's");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capitals_and_all_capitals),
        cmocka_unit_test(keys_of_short_and_long_words),
        cmocka_unit_test(white_space_before_tokens),
        cmocka_unit_test(what_ends_an_ascii_word),
        cmocka_unit_test(punctuation_splits_as_phrases_do),
        cmocka_unit_test(token_at_is_first_token_from_offset),
        cmocka_unit_test(ascii_runs_end_at_every_byte),
        cmocka_unit_test(stops_are_the_tokens_that_may_end_sentences),
        cmocka_unit_test(quotation_after_an_abbreviation),
        cmocka_unit_test(phrase_keys_split_as_articles),
        cmocka_unit_test(character_classes_inline_and_beyond),
        cmocka_unit_test(kept_keys_are_token_lower),
        cmocka_unit_test(short_words_split_as_phrases_do),
        cmocka_unit_test(words_of_eight_to_fifteen_bytes),
        cmocka_unit_test(sentences_keep_to_their_blocks),
        cmocka_unit_test(text_checks_at_every_offset),
        cmocka_unit_test(what_may_follow_a_short_word),
        cmocka_unit_test(keys_fit_or_are_empty),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
