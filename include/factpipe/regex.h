/*
 * factpipe — PCRE2 the way every factpipe plugin uses it, header-only.
 *
 * Include <pcre2.h> (with PCRE2_CODE_UNIT_WIDTH 8) before this header:
 * plugin.h stays free of PCRE2, and a plugin that matches no regex never
 * needs it.  What it gives (docs/RELIABILITY.md, Regular expressions):
 *
 *   - FP_REGEX_COMPILE_OPTIONS: UTF, UCP, MATCH_INVALID_UTF,
 *     NEVER_BACKSLASH_C; write digits as [0-9] (\d is Unicode under UCP);
 *   - fp_regex_compile(): compile, then JIT with the interpreter as the
 *     fallback (no JIT on some machines, SELinux execmem policies), under
 *     the same limits;
 *   - FP_REGEX_LIMIT_OPTIONS (or the two entries on their own): the
 *     option-table entries match-limit and heap-limit with their
 *     defaults, and fp_regex_limits_new() for the match context with
 *     those limits and the depth limit;
 *   - fp_regex_match_data(): match data for one extract() call — it is
 *     written by every match, so never part of the shared instance;
 *   - fp_regex_each_match(): the block loop — every block the document
 *     hands over (article blocks, chrome blocks too under --keep-chrome),
 *     every match of the pattern in it, a callback per match;
 *   - fp_regex_match_error(): the message for a failed match.
 *
 * The rule: pcre2_match() returning PCRE2_ERROR_NOMATCH means no match;
 * any other negative value (match limit, heap limit, depth limit, JIT
 * stack, bad offset...) is an error of this document — the plugin says
 * why with fp_errorf and extract() returns FP_ERROR, never "no match".
 * fp_regex_each_match() does exactly that.
 *
 * A compiled pattern and a match context are read-only once made, so the
 * instance keeps them and threads share them; a plugin that needs a
 * per-call setting (an offset limit) copies the context per call
 * (pcre2_match_context_copy).
 */
#ifndef FACTPIPE_REGEX_H
#define FACTPIPE_REGEX_H

#ifndef PCRE2_MAJOR
#error "include <pcre2.h> (with PCRE2_CODE_UNIT_WIDTH 8) before <factpipe/regex.h>"
#endif
#if PCRE2_CODE_UNIT_WIDTH != 8
#error "<factpipe/regex.h> matches UTF-8 text: define PCRE2_CODE_UNIT_WIDTH 8 before <pcre2.h>"
#endif

#include <factpipe/plugin.h>

#include <stddef.h>
#include <stdint.h>

#define FP_REGEX_COMPILE_OPTIONS                                              \
    (PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C)

/* Far above what a plugin's patterns need (they are possessive or
 * bounded); it keeps a pathological pattern from eating the stack. */
enum { FP_REGEX_DEPTH_LIMIT = 5000 };

/* The defaults of the two options, as a pipeline file writes them (about
 * 8000 times what the built-in patterns need). */
#define FP_REGEX_MATCH_LIMIT_DEFAULT "100000"
#define FP_REGEX_HEAP_LIMIT_DEFAULT "16384"

/* The option entries, for a table indexed by an enum:
 *
 *     enum { OPTION_WORDS, OPTION_MATCH_LIMIT, OPTION_HEAP_LIMIT, N_OPTIONS };
 *     static const fp_option options[N_OPTIONS] = {
 *         [OPTION_WORDS] = {...},
 *         [OPTION_MATCH_LIMIT] = FP_REGEX_MATCH_LIMIT_OPTION,
 *         [OPTION_HEAP_LIMIT] = FP_REGEX_HEAP_LIMIT_OPTION,
 *     };
 *
 * or both at once at the end of a positional table:
 *
 *     static const fp_option options[] = {{...}, FP_REGEX_LIMIT_OPTIONS};
 */
#define FP_REGEX_MATCH_LIMIT_OPTION                                           \
    {.name = "match-limit", .type = FP_OPT_INT,                               \
     .default_value = FP_REGEX_MATCH_LIMIT_DEFAULT, .min = 1000, .max = 100000000, \
     .description = "regex steps one match may take; a match that reaches it " \
                    "fails the document"}
#define FP_REGEX_HEAP_LIMIT_OPTION                                            \
    {.name = "heap-limit", .type = FP_OPT_INT,                                \
     .default_value = FP_REGEX_HEAP_LIMIT_DEFAULT, .min = 1024, .max = 4194304, \
     .description = "KiB of backtracking memory one match may use; a match "  \
                    "that reaches it fails the document"}
#define FP_REGEX_LIMIT_OPTIONS FP_REGEX_MATCH_LIMIT_OPTION, FP_REGEX_HEAP_LIMIT_OPTION

/* Compiles pattern with FP_REGEX_COMPILE_OPTIONS | extra_options and JIT
 * (logged at debug level when JIT is unavailable: the interpreter then
 * runs it under the same limits).  what names the pattern in messages
 * ("number", "reference").  NULL after fp_errorf when it does not compile. */
