/*
 * check.c - the main job: analyze each article with the context of its
 * configuration, feed every report to each requested output (a renderer and
 * its file), choose the status.
 *
 * Articles are jobs: the main thread takes them from the inputs (or, with
 * --jsonl, from request lines on standard input), it and N - 1 workers
 * analyze them (-j N threads share the read-only contexts), and the main
 * thread renders them in input order. A window of jobs in flight bounds the
 * memory by the largest articles, not by their number.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/baseline.h"
#include "cli/commands.h"
#include "cli/contexts.h"
#include "cli/inputs.h"
#include "cli/jsonl.h"
#include "cli/messages.h"
#include "cli/output.h"
#include "whosaid.h"

/* More inputs than this on a terminal get a progress line. */
enum { PROGRESS_MIN_INPUTS = 50 };

typedef struct output {
    ws_cli_output_spec spec;
    ws_cli_output file;
    ws_renderer *renderer;
} output;

/* Jobs in flight per thread: enough to keep every worker busy while the
 * main thread renders, few enough that memory stays bounded. */
enum { WINDOW_PER_THREAD = 4 };

typedef struct job {
    /* Set by the main thread. */
    const char *path;              /* the file to read, or NULL: @data holds the text */
    size_t known_size;             /* what collecting @path found (ws_cli_read_known()) */
    char *shown;                   /* the name in reports (malloc'd) */
    char *data;                    /* batch requests: the text (malloc'd) */
    size_t len;
    char *id;                      /* batch requests: the id's JSON text */
    int input_format;
    const ws_cli_context *ctx;     /* NULL: its configuration failed (printed) */
    bool bad_request;              /* a request line that is not valid: @d says why */
    /* Set by the worker. */
    ws_report *rep;
    int rc;                        /* ws_analyze()'s, or WS_EIO when reading failed */
    ws_diag d;
    bool read_failed;
    bool is_filtered;              /* the baseline's findings are already gone */
    ws_level max_level;            /* @rep's, when @rep is already freed */
    /* Entries rendered by the worker, per output; NULL: rendered when emitted. */
    ws_rendered *entries[WS_CLI_MAX_OUTPUTS + 1];
    size_t analyzer;               /* the thread that analyzed it: 0 the main thread */
    bool done;
} job;

/*
 * Request lines on standard input, read with read(2) into our own buffer
 * so that whether another request is waiting can be asked without
 * blocking: a batch caller may send one request and wait for its answer.
 */
typedef struct line_reader {
    char *buf;
    size_t len, cap;
    size_t pos;            /* the next line starts here */
    size_t scanned;        /* [pos, scanned) holds no line feed */
    bool eof;
    bool error;            /* reading failed */
    bool out_of_memory;    /* a line longer than memory allows */
} line_reader;

/* The next line (without its line feed) in *line and its length in *n:
 * returns 1, 0 at the end, -1 when reading failed or memory ran out. An
 * empty line is a line. Each byte is searched for a line feed once. */
static int read_request_line(line_reader *r, const char **line, size_t *n)
{
    for (;;) {
        size_t from = r->scanned > r->pos ? r->scanned : r->pos;
        char *nl = from < r->len ? memchr(r->buf + from, '\n', r->len - from) : NULL;
        r->scanned = r->len;
        if (nl || (r->eof && r->pos < r->len)) {
            size_t end = nl ? (size_t)(nl - r->buf) : r->len;
            *line = r->buf + r->pos;
            *n = end - r->pos;
            r->pos = r->scanned = nl ? end + 1 : end;
            return 1;
        }
        if (r->eof || r->error || r->out_of_memory)
            return r->eof ? 0 : -1;
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->scanned -= r->pos;
            r->pos = 0;
        }
        if (r->len == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 65536;
            char *b = cap > r->cap ? realloc(r->buf, cap) : NULL;
            if (!b) {
                r->out_of_memory = true;
                return -1;
            }
            r->buf = b;
            r->cap = cap;
        }
        ssize_t got = read(STDIN_FILENO, r->buf + r->len, r->cap - r->len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            r->error = true;
        else if (got == 0)
            r->eof = true;
        else
            r->len += (size_t)got;
    }
}

