/*
 * whosaid.h - the public interface of libwhosaid, a source-attribution and
 * quotation verifier for news copy.
 *
 * The pipeline: a context holds options and compiled rules (read-only once
 * loaded, so threads may share it); ws_analyze() turns one article into a
 * report (its quotations, statements, speakers, findings); a renderer writes
 * reports to a sink in one of the output formats.
 *
 * Conventions:
 *  - Every function that can fail returns a ws_status: 0 on success, a
 *    negative code on failure; ws_strerror() names it.
 *  - Objects are opaque and come in _new/_free pairs; _free(NULL) does nothing.
 *  - Pointers returned by report accessors are borrowed: they stay valid until
 *    the report is freed and must not be freed by the caller.
 *  - Text is UTF-8. Byte offsets are half-open [start, end). Lines and columns
 *    are 1-based; columns count Unicode code points.
 */
#ifndef WHOSAID_H
#define WHOSAID_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define WS_API __attribute__((visibility("default")))
#else
#define WS_API
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

/** Result codes. Success is zero, failures are negative. */
typedef enum ws_status {
    WS_OK = 0,
    WS_ENOMEM = -1,   /**< an allocation failed */
    WS_EINVAL = -2,   /**< an argument is invalid (a NULL pointer, an unknown name) */
    WS_EIO = -3,      /**< reading or writing failed */
    WS_EUTF8 = -4,    /**< the input is not valid UTF-8 */
    WS_ERULE = -5,    /**< a rule file is invalid */
    WS_ELIMIT = -6,   /**< a size or matching limit was exceeded */
    WS_EBINARY = -7,  /**< the input looks like a binary file, not text */
    WS_ECONFIG = -8,  /**< a configuration file is invalid */
} ws_status;

/**
 * Static English text for a status code; never NULL, also for unknown codes.
 */
WS_API const char *ws_strerror(int code);

/** The library version, such as "0.1.0". */
WS_API const char *ws_version(void);

/* ------------------------------------------------------------------------ */
/* Allocation and diagnostics                                               */
/* ------------------------------------------------------------------------ */

/**
 * A custom allocator. Every allocation the library makes goes through it,
 * PCRE2's and libyaml's included where their interfaces allow. @ud is passed
 * back unchanged. @alloc and @realloc return NULL on failure; the library then
 * returns WS_ENOMEM and never aborts. @free must accept NULL.
 */
typedef struct ws_allocator {
    void *(*alloc)(void *ud, size_t n);
    void *(*realloc)(void *ud, void *p, size_t old_n, size_t new_n);
    void (*free)(void *ud, void *p);
    void *ud;
} ws_allocator;

/**
 * Details of a failure, filled by functions that take a ws_diag pointer
 * (which may be NULL when the caller does not want them).
 *
 * @file is the file the problem is in: an article, a rule file or a
 * configuration file; empty when there is none. @byte_off, @line and @col
 * locate the problem in it (1-based; 0 when unknown). @message is one line of
 * English without the location, e.g. "invalid UTF-8 byte 0xff".
 */
typedef struct ws_diag {
    int code;
    char file[1024];
    uint64_t byte_off;
    uint32_t line;
    uint32_t col;
    char message[512];
} ws_diag;

/* ------------------------------------------------------------------------ */
/* Input formats                                                            */
/* ------------------------------------------------------------------------ */

/** The format of an article. */
typedef enum ws_input_format {
    WS_INPUT_AUTO = 0,  /**< decide from the path's extension; text if unknown */
    WS_INPUT_TEXT,
    WS_INPUT_MARKDOWN,
    WS_INPUT_HTML,
} ws_input_format;

/**
 * The input format named @name ("text", "markdown", "html", "auto"; also the
 * short forms "txt", "md"), or WS_EINVAL.
 */
WS_API int ws_input_format_from_name(const char *name);

/**
 * The input format a path's extension stands for: .txt, .md, .markdown,
 * .html, .htm (case-insensitive). WS_INPUT_AUTO when the extension is none of
 * these; callers walking a directory use that to skip a file.
 */
WS_API ws_input_format ws_input_format_from_path(const char *path);

/** The name of an input format ("text", "markdown", "html", "auto"). */
WS_API const char *ws_input_format_name(ws_input_format fmt);