static inline pcre2_code *fp_regex_compile(const char *pattern, uint32_t extra_options,
                                           const char *what, const fp_host *host)
{
    int error_code;
    PCRE2_SIZE error_offset;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                     FP_REGEX_COMPILE_OPTIONS | extra_options, &error_code,
                                     &error_offset, NULL);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error_code, message, sizeof message);
        fp_errorf(host, "cannot compile the %s pattern at offset %zu: %s", what,
                  (size_t)error_offset, (const char *)message);
        return NULL;
    }
    int jit_rc = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    if (jit_rc < 0) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(jit_rc, message, sizeof message);
        fp_logf(host, FP_LOG_DEBUG, "JIT unavailable for the %s pattern (%s); using the "
                "PCRE2 interpreter", what, (const char *)message);
    }
    return code;
}

/* A match context with the depth limit and the match and heap limits of
 * the plugin's options (config->values[match_option] and [heap_option],
 * FP_OPT_INT entries such as FP_REGEX_MATCH_LIMIT_OPTION).  NULL after
 * fp_errorf when out of memory or the options are not there. */
static inline pcre2_match_context *fp_regex_limits_new(const fp_config *config,
                                                       size_t match_option,
                                                       size_t heap_option,
                                                       const fp_host *host)
{
    if (match_option >= config->n_values || heap_option >= config->n_values) {
        fp_errorf(host, "the match-limit and heap-limit options are missing (%zu option "
                  "values given)", config->n_values);
        return NULL;
    }
    pcre2_match_context *context = pcre2_match_context_create(NULL);
    if (!context) {
        fp_errorf(host, "out of memory creating the match context");
        return NULL;
    }
    pcre2_set_depth_limit(context, FP_REGEX_DEPTH_LIMIT);
    pcre2_set_match_limit(context, (uint32_t)config->values[match_option].integer);
    pcre2_set_heap_limit(context, (uint32_t)config->values[heap_option].integer);
    return context;
}

/* Match data for one extract() call (or one thread), sized for code;
 * NULL after fp_errorf when out of memory.  Free with
 * pcre2_match_data_free. */
static inline pcre2_match_data *fp_regex_match_data(const pcre2_code *code,
                                                    const fp_host *host)
{
    pcre2_match_data *data = pcre2_match_data_create_from_pattern(code, NULL);
    if (!data)
        fp_errorf(host, "out of memory creating match data");
    return data;
}

/* Says why matching failed with rc (< 0, not PCRE2_ERROR_NOMATCH) in
 * block block_index of doc; returns FP_ERROR for extract() to return.
 * The core adds the plugin's name. */
static inline int fp_regex_match_error(const fp_host *host, int rc, const fp_document *doc,
                                       size_t block_index)
{
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(rc, message, sizeof message);
    const fp_block *b = &doc->blocks[block_index];
    return fp_errorf(host, "%s: matching failed in block %zu (bytes %zu-%zu): %s",
                     doc->source, block_index, b->start, b->end, (const char *)message);
}

/* One match, for fp_regex_each_match's callback. */
typedef struct fp_regex_match {
    const fp_document *doc;
    size_t block_index;
    const char *block;        /* doc->text + the block's start */
    size_t block_len;
    size_t block_start;       /* the block's offset in doc->text */
    const PCRE2_SIZE *ovector; /* offsets into block */
    int rc;                   /* pcre2_match's count of set pairs */
    pcre2_match_data *data;
    size_t next;              /* where the next search starts in the block
                                 (the match's end); the callback may move
                                 it further to skip what it consumed */
} fp_regex_match;

/* Returns FP_OK, or FP_ERROR after saying why with fp_errorf. */
typedef int (*fp_regex_match_fn)(void *user, fp_regex_match *match, const fp_host *host);

/* The block loop: for each block of doc (after fp_document_check_blocks),
 * every match of code from the block's start, each one handed to
 * on_match; the next search starts at match->next (never before the
 * match's end; one character on after an empty match) while it is inside
 * the block.  Match data is
 * made for this call.  Stops at the first FP_ERROR of on_match, and at a
 * matcher error, which it reports (fp_regex_match_error).  Returns FP_OK
 * or FP_ERROR. */
static inline int fp_regex_each_match(const pcre2_code *code, pcre2_match_context *limits,
                                      const fp_document *doc, const fp_host *host,
                                      fp_regex_match_fn on_match, void *user)
{
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    pcre2_match_data *data = fp_regex_match_data(code, host);
    if (!data)
        return FP_ERROR;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
    int status = FP_OK;
    for (size_t b = 0; b < doc->n_blocks && status == FP_OK; b++) {
        const fp_block *span = &doc->blocks[b];
        const char *block = doc->text + span->start;
        size_t len = span->end - span->start;
        for (size_t offset = 0; offset < len && status == FP_OK;) {
            int rc = pcre2_match(code, (PCRE2_SPTR)block, len, offset, 0, data, limits);
            if (rc == PCRE2_ERROR_NOMATCH)
                break;
            if (rc < 0) {
                status = fp_regex_match_error(host, rc, doc, b);
                break;
            }
            fp_regex_match m = {doc, b, block, len, span->start, ovector, rc, data, ovector[1]};
            status = on_match(user, &m, host);
            size_t next = m.next > ovector[1] ? m.next : ovector[1];
            if (next == ovector[0] || next <= offset) { /* an empty match: step over a character */
                next = offset + 1;
                while (next < len && ((unsigned char)block[next] & 0xC0) == 0x80)
                    next++;
            }
            offset = next;
        }
    }
    pcre2_match_data_free(data);
    return status;
}

#endif /* FACTPIPE_REGEX_H */