/* Can the next line be read without waiting for the caller? */
static bool request_waiting(const line_reader *r)
{
    if (r->eof || r->error || r->out_of_memory ||
        (r->pos < r->len && memchr(r->buf + r->pos, '\n', r->len - r->pos)))
        return true;
    struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
    return poll(&pfd, 1, 0) > 0;
}

typedef struct run {
    const ws_cli_options *o;
    ws_cli_contexts contexts;
    output outs[WS_CLI_MAX_OUTPUTS + 1];
    int n_outs;
    ws_level fail_level;
    bool has_progress;     /* a progress line may be on stderr */
    int jsonl_format;      /* the ws_format of jsonl, flushed per article */
    ws_cli_baseline baseline;        /* --baseline: accepted findings */
    ws_cli_baseline new_baseline;    /* --write-baseline: this run's findings */
    /* The job source: the collected inputs, or request lines on stdin. */
    const ws_cli_inputs *inputs;
    size_t next_input;
    line_reader requests;
    size_t line_no;
} run;

/* Wipe the progress line before anything else is printed on stderr. */
static void clear_progress(run *rn)
{
    if (rn->has_progress)
        fputs("\r\033[K", stderr);
}

static void show_progress(run *rn, size_t done, size_t total)
{
    if (rn->has_progress)
        fprintf(stderr, "\r\033[Kwhosaid: %zu/%zu files", done, total);
}

static bool has_rule_limits(const ws_report *rep)
{
    for (size_t i = 0; i < ws_report_n_problems(rep); i++)
        if (ws_report_problem(rep, i)->kind == WS_PROBLEM_RULE_LIMIT)
            return true;
    return false;
}

/* Report a rule that stopped at a limit: the rule set is at fault, exit 2. */
static bool report_rule_limits(run *rn, const ws_report *rep)
{
    bool any = false;
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind == WS_PROBLEM_RULE_LIMIT) {
            clear_progress(rn);
            ws_cli_error(ws_report_path(rep), p->span.line, p->span.col, "%s", p->message);
            any = true;
        }
    }
    return any;
}

static int add_failure(run *rn, const job *jb, const ws_diag *d)
{
    for (int i = 0; i < rn->n_outs; i++)
        if (ws_renderer_add_failure_id(rn->outs[i].renderer, jb->id, jb->shown, d) < 0)
            return -1;
    return WS_EXIT_ERROR;
}

static void filter_baseline(const run *rn, const job *jb);

/*
 * The worker's part, safe on any thread: read and analyze, print nothing.
 * With several threads, the formats that can also render the entry here,
 * so that the main thread only places it.
 */
static void analyze_job(const run *rn, job *jb, bool prepare)
{
    if (!jb->ctx || jb->bad_request)
        return;
    char *data = jb->data;
    size_t len = jb->len;
    if (jb->path &&
        ws_cli_read_known(jb->path, jb->known_size, &data, &len, jb->d.message, sizeof jb->d.message) < 0) {
        jb->read_failed = true;
        jb->rc = jb->d.code = WS_EIO;
        return;
    }
    ws_input in = {sizeof in, (ws_input_format)jb->input_format, jb->shown, data, len, jb->id};
    jb->rc = ws_analyze(jb->ctx->ctx, &in, &jb->rep, &jb->d);
    if (jb->path)
        free(data);
    /* A new baseline records the findings before the old one filters them:
     * that happens on the main thread, and so does rendering then. */
    if (!prepare || jb->rc < 0 || !jb->rep || rn->o->write_baseline)
        return;
    filter_baseline(rn, jb);
    jb->is_filtered = true;
    bool all_prepared = true;
    for (int i = 0; i < rn->n_outs; i++)
        if (ws_renderer_prepare(rn->outs[i].renderer, jb->rep, &jb->entries[i]) < 0 || !jb->entries[i])
            all_prepared = false; /* out of memory, or a format that cannot: rendered when emitted */
    /* Freed on this thread, which allocated it: freed by the main thread,
     * its blocks go back to this thread's malloc arena under that arena's
     * lock, and the main thread slept on the lock while this one analyzed
     * (nearly all the context switches of -j 2). When every entry is ready
     * the main thread needs only the level, unless a rule stopped at a
     * limit and must be reported. */
    if (all_prepared && !has_rule_limits(jb->rep)) {
        jb->max_level = ws_report_max_level(jb->rep);
        ws_report_free(jb->rep);
        jb->rep = NULL;
    }
}