/* ------------------------------------------------------------------------ */
/* Severity levels                                                          */
/* ------------------------------------------------------------------------ */

/** How serious a finding is. Ordered: a higher value is more serious. */
typedef enum ws_level {
    WS_LEVEL_OFF = 0,         /**< a rule switched off; never on a finding */
    WS_LEVEL_SUGGESTION = 1,
    WS_LEVEL_WARNING = 2,
    WS_LEVEL_ERROR = 3,
} ws_level;

/** The level named @name ("suggestion", "warning", "error", "off"), or WS_EINVAL. */
WS_API int ws_level_from_name(const char *name);

/** The name of a level. */
WS_API const char *ws_level_name(ws_level level);

/* ------------------------------------------------------------------------ */
/* The context                                                              */
/* ------------------------------------------------------------------------ */

/** Options and compiled rules. Read-only once loaded: threads may share it. */
typedef struct ws_ctx ws_ctx;

/**
 * Create an empty context in *out. @mem may be NULL for malloc/realloc/free;
 * otherwise it is copied and must stay usable until ws_ctx_free(). Free the
 * context with ws_ctx_free().
 */
WS_API int ws_ctx_new(const ws_allocator *mem, ws_ctx **out);

/** Free a context and everything it owns. */
WS_API void ws_ctx_free(ws_ctx *ctx);

/**
 * Load the rule packs found in the directory @dir: every sub-directory is a
 * pack (see whosaid-rules(5)). Packs loaded later override rules and lexicon
 * entries of the same id loaded earlier. On failure the context is unchanged,
 * the status is returned (WS_ERULE for an invalid rule file, WS_EIO when @dir
 * cannot be read) and @diag, when not NULL, names the file, line and column.
 */
WS_API int ws_ctx_load_rules(ws_ctx *ctx, const char *dir, ws_diag *diag);

/**
 * The directory holding the default rules: $WHOSAID_RULES when set, the rules
 * of the source tree when the program runs from its build tree, otherwise the
 * installed data directory. Never NULL.
 */
WS_API const char *ws_default_rules_dir(void);

/** A loaded rule, as ws_ctx_rule() describes it. Strings belong to the context. */
typedef struct ws_rule_info {
    const char *id;          /**< "Pack.Rule" */
    const char *pack;
    const char *type;        /**< "existence", "cues", ... */
    const char *path;        /**< the rule file */
    const char *message;     /**< NULL for lexicons */
    const char *description; /**< may be NULL */
    const char *link;        /**< may be NULL */
    const char *scope;       /**< "narration", "quote", "attribution", "cue", "any" */
    ws_level level;          /**< after configuration; WS_LEVEL_OFF when off */
    ws_level default_level;  /**< as the rule file says */
    int is_lexicon;          /**< feeds the passes, finds nothing itself */
    int is_replaced;         /**< a later rule of the same id replaced it */
    size_t n_examples;
} ws_rule_info;

/** The number of rules loaded (lexicons and replaced rules included). */
WS_API size_t ws_ctx_n_rules(const ws_ctx *ctx);

/** Describe rule @i into @out; WS_EINVAL when out of range. */
WS_API int ws_ctx_rule(const ws_ctx *ctx, size_t i, ws_rule_info *out);

/**
 * Example @k of rule @i: *should_flag is 1 for a "flag:" text the rule must
 * report, 0 for an "ok:" text it must not; *line is its line in the file.
 */
WS_API int ws_ctx_rule_example(const ws_ctx *ctx, size_t i, size_t k, int *should_flag,
                               const char **text, uint32_t *line);

/* ------------------------------------------------------------------------ */
/* Configuration (.whosaid.yml)                                             */
/* ------------------------------------------------------------------------ */

/**
 * A parsed configuration file: which packs to load, extra pack folders,
 * per-rule level overrides (also per path, by glob), accepted vocabulary.
 * The format is in whosaid-rules(5).
 */
typedef struct ws_config ws_config;

/**
 * Parse the configuration file @path into *out (free with ws_config_free).
 * Errors (WS_ECONFIG, WS_EIO) fill @diag with the file, line and column.
 */
WS_API int ws_config_load(const ws_allocator *mem, const char *path, ws_config **out,
                          ws_diag *diag);

/** Free a configuration; NULL is allowed. */
WS_API void ws_config_free(ws_config *cfg);

