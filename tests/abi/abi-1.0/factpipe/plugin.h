/* Frozen: <factpipe/plugin.h> as ABI 1.0 shipped it (factpipe commit
 * ee793d8), so that tests/abi builds a plugin exactly as a 1.0 author did
 * and proves a 1.1 core still loads and runs it.  Never edit this copy. */
/*
 * factpipe plugin ABI — the only header an extractor plugin includes.
 *
 * A plugin is a shared object that exports one function whose name is
 * derived from the plugin's name:
 *
 *     const fp_plugin_desc *fp_plugin_<name>_get_desc(void);
 *
 * FP_PLUGIN_DEFINE() below writes it.  The plugin never links the core: all
 * it may call is the host table (fp_host) the core hands to create() and
 * extract().
 *
 * Versioning.  FP_ABI_MAJOR changes when an existing field or callback
 * changes meaning; a plugin built against another major is refused.
 * FP_ABI_MINOR grows when fields are appended at the end of a struct; a core
 * loads plugins built against its own or an older minor, and refuses a newer
 * one.  The structs that cross the boundary one at a time (fp_plugin_desc,
 * fp_config, fp_document, fp_fact, fp_host) carry their size, so that
 * either side reads only the fields the other side knows.
 *
 * Frozen for ABI 1.  Four structs cross the boundary as arrays with a
 * count but no element size: fp_option (the option table), fp_option_value
 * (fp_config.values), fp_block (fp_document.blocks) and fp_attr (a fact's
 * attrs and children).  Whoever reads such an array steps by its own
 * sizeof, so a field added to one would shift every element after the
 * first: within major 1 these four never change.  ABI 2 will pass the
 * element size next to each count (option_size beside n_options,
 * value_size beside n_values, block_size beside n_blocks, attr_size
 * beside n_attrs and n_children), so that they can grow at their end as
 * the other structs do.
 *
 * Threading.  The core calls create() and destroy() from one thread.  It may
 * call extract() on the same instance from several threads at once, each
 * with its own document and host table; so an instance must be read-only
 * after create() (compiled patterns are; PCRE2 match data is not — allocate
 * it per call or per thread).  Host callbacks are only valid during the call
 * that received the host table.
 *
 * Text.  The document text is NFC-normalized UTF-8, NUL-terminated.  All
 * offsets a plugin sees and emits are byte offsets into that text; the core
 * converts them to character offsets and to source-file byte offsets when it
 * writes XML.
 */
#ifndef FACTPIPE_PLUGIN_H
#define FACTPIPE_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FP_ABI_MAJOR 1
#define FP_ABI_MINOR 0

#if defined(__GNUC__)
#define FP_PLUGIN_EXPORT __attribute__((visibility("default")))
#define FP_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define FP_PLUGIN_EXPORT
#define FP_PRINTF(fmt, args)
#endif

/* Return codes of plugin callbacks and of host->emit. */
enum {
    FP_OK = 0,
    FP_ERROR = -1 /* details were given with host->error() */
};

/* ------------------------------------------------------------------------ */
/* Options: a declarative table the core checks pipeline files against.    */

typedef enum fp_option_type {
    FP_OPT_BOOL = 1,   /* true/false, yes/no, on/off, 1/0 */
    FP_OPT_INT = 2,    /* decimal integer within [min, max] */
    FP_OPT_STRING = 3, /* any UTF-8 string */
    FP_OPT_PATH = 4    /* a file; relative paths are resolved against the
                          pipeline file's folder and must be readable */
} fp_option_type;

typedef struct fp_option {
    const char *name;          /* [a-z0-9-]+ */
    fp_option_type type;
    const char *default_value; /* as it would be written in a pipeline file;
                                  NULL: required (PATH/STRING) or 0/false */
    long long min, max;        /* FP_OPT_INT only; min == max == 0: any */
    const char *description;   /* one line, shown by --list-plugins */
} fp_option;

/* The resolved value of one option, in the same order as the plugin's
 * option table.  Strings are owned by the core and live until destroy(). */
typedef struct fp_option_value {
    const char *string; /* the value as written (PATH: absolute path);
                           NULL when the option has no value */
    long long integer;  /* FP_OPT_INT and FP_OPT_BOOL (0 or 1) */
} fp_option_value;

typedef struct fp_config {
    uint32_t struct_size;
    const fp_option_value *values; /* n_options entries, table order */
    size_t n_values;
    const char *instance; /* pipeline name of this instance, for messages */
} fp_config;

/* ------------------------------------------------------------------------ */
/* The document a plugin reads.                                             */

typedef enum fp_zone_kind {
    FP_ZONE_TITLE = 1,
    FP_ZONE_DATELINE = 2,
    FP_ZONE_LEAD = 3,
    FP_ZONE_BODY = 4,
    FP_ZONE_BYLINE = 5,
    FP_ZONE_CHROME = 6 /* menus, link lists, counters, widgets, footers */
} fp_zone_kind;