typedef struct baseline_filter {
    const ws_cli_baseline *baseline;
    const char *path;
} baseline_filter;

static int not_in_baseline(void *ud, const ws_finding *f)
{
    const baseline_filter *bf = ud;
    return !ws_cli_baseline_has(bf->baseline, bf->path, f);
}

static void filter_baseline(const run *rn, const job *jb)
{
    if (rn->o->baseline) {
        baseline_filter bf = {&rn->baseline, jb->shown};
        ws_report_keep_findings(jb->rep, not_in_baseline, &bf);
    }
}

/* The main thread's part, in input order: 0 clean, 1 findings, 2 input error, -1 fatal. */
static int emit_job(run *rn, job *jb)
{
    clear_progress(rn);
    if (jb->bad_request) {
        ws_cli_print_diag(&jb->d);
        return add_failure(rn, jb, &jb->d);
    }
    if (!jb->ctx) {
        /* Its configuration's error was printed once; the reports still
         * list the article as not analyzed. */
        snprintf(jb->d.message, sizeof jb->d.message, "not analyzed: its configuration could not be loaded");
        jb->d.code = WS_EINVAL;
        return add_failure(rn, jb, &jb->d);
    }
    if (jb->read_failed) {
        ws_cli_error(jb->shown, 0, 0, "%s", jb->d.message);
        return add_failure(rn, jb, &jb->d);
    }
    if (jb->rc < 0) {
        ws_cli_print_diag(&jb->d);
        if (jb->rc == WS_ENOMEM)
            return -1;
        return add_failure(rn, jb, &jb->d);
    }
    /* NULL: freed by the worker, every entry is prepared (analyze_job()). */
    ws_report *rep = jb->rep;
    if (rn->o->write_baseline)
        for (size_t i = 0; i < ws_report_n_findings(rep); i++)
            if (ws_cli_baseline_add(&rn->new_baseline, jb->shown, ws_report_finding(rep, i)) < 0)
                return -1;
    if (!jb->is_filtered)
        filter_baseline(rn, jb);
    int status = WS_EXIT_CLEAN;
    ws_level max_level = rep ? ws_report_max_level(rep) : jb->max_level;
    if (rn->fail_level != WS_LEVEL_OFF && max_level >= rn->fail_level)
        status = WS_EXIT_FINDINGS;
    if (rep && report_rule_limits(rn, rep))
        status = WS_EXIT_ERROR;
    for (int i = 0; i < rn->n_outs && status >= 0; i++) {
        ws_rendered *entry = jb->entries[i];
        jb->entries[i] = NULL;
        int rc = entry ? ws_renderer_add_prepared(rn->outs[i].renderer, entry)
                       : ws_renderer_add(rn->outs[i].renderer, rep);
        if (rc < 0)
            status = -1;
    }
    return status;
}

static void release_job(job *jb)
{
    for (size_t i = 0; i < sizeof jb->entries / sizeof *jb->entries; i++)
        ws_rendered_free(jb->entries[i]);
    ws_report_free(jb->rep);
    free(jb->shown);
    free(jb->data);
    free(jb->id);
    memset(jb, 0, sizeof *jb);
}