/**
 * Find the configuration for an article: the first ".whosaid.yml" in the
 * article's directory or one of its parents. Writes its path to @out (of
 * @cap bytes) and returns 1, or returns 0 when there is none.
 */
WS_API int ws_config_find(const char *article_path, char *out, size_t cap);

/** The path the configuration was read from. */
WS_API const char *ws_config_path(const ws_config *cfg);

/** The configuration's min_level (findings shown) and fail_level (exit status 1). */
WS_API ws_level ws_config_min_level(const ws_config *cfg);
WS_API ws_level ws_config_fail_level(const ws_config *cfg);

/** Whether the configuration leaves the default rule packs out. */
WS_API int ws_config_skips_default_rules(const ws_config *cfg);

/**
 * Apply @cfg to @ctx: load its extra pack folders, keep only the packs it
 * names (if it names any), set its rule levels and accepted vocabulary. The
 * context keeps a pointer to @cfg for per-path settings: @cfg must outlive
 * @ctx. Overrides of rules that are not loaded are reported by ws_ctx_check().
 */
WS_API int ws_ctx_apply_config(ws_ctx *ctx, const ws_config *cfg, ws_diag *diag);

/**
 * Check the context once everything is loaded: every level override of its
 * configuration names a loaded rule. Otherwise WS_ECONFIG with @diag
 * pointing at the override.
 */
WS_API int ws_ctx_check(const ws_ctx *ctx, ws_diag *diag);

/* ------------------------------------------------------------------------ */
/* Analysis                                                                 */
/* ------------------------------------------------------------------------ */

/** One article to analyze. */
typedef struct ws_input {
    size_t size;            /**< sizeof(ws_input): lets the struct grow */
    ws_input_format format; /**< WS_INPUT_AUTO: from @path, else text */
    const char *path;       /**< the name reported for the article; may be NULL */
    const char *data;       /**< the bytes as read; need not end in NUL */
    size_t len;             /**< number of bytes at @data */
    /**
     * A caller's name for the article as JSON text (a string with its quotes,
     * or a number), echoed as "id" by the json and jsonl formats so that
     * batch results can be joined to their requests; NULL for none.
     */
    const char *id;
} ws_input;

/** The analysis of one article; owns all its memory. */
typedef struct ws_report ws_report;

/**
 * Analyze one article. @in->data is not retained: the report keeps its own
 * copy. On success *out is the caller's, to be freed with ws_report_free().
 *
 * On failure a negative status is returned, *out is set to NULL and @diag
 * (when not NULL) says what went wrong and where: WS_EUTF8 with the offset,
 * line and column of the first invalid byte; WS_EBINARY for a file with NUL
 * bytes or mostly control characters; WS_ELIMIT for input of 2 GiB or more.
 */
WS_API int ws_analyze(const ws_ctx *ctx, const ws_input *in, ws_report **out, ws_diag *diag);

/** Free a report and everything reached through it. */
WS_API void ws_report_free(ws_report *report);

/**
 * A stretch of the article, located both in the reader's plain text and in
 * the original input. @start and @end are byte offsets into the input as
 * given to ws_analyze(); @line, @col, @end_line, @end_col locate them
 * (1-based; columns in code points; the end is exclusive). @text_start and
 * @text_end are byte offsets into ws_report_text().
 */
typedef struct ws_span {
    uint32_t text_start;
    uint32_t text_end;
    uint32_t start;
    uint32_t end;
    uint32_t line;
    uint32_t col;
    uint32_t end_line;
    uint32_t end_col;
} ws_span;

/** The path given in ws_input (or "<input>"). */
WS_API const char *ws_report_path(const ws_report *report);

/** The id given in ws_input (JSON text), or NULL. */
WS_API const char *ws_report_id(const ws_report *report);

/** The input format the article was read as. */
WS_API ws_input_format ws_report_format(const ws_report *report);

/**
 * The article's plain text as the reader produced it: valid UTF-8 in NFC,
 * markup removed, paragraphs separated by blank lines, NUL-terminated. *len
 * (when @len is not NULL) receives its length in bytes.
 */
WS_API const char *ws_report_text(const ws_report *report, size_t *len);

/** The original input bytes (a copy), NUL-terminated; *len receives the length. */
WS_API const char *ws_report_source(const ws_report *report, size_t *len);

