/*
 * fake_host — run a factpipe plugin in a unit test, without the core and
 * without dlopen (the idea of collectd's plugin_mock).
 *
 * A test links the plugin's sources (or object) and this library, gets the
 * descriptor by calling fp_plugin_<name>_get_desc() directly, and then:
 *
 *     fp_fake_host host;
 *     fp_fake_host_init(&host);
 *     fp_fake_doc *doc = fp_fake_doc_new("chiếm 21,1%\nmenu 5%");
 *     fp_fake_doc_set_line_zone(doc, 1, FP_ZONE_CHROME);
 *
 *     fp_fake_plugin plugin;
 *     const char *settings[] = {"words=false", NULL};
 *     if (fp_fake_plugin_create(&plugin, desc, &host, settings) == FP_OK &&
 *         fp_fake_plugin_extract(&plugin, &host, doc) == FP_OK)
 *         ... inspect host.facts[0 .. host.n_facts) ...
 *     fp_fake_plugin_destroy(&plugin);
 *     fp_fake_doc_free(doc);
 *     fp_fake_host_free(&host);
 *
 * host->analysis() gives the document's shared text analysis, computed by
 * the core's own source (fp_analysis.c, compiled in with this library).
 *
 * emit() checks every fact with the core's own rules, <factpipe/fact_check.h>
 * — span inside the text, start < end, both ends on UTF-8 character
 * boundaries, a non-empty valid UTF-8 value, kind, attribute and child
 * names as the XML output allows them — and refuses a malformed one with
 * FP_ERROR and the core's reason, counting it in n_rejected.  The
 * facts it accepts are deep-copied, together with the surface text of their
 * span, so a test can inspect them after the plugin's buffers are gone.
 *
 * Everything here is single-threaded and owned by the object it hangs off:
 * strings in fp_fake_fact belong to the host and live until
 * fp_fake_host_reset() or fp_fake_host_free().
 */
#ifndef FACTPIPE_FAKE_HOST_H
#define FACTPIPE_FAKE_HOST_H

#include <factpipe/plugin.h>

#include "fp_analysis.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { FP_FAKE_MESSAGE_MAX = 512 };

/* An attribute or child element of a recorded fact. */
typedef struct fp_fake_attr {
    char *name;
    char *value;
} fp_fake_attr;

/* A fact as emit() recorded it. */
typedef struct fp_fake_fact {
    char *kind;    /* NULL: the plugin left the descriptor's kind */
    char *value;
    size_t start, end; /* byte offsets into the document text */
    char *surface;     /* the document text in [start, end) */
    fp_fake_attr *attrs;
    size_t n_attrs;
    fp_fake_attr *children;
    size_t n_children;
} fp_fake_fact;

typedef struct fp_fake_host {
    fp_host host; /* hand &fake->host (or fp_fake_host_table()) to a plugin */

    /* The document emit() checks spans against; set by
     * fp_fake_plugin_extract() for the length of the call, NULL otherwise
     * (then every emit is refused, as the core would). */
    const fp_document *doc;

    fp_fake_fact *facts; /* accepted facts, in emit order */
    size_t n_facts;
    size_t facts_capacity;

    size_t n_rejected;                        /* emits refused */
    char last_rejection[FP_FAKE_MESSAGE_MAX]; /* why the last one was */

    size_t n_logs;
    fp_log_level last_log_level;
    char last_log[FP_FAKE_MESSAGE_MAX];

    size_t n_errors;                       /* calls to host->error() */
    char last_error[FP_FAKE_MESSAGE_MAX]; /* plugin's or the fake's own */

    /* The shared text analysis (host->analysis, ABI 1.1), made by the
     * core's own code (fp_analysis.c, which ships with this file) at the
     * first request during fp_fake_plugin_extract() and freed when that
     * returns, as the core frees it after the document's plugins ran.
     * analysis.requests counts the requests of the last extract. */
    fp_analysis_slot analysis;
} fp_fake_host;

/* Sets up an empty host whose callbacks record into *fake. */
void fp_fake_host_init(fp_fake_host *fake);

/* The host table to pass to plugin callbacks. */
const fp_host *fp_fake_host_table(const fp_fake_host *fake);

/* Forgets recorded facts and messages; the host stays usable. */
void fp_fake_host_reset(fp_fake_host *fake);

/* Frees what the host recorded.  Accepts NULL. */
void fp_fake_host_free(fp_fake_host *fake);

/* ------------------------------------------------------------------------ */
/* Documents.                                                               */

typedef struct fp_fake_doc {
    fp_document doc; /* what a plugin's extract() receives */
    fp_document_meta meta;
    char *text;
    fp_block *blocks;
    size_t *block_lines; /* the 0-based text line each block came from */
} fp_fake_doc;

/* A document over a copy of text (taken as bytes: invalid UTF-8 stays, for
 * robustness tests).  Each non-empty '\n'-separated line becomes one block
 * of zone FP_ZONE_BODY; source is "fake.txt"; meta fields are NULL.  The
 * copy has 64 zero bytes after its NUL so that PCRE2's JIT, whose SIMD
 * loads may run past the subject, stays quiet under valgrind.
 * Returns NULL when out of memory. */
fp_fake_doc *fp_fake_doc_new(const char *text);

/* Puts the block of 0-based line `line` in `zone`.  Returns FP_ERROR when
 * that line is empty or does not exist. */
int fp_fake_doc_set_line_zone(fp_fake_doc *doc, size_t line,
                              fp_zone_kind zone);

/* Copies the metadata strings; NULL leaves a field unknown.  Returns
 * FP_ERROR when out of memory. */
int fp_fake_doc_set_meta(fp_fake_doc *doc, const char *title,
                         const char *date, const char *byline);

/* Accepts NULL. */
void fp_fake_doc_free(fp_fake_doc *doc);

/* ------------------------------------------------------------------------ */
/* Plugin lifecycle.                                                        */

typedef struct fp_fake_plugin {
    const fp_plugin_desc *desc;
    void *state;                   /* what create() stored */
    fp_option_value *values;       /* desc->n_options entries */
    char **strings;                /* owned copies behind values[].string */
} fp_fake_plugin;

/* Checks the descriptor as the loader does (ABI major equal, minor not
 * newer, struct size, callbacks present), resolves the options and calls
 * desc->create().
 *
 * settings: NULL, or a NULL-terminated list of "name=value" strings that
 * override the descriptor's defaults.  Values are parsed as the core
 * parses pipeline files: BOOL true/false, yes/no, on/off, 1/0; INT a
 * decimal within [min, max] unless both are 0; STRING and PATH as written
 * (PATH is not resolved: give absolute paths).  An unknown name, a bad
 * value or a missing required STRING/PATH fails with FP_ERROR and the
 * reason in fake->last_error.
 *
 * A create() that fails must free what it made itself: destroy() is not
 * called for it.  On FP_ERROR nothing needs freeing, but
 * fp_fake_plugin_destroy() is safe. */
int fp_fake_plugin_create(fp_fake_plugin *plugin, const fp_plugin_desc *desc,
                          fp_fake_host *fake, const char *const *settings);

/* Calls desc->extract() on doc, with fake->doc set for emit() checks and
 * the analysis of doc ready to be made on request. */
int fp_fake_plugin_extract(const fp_fake_plugin *plugin, fp_fake_host *fake,
                           const fp_fake_doc *doc);

/* Calls desc->destroy() and frees the option values.  Safe to call twice. */
void fp_fake_plugin_destroy(fp_fake_plugin *plugin);

#ifdef __cplusplus
}
#endif

#endif /* FACTPIPE_FAKE_HOST_H */