/* A request line that cannot be analyzed: a failure with its position. */
static void bad_request(run *rn, job *jb, size_t col, const char *message)
{
    jb->bad_request = true;
    jb->d.code = WS_EINVAL;
    jb->d.line = (uint32_t)rn->line_no;
    jb->d.col = (uint32_t)col;
    snprintf(jb->d.file, sizeof jb->d.file, "<stdin>");
    snprintf(jb->d.message, sizeof jb->d.message, "%s", message);
}

/*
 * The next job from the source, set up on the main thread (contexts are
 * built there). Returns 1, 0 at the end, -1 out of memory.
 */
static int next_job(run *rn, job *jb)
{
    memset(jb, 0, sizeof *jb);
    jb->input_format = rn->o->input_format;
    if (!rn->o->jsonl) {
        if (rn->next_input >= rn->inputs->n)
            return 0;
        jb->known_size = rn->inputs->sizes[rn->next_input];
        jb->path = rn->inputs->paths[rn->next_input++];
        jb->shown = strdup(strcmp(jb->path, "-") == 0 ? "<stdin>" : jb->path);
        if (!jb->shown)
            return -1;
        jb->ctx = ws_cli_context_for(&rn->contexts, jb->path);
        return 1;
    }
    const char *line;
    size_t n;
    if (read_request_line(&rn->requests, &line, &n) <= 0)
        return rn->requests.out_of_memory ? -1 : 0;
    rn->line_no++;
    while (n > 0 && line[n - 1] == '\r')
        n--;
    char name[64];
    snprintf(name, sizeof name, "<stdin>:%zu", rn->line_no);
    ws_jsonl_request req;
    char err[128];
    size_t col = 0;
    if (ws_jsonl_parse(line, (size_t)n, &req, err, sizeof err, &col) < 0) {
        jb->id = req.id;
        if (!(jb->shown = strdup(name)))
            return -1;
        bad_request(rn, jb, col, err);
        return 1;
    }
    jb->shown = req.path ? req.path : strdup(name);
    jb->data = req.text;
    jb->len = req.text_len;
    jb->id = req.id;
    req.path = req.text = req.id = NULL;
    if (!jb->shown) {
        ws_jsonl_request_free(&req);
        return -1;
    }
    if (req.format && (jb->input_format = ws_input_format_from_name(req.format)) < 0) {
        snprintf(err, sizeof err, "unknown \"format\" '%.60s' (text, markdown, html)", req.format);
        bad_request(rn, jb, 1, err);
    }
    ws_jsonl_request_free(&req);
    /* Requests share the configuration found from the current folder. */
    jb->ctx = ws_cli_context_for(&rn->contexts, NULL);
    return 1;
}

/*
 * The reports a worker made and the main thread has emitted, for the
 * worker to free: freed by the main thread, their blocks would go back to
 * the worker's malloc arena under its lock, and the main thread would
 * sleep on the lock while the worker allocates (with the text format, one
 * context switch in every three articles of -j 2). The main thread fills
 * one list while the worker frees the other.
 */
typedef struct spent {
    ws_report **filling;       /* under the pool's lock */
    ws_report **freeing;       /* the worker's own */
    size_t n;                  /* reports in @filling */
} spent;

/* The jobs in flight, shared by the main thread and the workers. */
typedef struct pool {
    const run *rn;             /* read only while workers run */
    job *jobs;                 /* a ring of @window slots: job k is jobs[k % window] */
    size_t window;
    size_t filled;             /* jobs set up so far */
    size_t claimed;            /* jobs taken by a worker so far */
    bool closing;
    spent *spent;              /* per thread (the main thread's, [0], unused) */
    size_t spent_cap;          /* room in each list */
    pthread_mutex_t lock;
    pthread_cond_t work;       /* a job was set up, or closing */
    pthread_cond_t done;       /* a job was analyzed */
} pool;

typedef struct worker_arg {
    pool *p;
    size_t self;               /* 1 to threads - 1 */
} worker_arg;