/** The number of lines of the original input. */
WS_API uint32_t ws_report_n_lines(const ws_report *report);

/**
 * The byte range [*start, *end) of line @line (1-based) of the original input,
 * without its line break. Returns WS_EINVAL when there is no such line.
 */
WS_API int ws_report_line(const ws_report *report, uint32_t line, uint32_t *start, uint32_t *end);

/* Quotations ------------------------------------------------------------- */

/** Properties of a quotation found by the scanner. */
typedef enum ws_quote_flag {
    WS_QUOTE_SHORT = 1 << 0,     /**< one or two words: a term or scare quote */
    WS_QUOTE_TITLE = 1 << 1,     /**< looks like a title (Title Case words) */
    WS_QUOTE_CONTINUED = 1 << 2, /**< runs over paragraphs, each reopening */
    WS_QUOTE_BLOCK = 1 << 3,     /**< a block quotation (Markdown >, HTML blockquote) */
    WS_QUOTE_MARKUP = 1 << 4,    /**< marked up (HTML q), not by quotation marks */
    WS_QUOTE_SINGLE = 1 << 5,    /**< single marks (' or U+2018/U+2019, U+2039/U+203A) */
} ws_quote_flag;

/**
 * A quotation: text inside quotation marks. Quotations nest: @parent is the
 * index of the enclosing one (-1 at the top). @span runs from the opening
 * mark to the closing mark inclusive; @fragments are the quoted words without
 * the marks, one per paragraph (several when WS_QUOTE_CONTINUED). @statement
 * is the index of the statement the quotation belongs to, or -1 when it holds
 * none (a title, a scare quote).
 */
typedef struct ws_quotation {
    ws_span span;
    size_t n_fragments;
    const ws_span *fragments;
    int parent;
    unsigned depth;
    unsigned flags;
    unsigned n_words;
    int statement;
} ws_quotation;

/** The number of quotations, in document order (by opening mark). */
WS_API size_t ws_report_n_quotations(const ws_report *report);

/** Quotation @i, or NULL when out of range. */
WS_API const ws_quotation *ws_report_quotation(const ws_report *report, size_t i);

/* Statements ------------------------------------------------------------- */

/** How a statement is reported. */
typedef enum ws_statement_kind {
    WS_STATEMENT_DIRECT = 0,   /**< quoted in full: "We will act," she said. */
    WS_STATEMENT_PARTIAL,      /**< a quotation inside reported speech */
    WS_STATEMENT_INDIRECT,     /**< reported speech without quotation marks */
} ws_statement_kind;

/** The name of a statement kind ("direct", "partial", "indirect"). */
WS_API const char *ws_statement_kind_name(ws_statement_kind kind);

/** What a reporting cue implies about the statement (from the cue lexicon). */
typedef enum ws_cue_class {
    WS_CUE_NEUTRAL = 0,   /**< said, told, according to */
    WS_CUE_ENDORSING,     /**< noted, pointed out, revealed */
    WS_CUE_DISTANCING,    /**< claimed, alleged, insisted */
    WS_CUE_GUILT,         /**< admitted, conceded, confessed, denied */
} ws_cue_class;

/** The name of a cue class ("neutral", "endorsing", "distancing", "guilt"). */
WS_API const char *ws_cue_class_name(ws_cue_class cls);

/**
 * A statement: something someone is reported to have said. @content holds
 * its fragments (a split quotation has two). @cue is the reporting
 * expression ("said", "according to") and @source the mention of the speaker
 * in the reporting clause; either may be NULL. @speaker is the index of the
 * speaking entity, or -1 when nobody could be found.
 */
typedef struct ws_statement {
    ws_statement_kind kind;
    size_t n_content;
    const ws_span *content;
    const ws_span *cue;
    const char *cue_lemma;   /**< the cue's dictionary form ("say"); NULL without a cue */
    ws_cue_class cue_class;
    const ws_span *source;
    int speaker;
    int quotation;           /**< the first quotation in the statement, or -1 */
} ws_statement;

/** The number of statements, in document order. */
WS_API size_t ws_report_n_statements(const ws_report *report);

/** Statement @i, or NULL when out of range. */
WS_API const ws_statement *ws_report_statement(const ws_report *report, size_t i);

/* Speakers --------------------------------------------------------------- */