/* A block is a run of text between two breaks (a paragraph, a table cell,
 * a line of a plain-text page).  Blocks do not overlap and are in text
 * order.  They cover every part of the text facts are wanted from: the
 * article, and the page chrome only when the user keeps chrome facts
 * (--keep-chrome); otherwise chrome blocks are left out.  Matching block by
 * block keeps matches from running across paragraphs and bounds regex
 * subjects. */
typedef struct fp_block {
    size_t start, end; /* byte offsets into fp_document.text */
    fp_zone_kind zone;
} fp_block;

typedef struct fp_document_meta {
    const char *title;  /* NULL when unknown */
    const char *date;   /* the article's own date, ISO 8601 (YYYY-MM-DD,
                           YYYY-MM or YYYY), or NULL */
    const char *byline; /* author as written, or NULL */
} fp_document_meta;

typedef struct fp_document {
    uint32_t struct_size;
    const char *source;   /* input name, for messages */
    const char *text;     /* NFC UTF-8, NUL-terminated */
    size_t text_len;      /* bytes, without the NUL */
    const fp_block *blocks;
    size_t n_blocks;
    const fp_document_meta *meta;
} fp_document;

/* ------------------------------------------------------------------------ */
/* Facts a plugin emits.                                                    */

/* A kind-specific attribute (`unit` of a count) or child element (`title`
 * of an official).  Names are in [a-z][a-z0-9-]* and do not start with
 * "xml"; attribute names may not be the core's own: kind, value, start,
 * end, text, plugin, plugin-version, zone, src-start, src-end. */
typedef struct fp_attr {
    const char *name;
    const char *value; /* UTF-8 */
} fp_attr;

typedef struct fp_fact {
    uint32_t struct_size;   /* sizeof(fp_fact) as the plugin knows it */
    const char *kind;       /* NULL: the kind the descriptor declares */
    size_t start, end;      /* byte span in fp_document.text, start < end */
    const char *value;      /* as docs/GUIDELINE.md writes it; non-empty UTF-8 */
    const fp_attr *attrs;   /* written as XML attributes */
    size_t n_attrs;
    const fp_attr *children; /* written as child elements, in order */
    size_t n_children;
} fp_fact;

/* ------------------------------------------------------------------------ */
/* The host table: everything a plugin may ask of the core.                */

typedef enum fp_log_level {
    FP_LOG_DEBUG = 0,
    FP_LOG_INFO = 1,
    FP_LOG_WARNING = 2
} fp_log_level;

typedef struct fp_host {
    uint32_t struct_size; /* grows at its end only: check before reading */
    uint16_t abi_major, abi_minor;
    void *ctx; /* opaque; pass it back to every callback */

    /* Record a fact.  Copies everything it is given, so stack buffers and
     * PCRE2 substrings may be passed.  Returns FP_OK, or FP_ERROR when the
     * fact is malformed (span outside the text, empty value, invalid UTF-8,
     * reserved attribute name: the rules of <factpipe/fact_check.h>); the
     * reason is logged with the plugin name. */
    int (*emit)(void *ctx, const fp_fact *fact);

    /* A message for the user, prefixed with the plugin instance name. */
    void (*log)(void *ctx, fp_log_level level, const char *message);

    /* Say why the current create() or extract() returns FP_ERROR.  The last
     * message given before the callback returns is the one reported. */
    void (*error)(void *ctx, const char *message);
} fp_host;

/* printf-style conveniences; header-only so plugins link nothing. */
static inline void fp_logf(const fp_host *host, fp_log_level level,
                           const char *fmt, ...) FP_PRINTF(3, 4);
static inline void fp_logf(const fp_host *host, fp_log_level level,
                           const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    host->log(host->ctx, level, message);
}

static inline int fp_errorf(const fp_host *host, const char *fmt, ...)
    FP_PRINTF(2, 3);
static inline int fp_errorf(const fp_host *host, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    host->error(host->ctx, message);
    return FP_ERROR;
}

static inline int fp_emit(const fp_host *host, const fp_fact *fact)
{
    return host->emit(host->ctx, fact);
}

/* Check that every block of doc lies inside its text.  The core guarantees
 * it; a plugin calls this first so that a test host or a future core with
 * a bug fails the document with a message instead of reading out of bounds.
 * Returns FP_OK, or FP_ERROR after host->error. */
static inline int fp_document_check_blocks(const fp_document *doc,
                                           const fp_host *host)
{
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const fp_block *b = &doc->blocks[i];
        if (b->start > b->end || b->end > doc->text_len)
            return fp_errorf(host, "%s: block %zu (bytes %zu-%zu) lies "
                             "outside the %zu-byte text", doc->source, i,
                             b->start, b->end, doc->text_len);
    }
    return FP_OK;
}