/* Hand the report of @jb, made by a worker, back to that worker. When its
 * list is full (it has not taken a job for a while) the report stays, and
 * release_job() frees it here. */
static void give_back(pool *p, job *jb)
{
    if (jb->analyzer == 0 || !jb->rep)
        return;
    pthread_mutex_lock(&p->lock);
    spent *s = &p->spent[jb->analyzer];
    if (s->n < p->spent_cap) {
        s->filling[s->n++] = jb->rep;
        jb->rep = NULL;
    }
    pthread_mutex_unlock(&p->lock);
}

/* Take the next job set up and analyze it on thread @self, after freeing
 * the reports given back to it; called and returns with @p->lock held. */
static void analyze_next(pool *p, size_t self)
{
    job *jb = &p->jobs[p->claimed++ % p->window];
    jb->analyzer = self;
    ws_report **given = NULL;
    size_t n_given = 0;
    if (self > 0) {
        spent *s = &p->spent[self];
        given = s->filling;
        n_given = s->n;
        s->filling = s->freeing;
        s->freeing = given;
        s->n = 0;
    }
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < n_given; i++)
        ws_report_free(given[i]);
    analyze_job(p->rn, jb, true);
    pthread_mutex_lock(&p->lock);
    jb->done = true;
}

static void *worker(void *arg)
{
    const worker_arg *wa = arg;
    pool *p = wa->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->claimed == p->filled && !p->closing)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->claimed == p->filled)
            break;
        analyze_next(p, wa->self);
        pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Emit one job and fold its status into *status; false when fatal. With
 * the pool @p of a parallel run, a worker's report goes back to it. */
static bool finish_job(run *rn, job *jb, int *status, size_t done, size_t total, pool *p)
{
    int s = emit_job(rn, jb);
    if (p)
        give_back(p, jb);
    release_job(jb);
    /* JSON Lines go out a line at a time: a batch caller reads each result
     * as soon as its request is done. */
    for (int i = 0; i < rn->n_outs && s >= 0; i++)
        if (rn->outs[i].spec.format == rn->jsonl_format && fflush(rn->outs[i].file.fp) != 0)
            s = -1;
    if (s < 0) {
        clear_progress(rn);
        fprintf(stderr, "whosaid: cannot write the report\n");
        *status = WS_EXIT_ERROR;
        return false;
    }
    if (s > *status)
        *status = s;
    show_progress(rn, done, total);
    return true;
}

/* All jobs on this thread, one after the other. */
static int run_serial(run *rn, int *status, size_t total)
{
    job jb;
    for (size_t k = 0;; k++) {
        int got = next_job(rn, &jb);
        if (got <= 0) {
            release_job(&jb);
            return got;
        }
        analyze_job(rn, &jb, false);
        if (!finish_job(rn, &jb, status, k + 1, total, NULL))
            return 1;
    }
}

/*
 * All jobs on @threads threads: this one and @threads - 1 workers. This
 * thread sets the jobs up and emits them, and while the next one to emit is
 * not done it analyzes a job no worker has taken instead of sleeping: woken
 * for every job done, it cost two context switches a job and kept a third
 * thread competing for the processors of the workers.
 */