/** What kind of entity speaks. */
typedef enum ws_entity_type {
    WS_ENTITY_UNKNOWN = 0,
    WS_ENTITY_PERSON,
    WS_ENTITY_INSTITUTION,
    WS_ENTITY_GROUP,       /**< several named entities speaking together */
    WS_ENTITY_ANONYMOUS,   /**< "officials", "a source familiar with the talks" */
} ws_entity_type;

/** The name of an entity type ("unknown", "person", ...). */
WS_API const char *ws_entity_type_name(ws_entity_type type);

/** How an entity is mentioned. */
typedef enum ws_mention_kind {
    WS_MENTION_NAME = 0,   /**< its full name, possibly with a title */
    WS_MENTION_SHORT,      /**< a surname or first name alone, an acronym */
    WS_MENTION_PRONOUN,    /**< he, she, they, it */
    WS_MENTION_NOMINAL,    /**< "the ministry", "the three Western nations" */
} ws_mention_kind;

/** The name of a mention kind ("name", "short", "pronoun", "nominal"). */
WS_API const char *ws_mention_kind_name(ws_mention_kind kind);

/** One mention of an entity. */
typedef struct ws_mention {
    ws_span span;
    ws_mention_kind kind;
} ws_mention;

/**
 * An entity of the article: a person, institution, group or anonymous
 * source. @name is canonical ("Heather Nauert", "Foreign Ministry"); @role,
 * @institution and @country are NULL where the article does not say.
 * @members lists the entity indexes of a group's members.
 */
typedef struct ws_entity {
    ws_entity_type type;
    const char *name;
    const char *role;
    const char *institution;
    const char *country;
    size_t n_mentions;
    const ws_mention *mentions;
    size_t n_members;
    const int *members;
    unsigned n_direct;     /**< statements quoted directly or partially */
    unsigned n_indirect;   /**< statements reported without quotation marks */
} ws_entity;

/** The number of entities (speakers and other named people and bodies). */
WS_API size_t ws_report_n_entities(const ws_report *report);

/** Entity @i, or NULL when out of range. */
WS_API const ws_entity *ws_report_entity(const ws_report *report, size_t i);

/* Problems and findings ---------------------------------------------------- */

/** Structural problems the scanner meets in the text. */
typedef enum ws_problem_kind {
    WS_PROBLEM_UNCLOSED_QUOTE = 0, /**< an opening mark that nothing closes */
    WS_PROBLEM_STRAY_CLOSE,        /**< a closing mark that closes nothing */
    WS_PROBLEM_EMPTY_QUOTE,        /**< a pair of marks around nothing */
    WS_PROBLEM_RULE_LIMIT,         /**< a rule's pattern hit the match limit and was skipped */
} ws_problem_kind;

/** The name of a problem kind ("unclosed-quote", ...). */
WS_API const char *ws_problem_kind_name(ws_problem_kind kind);

/** A structural problem with its position and an English message. */
typedef struct ws_problem {
    ws_problem_kind kind;
    ws_span span;
    const char *message;
} ws_problem;

/** The number of problems, in document order. */
WS_API size_t ws_report_n_problems(const ws_report *report);

/** Problem @i, or NULL when out of range. */
WS_API const ws_problem *ws_report_problem(const ws_report *report, size_t i);

/**
 * A finding: something an editor should look at, from a rule of the loaded
 * packs. @rule is the rule's id ("News.Hedges"); @message says what to do;
 * @span is the text it is about. @suggestion is a replacement (substitution
 * rules) or NULL. @fingerprint identifies the finding by its rule, matched
 * text and sentence, not by line, so that it survives edits elsewhere (for
 * baselines and code-scanning alerts). @link is the rule's help address or NULL.
 */
typedef struct ws_finding {
    const char *rule;
    ws_level level;
    const char *message;
    ws_span span;
    const char *suggestion;
    const char *fingerprint;
    const char *link;
} ws_finding;

/** The number of findings, ordered by position, then rule id. */
WS_API size_t ws_report_n_findings(const ws_report *report);

/** Finding @i, or NULL when out of range. */
WS_API const ws_finding *ws_report_finding(const ws_report *report, size_t i);

/**
 * The level rule @id had for this article (after the configuration's
 * overrides for its path); WS_LEVEL_OFF for unknown rules.
 */
WS_API ws_level ws_report_rule_level(const ws_report *report, const char *id);