/* ------------------------------------------------------------------------ */
/* The descriptor.                                                          */

typedef struct fp_plugin_desc {
    uint16_t abi_major;    /* FP_ABI_MAJOR the plugin was built against */
    uint16_t abi_minor;    /* FP_ABI_MINOR the plugin was built against */
    uint32_t struct_size;  /* sizeof(fp_plugin_desc) at build time */

    const char *name;        /* [a-z][a-z0-9_]*; matches the entry symbol */
    const char *version;     /* the plugin's own version, e.g. "1.0.0" */
    const char *kind;        /* fact kind it emits, e.g. "percentage" */
    const char *description; /* one line */

    const fp_option *options; /* n_options entries, may be NULL if 0 */
    size_t n_options;

    /* Build an instance from its resolved options: load lexicons, compile
     * patterns.  Store the instance in *state.  Called once per pipeline.
     * On FP_ERROR, create frees whatever it made itself: destroy is not
     * called for an instance that failed to start. */
    int (*create)(const fp_config *config, const fp_host *host, void **state);

    /* Find facts in one document and emit them.  Returning FP_ERROR fails
     * this document only. */
    int (*extract)(void *state, const fp_document *doc, const fp_host *host);

    /* Free the instance.  Accepts NULL. */
    void (*destroy)(void *state);
} fp_plugin_desc;

#define FP_PLUGIN_ENTRY_PREFIX "fp_plugin_"
#define FP_PLUGIN_ENTRY_SUFFIX "_get_desc"

/* The number of entries of an option table.  OPTIONS must be the array
 * itself, not a pointer to it (with GCC and clang a pointer fails to
 * compile). */
#if defined(__GNUC__) && !defined(__cplusplus)
#define FP_OPTION_COUNT(OPTIONS)                                            \
    (sizeof(OPTIONS) / sizeof((OPTIONS)[0]) +                               \
     0 * sizeof(struct {                                                    \
         int options_must_be_an_array                                       \
             : 1 - 2 * __builtin_types_compatible_p(__typeof__(OPTIONS),    \
                                                    __typeof__(&(OPTIONS)[0])); \
     }))
#else
#define FP_OPTION_COUNT(OPTIONS) (sizeof(OPTIONS) / sizeof((OPTIONS)[0]))
#endif

/* Defines the entry point for plugin NAME (an identifier).  Use once per
 * plugin, after the callbacks and the option table (an array; its size is
 * counted here):
 *
 *     FP_PLUGIN_DEFINE(percentage, "1.0.0", "percentage",
 *                      "Percentages: 21,1% and 5 phần trăm",
 *                      options, create, extract, destroy)
 *
 * A plugin without options uses FP_PLUGIN_DEFINE_NO_OPTIONS, the same
 * without the table.  (FP_PLUGIN_ENTRY_ is what both expand to.) */
#define FP_PLUGIN_ENTRY_(NAME, VERSION, KIND, DESCRIPTION, OPTIONS,    \
                              N_OPTIONS, CREATE, EXTRACT, DESTROY)          \
    FP_PLUGIN_EXPORT const fp_plugin_desc *fp_plugin_##NAME##_get_desc(void); \
    FP_PLUGIN_EXPORT const fp_plugin_desc *fp_plugin_##NAME##_get_desc(void) \
    {                                                                       \
        static const fp_plugin_desc desc = {                                \
            FP_ABI_MAJOR, FP_ABI_MINOR, (uint32_t)sizeof(fp_plugin_desc),   \
            #NAME, VERSION, KIND, DESCRIPTION, OPTIONS, N_OPTIONS,          \
            CREATE, EXTRACT, DESTROY};                                      \
        return &desc;                                                       \
    }
#define FP_PLUGIN_DEFINE(NAME, VERSION, KIND, DESCRIPTION, OPTIONS, CREATE,  \
                         EXTRACT, DESTROY)                                  \
    FP_PLUGIN_ENTRY_(NAME, VERSION, KIND, DESCRIPTION, OPTIONS,        \
                          FP_OPTION_COUNT(OPTIONS), CREATE, EXTRACT, DESTROY)
#define FP_PLUGIN_DEFINE_NO_OPTIONS(NAME, VERSION, KIND, DESCRIPTION, CREATE, \
                                    EXTRACT, DESTROY)                       \
    FP_PLUGIN_ENTRY_(NAME, VERSION, KIND, DESCRIPTION, NULL, 0, CREATE, \
                          EXTRACT, DESTROY)

#ifdef __cplusplus
}
#endif

#endif /* FACTPIPE_PLUGIN_H */