static int run_parallel(run *rn, int threads, int *status, size_t total)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.rn = rn;
    p.window = (size_t)threads * WINDOW_PER_THREAD;
    if (!(p.jobs = calloc(p.window, sizeof *p.jobs)))
        return -1;
    /* A worker's reports given back and not yet freed were all in the
     * window when it last took a job, and it has made one more since. */
    p.spent_cap = p.window + 1;
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    worker_arg *args = calloc((size_t)threads, sizeof *args);
    p.spent = calloc((size_t)threads, sizeof *p.spent);
    ws_report **lists = calloc((size_t)threads * 2 * p.spent_cap, sizeof *lists);
    if (!tids || !args || !p.spent || !lists) {
        free(tids);
        free(args);
        free(p.spent);
        free(lists);
        free(p.jobs);
        return -1;
    }
    for (int t = 0; t < threads; t++) {
        p.spent[t].filling = lists + (size_t)t * 2 * p.spent_cap;
        p.spent[t].freeing = p.spent[t].filling + p.spent_cap;
        args[t] = (worker_arg){&p, (size_t)t};
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    int started = 0, rc = 0;
    while (started < threads - 1 && pthread_create(&tids[started], NULL, worker, &args[started + 1]) == 0)
        started++;
    bool at_end = false, fatal = false;
    for (size_t k = 0; rc == 0 && !fatal;) {
        /* Set up jobs up to the window's end; the main thread owns a slot
         * until it publishes it by raising @filled. */
        while (!at_end && p.filled < k + p.window) {
            /* A batch caller may wait for the answers it has asked for
             * before it sends more: answer first. */
            if (rn->o->jsonl && p.filled > k && !request_waiting(&rn->requests))
                break;
            job *jb = &p.jobs[p.filled % p.window];
            int got = next_job(rn, jb);
            if (got < 0) {
                rc = -1;
                break;
            }
            if (got == 0) {
                release_job(jb);
                at_end = true;
                break;
            }
            pthread_mutex_lock(&p.lock);
            p.filled++;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.lock);
        }
        if (rc < 0 || k == p.filled)
            break;
        job *jb = &p.jobs[k % p.window];
        pthread_mutex_lock(&p.lock);
        if (!jb->done && p.claimed < p.filled)
            analyze_next(&p, 0);
        else
            while (!jb->done)
                pthread_cond_wait(&p.done, &p.lock);
        bool ready = jb->done;
        pthread_mutex_unlock(&p.lock);
        /* Not yet: set up more jobs before the next analysis or wait. */
        if (ready) {
            fatal = !finish_job(rn, jb, status, k + 1, total, &p);
            k++;
        }
    }
    pthread_mutex_lock(&p.lock);
    /* On a fatal error, jobs set up but not yet taken are dropped. */
    p.filled = p.claimed;
    p.closing = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    for (size_t i = 0; i < p.window; i++)
        release_job(&p.jobs[i]);
    for (int t = 0; t < threads; t++)
        for (size_t i = 0; i < p.spent[t].n; i++)
            ws_report_free(p.spent[t].filling[i]);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.lock);
    free(tids);
    free(args);
    free(p.spent);
    free(lists);
    free(p.jobs);
    return rc < 0 ? rc : fatal ? 1 : 0;
}

/* Colour for the text format: --color, else a terminal without NO_COLOR (no-color.org). */
static int wants_color(const ws_cli_options *o, FILE *fp)
{
    if (o->color != WS_COLOR_AUTO)
        return o->color == WS_COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    return isatty(fileno(fp)) && !(no_color && no_color[0]);
}

/* Can the reports and the baseline be written: distinct outputs, none an
 * article of the run (whosaid never writes to what it reads)? Prints why
 * not. */
static bool outputs_usable(const ws_cli_options *o, const ws_cli_inputs *inputs)
{
    ws_cli_output_spec specs[WS_CLI_MAX_OUTPUTS + 1];
    int n = ws_cli_outputs(o, specs, WS_CLI_MAX_OUTPUTS + 1);
    if (n < 0)
        return false;
    const char *paths[WS_CLI_MAX_OUTPUTS + 2];
    int n_paths = 0;
    for (int i = 0; i < n; i++)
        paths[n_paths++] = specs[i].path;
    paths[n_paths++] = o->write_baseline;
    for (int i = 0; i < n_paths; i++)
        if (ws_cli_is_input(inputs, paths[i])) {
            ws_cli_error(paths[i], 0, 0, "is one of the articles to check; not writing a report over it");
            return false;
        }
    return true;
}