/** The most serious level among the findings (WS_LEVEL_OFF when none). */
WS_API ws_level ws_report_max_level(const ws_report *report);

/**
 * Keep only the findings for which @keep returns non-zero (those not in a
 * baseline of accepted findings, an editor's own filter), in order; the
 * maximum level follows. Returns how
 * many remain. Finding pointers taken before are invalid afterwards.
 */
WS_API size_t ws_report_keep_findings(ws_report *report,
                                      int (*keep)(void *ud, const ws_finding *finding), void *ud);

/* ------------------------------------------------------------------------ */
/* Quote verification                                                       */
/* ------------------------------------------------------------------------ */

/*
 * Sources are the documents an article draws on: transcripts, press
 * releases, statements, earlier articles. Once loaded into a context, every
 * ws_analyze() checks each quotation of the article against them: found as
 * written (verbatim), found with small changes (near, with a word diff), or
 * not found (missing); and, where a source says who speaks (a transcript's
 * "POMPEO:" or "Q:" labels, a press release's issuer), whether that is the
 * speaker the article names. The rules of type quote-missing, quote-near and
 * quote-speaker (whosaid-rules(5)) turn the results into findings; without
 * sources they find nothing.
 *
 * Sources are read with the article readers, indexed once, and read-only
 * afterwards: add them before analyzing, then threads may share the context.
 */

/**
 * Load the source file @path (any extension; read as text unless it ends in
 * .md, .markdown, .html or .htm), or every .txt, .md, .markdown, .html and
 * .htm file under the folder @path, recursively in name order, skipping
 * hidden entries. A source is named by its path as reached from @path. May
 * be called several times; the index is rebuilt after each call. All or
 * nothing: on failure the context's sources are unchanged and @diag names
 * the file (WS_EIO unreadable, WS_EUTF8 invalid UTF-8, WS_EBINARY binary,
 * WS_ELIMIT 4 GiB or more).
 */
WS_API int ws_ctx_add_sources(ws_ctx *ctx, const char *path, ws_diag *diag);

/**
 * Load one source from memory (@len bytes at @data, copied), named @name in
 * reports; @fmt WS_INPUT_AUTO decides from @name's extension.
 */
WS_API int ws_ctx_add_source_text(ws_ctx *ctx, const char *name, ws_input_format fmt,
                                  const char *data, size_t len, ws_diag *diag);

/**
 * Load the sources a configuration lists ("sources:" in .whosaid.yml),
 * relative paths taken from the configuration file's folder. Call it
 * besides ws_ctx_apply_config() (which leaves sources alone).
 */
WS_API int ws_ctx_add_config_sources(ws_ctx *ctx, const ws_config *cfg, ws_diag *diag);

/** The number of source files loaded. */
WS_API size_t ws_ctx_n_sources(const ws_ctx *ctx);

/** The name of source @i (its path), or NULL when out of range. */
WS_API const char *ws_ctx_source_path(const ws_ctx *ctx, size_t i);

/**
 * Run example @k of rule @i as "whosaid rules test" does: analyze its text
 * as plain text and count the findings of rule @i into *n_findings. A quote
 * verification rule's examples are checked against the rule's own "source:"
 * text instead of the context's sources, so that they mean the same
 * everywhere. Returns WS_EINVAL when @i or @k is out of range, or the
 * status of the analysis (with @diag).
 */
WS_API int ws_ctx_test_example(const ws_ctx *ctx, size_t i, size_t k, size_t *n_findings,
                               ws_diag *diag);

/** What checking a quotation against the sources found. */
typedef enum ws_verify_status {
    WS_VERIFY_VERBATIM = 0, /**< as written; an ellipsis or brackets may mark the edits */
    WS_VERIFY_NEAR,         /**< with unmarked changes (see ws_verification) */
    WS_VERIFY_MISSING,      /**< in no source */
} ws_verify_status;

/** The name of a status ("verbatim", "near", "missing"). */
WS_API const char *ws_verify_status_name(ws_verify_status status);

/** A step of a word diff, from the quotation's side. */
typedef enum ws_diff_kind {
    WS_DIFF_EQUAL = 0,  /**< the same words */
    WS_DIFF_ADDED,      /**< words of the quotation that the source does not have */
    WS_DIFF_DROPPED,    /**< words of the source the quotation leaves out */
    WS_DIFF_CHANGED,    /**< words of the quotation standing for other words of the source */
} ws_diff_kind;