/* Open every output and start its renderer; -1 after printing why not. */
static int open_outputs(run *rn, const ws_ctx *ctx, const ws_render_options *base)
{
    ws_cli_output_spec specs[WS_CLI_MAX_OUTPUTS + 1];
    int n = ws_cli_outputs(rn->o, specs, WS_CLI_MAX_OUTPUTS + 1);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        output *out = &rn->outs[rn->n_outs];
        out->spec = specs[i];
        if (ws_cli_output_open(&out->file, specs[i].path, specs[i].append) < 0)
            return -1;
        rn->n_outs++;
        ws_render_options ropts = *base;
        ropts.color = specs[i].format == WS_FORMAT_TEXT && wants_color(rn->o, out->file.fp);
        ws_sink sink = ws_sink_file(out->file.fp);
        if (ws_renderer_new(ctx, (ws_format)specs[i].format, &ropts, &sink, &out->renderer) < 0) {
            fprintf(stderr, "whosaid: cannot start the %s output\n",
                    ws_format_name((ws_format)specs[i].format));
            return -1;
        }
    }
    return 0;
}

/*
 * A progress line only helps on a terminal with many inputs, and only when
 * no report is being printed on that terminal too.
 */
static bool wants_progress(const run *rn, size_t n_inputs)
{
    if (n_inputs <= PROGRESS_MIN_INPUTS || !isatty(STDERR_FILENO))
        return false;
    for (int i = 0; i < rn->n_outs; i++)
        if (!rn->outs[i].file.path && isatty(STDOUT_FILENO))
            return false;
    return true;
}

/* Threads for -j N (0: one per processor). */
static int thread_count(const ws_cli_options *o)
{
    if (o->jobs > 0)
        return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > WS_CLI_MAX_JOBS ? WS_CLI_MAX_JOBS : (int)n;
}

/*
 * The inputs collected on a thread of their own (a stat() of each path,
 * the walks of directories) while the main thread loads the rules of the
 * first configuration: both come before any article, and with -j N the
 * other processors would wait for them (2.7 ms of 110 for the BBC corpus
 * with -j 2). The collector's messages are held in memory and printed
 * after the loading's, in the order of a start on one thread.
 */
typedef struct collector {
    const ws_cli_options *o;
    ws_cli_inputs *inputs;
    FILE *held;                /* the collector's messages */
    char *messages;
    size_t messages_len;
    int rc;                    /* ws_cli_collect()'s */
    pthread_t tid;
} collector;

static void *collect_inputs(void *arg)
{
    collector *c = arg;
    ws_cli_messages_to(c->held);
    c->rc = ws_cli_collect(c->o->paths, c->o->n_paths, c->inputs);
    ws_cli_messages_to(NULL);
    return NULL;
}

/* Start collecting @c's inputs; false when no thread could take it. */
static bool start_collect(collector *c)
{
    if (!(c->held = open_memstream(&c->messages, &c->messages_len)))
        return false;
    if (pthread_create(&c->tid, NULL, collect_inputs, c) != 0) {
        fclose(c->held);
        free(c->messages);
        c->messages = NULL;
        return false;
    }
    return true;
}

/* Wait for @c, print its messages when @print, return ws_cli_collect()'s result. */
static int finish_collect(collector *c, bool print)
{
    pthread_join(c->tid, NULL);
    fclose(c->held);
    if (print && c->messages_len)
        fwrite(c->messages, 1, c->messages_len, stderr);
    free(c->messages);
    return c->rc;
}