/** The name of a diff kind ("equal", "added", "dropped", "changed"). */
WS_API const char *ws_diff_kind_name(ws_diff_kind kind);

/** The mark in the quotation that accounts for a difference, if any. */
typedef enum ws_diff_mark {
    WS_MARK_NONE = 0,   /**< unmarked: the quotation does not say it differs */
    WS_MARK_ELLIPSIS,   /**< "...", "…" or "[...]" where the dropped words were */
    WS_MARK_BRACKETS,   /**< words in square brackets: "[the president]", "[W]e" */
} ws_diff_mark;

/** The name of a mark ("none", "ellipsis", "brackets"). */
WS_API const char *ws_diff_mark_name(ws_diff_mark mark);

/**
 * One step of the word diff. @quote_text is the quotation's words as
 * written ("" when dropped), @source_text the source's ("" when added), with
 * the punctuation between them. @quote_span locates them in the article
 * (empty where dropped words would be); @source_span in the source file
 * (text_start and text_end are offsets in the source's plain text; empty
 * where added words would be).
 */
typedef struct ws_diff_op {
    ws_diff_kind kind;
    ws_diff_mark mark;
    const char *quote_text;
    const char *source_text;
    ws_span quote_span;
    ws_span source_span;
} ws_diff_op;

/**
 * The check of one quotation. Quotations with fewer than three words of
 * their own, titles and quotations nested in another are not checked and
 * have none. @n_words counts the quotation's words (not those in square
 * brackets), @n_matched those found in order in the passage. Near means
 * n_matched is at least 80 % of n_words and at least half the passage's
 * words (those the quotation marks as left out aside); @similarity is the
 * Dice coefficient in percent: 2 * n_matched over n_words plus the
 * passage's words. For verbatim and near, @source_path, @source_span and
 * @passage (the source's words from the first matched to the last, white
 * space as single spaces) say where; @source_speaker is who speaks there
 * according to the source (a label as written, "POMPEO", or the issuer),
 * NULL when it does not say; @is_wrong_speaker is 1 when that is someone
 * other than @speaker, the name of the speaker the article gives (NULL:
 * none found). For missing, the source fields are NULL and zero and there
 * are no ops. Texts in ops and @passage have white space as single spaces.
 */
typedef struct ws_verification {
    size_t quotation;
    int statement;
    ws_verify_status status;
    unsigned n_words;
    unsigned n_matched;
    unsigned similarity;
    const char *source_path;
    ws_span source_span;
    const char *passage;
    const char *source_speaker;
    const char *speaker;
    int is_wrong_speaker;
    size_t n_ops;
    const ws_diff_op *ops;
} ws_verification;

/** The number of quotations checked against sources (0 without sources), in document order. */
WS_API size_t ws_report_n_verifications(const ws_report *report);

/** Verification @i, or NULL when out of range. */
WS_API const ws_verification *ws_report_verification(const ws_report *report, size_t i);

/* ------------------------------------------------------------------------ */
/* Output                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Where rendered bytes go. @write returns 0, or a negative status (WS_EIO)
 * that the renderer passes on.
 */
typedef struct ws_sink {
    int (*write)(void *ud, const char *buf, size_t len);
    void *ud;
} ws_sink;

/**
 * A sink writing to @fp (not closed by the library). It writes through
 * stdio, so bytes may wait in @fp's buffer: a caller streaming JSON Lines to
 * a pipe calls fflush(@fp) after each ws_renderer_add() (or makes @fp line
 * buffered) so that the reader sees each line at once.
 */
WS_API ws_sink ws_sink_file(FILE *fp);

/** Output formats. */
typedef enum ws_format {
    WS_FORMAT_TEXT = 0, /**< compiler-style findings with the source line, then a summary */
    WS_FORMAT_JSON,     /**< the full model; doc/json-schema.json */
    WS_FORMAT_SARIF,    /**< SARIF 2.1.0 for code scanning */
    WS_FORMAT_GITHUB,   /**< GitHub Actions workflow commands (annotations) */
    WS_FORMAT_HTML,     /**< one self-contained annotated page */
    WS_FORMAT_SUMMARY,  /**< a Markdown table per file, for a CI job summary */
    /**
     * JSON Lines: per article one compact line, a "files" entry of the json
     * format (with "id" first when the input had one), each written to the
     * sink in one piece as soon as the article is added; no wrapper, nothing
     * at the start or end. Schema: "$defs/jsonl_line" of doc/json-schema.json.
     */
    WS_FORMAT_JSONL,
    WS_FORMAT_COUNT_,   /**< number of formats; not a format */
} ws_format;