int ws_cli_check(const ws_cli_options *o)
{
    if (o->n_paths == 0 && !o->jsonl) {
        fprintf(stderr, "whosaid: no input files (use - for standard input)\n"
                        "Try 'whosaid --help' for more information.\n");
        return WS_EXIT_ERROR;
    }
    if (o->n_paths && o->jsonl) {
        fprintf(stderr, "whosaid: --jsonl reads its requests on standard input: no files\n"
                        "Try 'whosaid --help' for more information.\n");
        return WS_EXIT_ERROR;
    }
    run rn;
    memset(&rn, 0, sizeof rn);
    rn.o = o;
    rn.jsonl_format = WS_FORMAT_JSONL;
    ws_cli_contexts_init(&rn.contexts, o);
    ws_cli_inputs inputs = {0};
    rn.inputs = &inputs;
    int status = WS_EXIT_CLEAN;
    bool fatal = false;        /* the reports themselves failed: do not keep them */
    int threads = thread_count(o);
    collector col = {.o = o, .inputs = &inputs};
    bool is_collecting = !o->jsonl && threads > 1 && start_collect(&col);
    /* The first article's configuration sets the levels of the run unless
     * the command line does. */
    const ws_cli_context *first = ws_cli_context_for(&rn.contexts, o->jsonl ? NULL : o->paths[0]);
    /* (Without it the run stops: the problems of the inputs go untold.) */
    int collected = 0;
    if (is_collecting)
        collected = finish_collect(&col, first != NULL);
    else if (first && !o->jsonl)
        collected = ws_cli_collect(o->paths, o->n_paths, &inputs);
    if (!first || collected < 0 || (o->baseline && ws_cli_baseline_load(&rn.baseline, o->baseline) < 0)) {
        status = WS_EXIT_ERROR;
        goto done;
    }
    if (!o->jsonl && !outputs_usable(o, &inputs)) {
        status = WS_EXIT_ERROR;
        goto done;
    }
    const ws_config *cfg = first->config;
    ws_render_options ropts;
    memset(&ropts, 0, sizeof ropts);
    ropts.size = sizeof ropts;
    ropts.min_level = o->min_level >= 0 ? (ws_level)o->min_level
                                        : cfg ? ws_config_min_level(cfg) : WS_LEVEL_SUGGESTION;
    rn.fail_level = o->fail_level >= 0 ? (ws_level)o->fail_level
                                       : cfg ? ws_config_fail_level(cfg) : WS_LEVEL_ERROR;
    if (open_outputs(&rn, first->ctx, &ropts) < 0) {
        status = WS_EXIT_ERROR;
        fatal = true;
        goto done;
    }
    if (inputs.n_errors)
        status = WS_EXIT_ERROR;
    rn.has_progress = !o->jsonl && wants_progress(&rn, inputs.n);
    int rc = threads > 1 ? run_parallel(&rn, threads, &status, inputs.n)
                         : run_serial(&rn, &status, inputs.n);
    if (rc != 0) {
        if (rc < 0) {
            clear_progress(&rn);
            fprintf(stderr, "whosaid: out of memory\n");
        }
        status = WS_EXIT_ERROR;
        fatal = true;
        goto done;
    }
    if (o->jsonl && rn.requests.error) {
        fprintf(stderr, "whosaid: cannot read the requests on standard input\n");
        status = WS_EXIT_ERROR;
    }
    clear_progress(&rn);
    rn.has_progress = false;
    for (int i = 0; i < rn.n_outs; i++)
        if (ws_renderer_finish(rn.outs[i].renderer) < 0) {
            fprintf(stderr, "whosaid: cannot write the %s report\n",
                    ws_format_name((ws_format)rn.outs[i].spec.format));
            status = WS_EXIT_ERROR;
            fatal = true;
        }
    if (!fatal && o->write_baseline && ws_cli_baseline_write(&rn.new_baseline, o->write_baseline) < 0)
        status = WS_EXIT_ERROR;
done:
    clear_progress(&rn);
    for (int i = 0; i < rn.n_outs; i++) {
        if (ws_cli_output_close(&rn.outs[i].file, rn.outs[i].renderer && !fatal) < 0)
            status = WS_EXIT_ERROR;
        ws_renderer_free(rn.outs[i].renderer);
    }
    ws_cli_inputs_free(&inputs);
    ws_cli_contexts_free(&rn.contexts);
    ws_cli_baseline_free(&rn.baseline);
    ws_cli_baseline_free(&rn.new_baseline);
    free(rn.requests.buf);
    return status;
}