/** The format named @name ("text", "json", ...), or WS_EINVAL. */
WS_API int ws_format_from_name(const char *name);

/** The name of a format. */
WS_API const char *ws_format_name(ws_format fmt);

/**
 * Options for a renderer. Zero-initialise, then set @size. A caller built
 * against an older header passes a smaller @size: the fields it does not
 * know keep their zero defaults.
 */
typedef struct ws_render_options {
    size_t size;          /**< sizeof(ws_render_options) */
    int color;            /**< non-zero: ANSI colours (text format only) */
    ws_level min_level;   /**< findings below this level are not shown */
    /**
     * Paths in SARIF, GitHub annotations and the summary are relative to this
     * directory: an absolute article path under it loses the prefix. NULL:
     * the current directory.
     */
    const char *base_dir;
} ws_render_options;

/** A renderer writing one output document for a whole run. */
typedef struct ws_renderer ws_renderer;

/**
 * Create a renderer of format @fmt writing to @sink (copied). @opts may be
 * NULL for defaults. Reports are then passed to ws_renderer_add() in the
 * order they should appear, and ws_renderer_finish() completes the document.
 */
WS_API int ws_renderer_new(const ws_ctx *ctx, ws_format fmt, const ws_render_options *opts,
                           const ws_sink *sink, ws_renderer **out);

/**
 * Render one report. The report may be freed once this returns. Most
 * formats may hold output back until later calls or ws_renderer_finish();
 * WS_FORMAT_JSONL hands the report's whole line to the sink, in one write,
 * before returning.
 */
WS_API int ws_renderer_add(ws_renderer *r, const ws_report *report);

/** A report rendered ahead of its turn: see ws_renderer_prepare(). */
typedef struct ws_rendered ws_rendered;

/**
 * Render @report's entry now, on any thread, for ws_renderer_add_prepared()
 * to place later in its order: the work of ws_renderer_add() moves off the
 * thread that owns @r. Only reads @r, so several threads may prepare at once
 * while the owner adds. Formats whose entries depend on the rest of the run
 * (text, SARIF, GitHub, HTML, summary) cannot: *@out is then NULL and the
 * caller uses ws_renderer_add(). @report may be freed afterwards; the entry
 * must be added to, or freed before, @r.
 */
WS_API int ws_renderer_prepare(const ws_renderer *r, const ws_report *report, ws_rendered **out);

/**
 * Place an entry from ws_renderer_prepare() on @r, as ws_renderer_add()
 * would have placed its report. Takes @entry, whatever the result.
 */
WS_API int ws_renderer_add_prepared(ws_renderer *r, ws_rendered *entry);

/** Free an entry that will not be added. NULL is allowed. */
WS_API void ws_rendered_free(ws_rendered *entry);

/**
 * Record an article that could not be analyzed (@diag from ws_analyze or the
 * caller's own reading), so that machine-readable formats list it too.
 * The same as ws_renderer_add_failure_id() without an id.
 */
WS_API int ws_renderer_add_failure(ws_renderer *r, const char *path, const ws_diag *diag);

/**
 * Record a failed article together with the caller's @id for it: JSON text
 * as in ws_input's @id (a string with its quotes, or a number), or NULL for
 * none. The json and jsonl formats echo it as the entry's "id", so that a
 * batch caller can join a failure to its request. @id is copied as written
 * when it is a JSON string or number; anything else is written as a JSON
 * string holding its text. @id need not outlive the call.
 */
WS_API int ws_renderer_add_failure_id(ws_renderer *r, const char *id, const char *path,
                                      const ws_diag *diag);

/** Complete the output document (closing brackets, summaries). */
WS_API int ws_renderer_finish(ws_renderer *r);

/** Free a renderer; does not finish it. */
WS_API void ws_renderer_free(ws_renderer *r);

#ifdef __cplusplus
}
#endif

#endif /* WHOSAID_H */
