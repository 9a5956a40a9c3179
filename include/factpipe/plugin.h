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
 * fp_config, fp_document, fp_fact, fp_host, fp_analysis) carry their size, so that
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
 * the other structs do.  The arrays of ABI 1.1 (fp_word, fp_sentence in
 * fp_analysis) carry their element size already and may grow.
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
 *
 * ABI 1.1 added the shared text analysis (fp_analysis, host->analysis):
 * the document's words with their class, numbers read by the guideline's
 * rules and sentence boundaries, computed once per document by the core
 * for every plugin that asks.  Plugins built against 1.0 load and run
 * unchanged.
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
#define FP_ABI_MINOR 1

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
/* The shared text analysis (ABI 1.1).                                      */

/* Every character of a block that is not white space belongs to exactly
 * one word; a word has one of these classes. */
typedef enum fp_word_class {
    /* Digits 0-9 read as one number by the guideline's rules (decimal
     * comma, thousands dot, a dot followed by other than three digits is
     * a decimal point, a space or no-break space before three digits
     * groups thousands after a first group of one to three digits,
     * leading zeros carry no meaning): "21,1", "1.250", "25 000", "03".
     * A chain of digit groups those rules cannot read as one number
     * ("15.3.2019", "1,250,300", "192.168.1.1") is read as its digit runs,
     * with the separators as punctuation.  Signs are punctuation. */
    FP_WORD_NUMBER = 1,
    /* A run of letters, marks and digits that starts with a capital
     * letter: "Nguyễn", "UBND", "H'Hen" (an apostrophe between letters
     * stays inside), "U15". */
    FP_WORD_CAPITALIZED = 2,
    /* The same starting otherwise: a small letter, a letter of a script
     * without case, a mark, a digit of another script: "đảng", "m2". */
    FP_WORD_LOWER = 3,
    /* One character that is none of these: punctuation, a symbol, an
     * emoji, or one ill-formed UTF-8 sequence. */
    FP_WORD_PUNCT = 4
} fp_word_class;

/* fp_word.flags */
enum {
    /* No white space between this word and the one before it in its
     * block ("21,1%": the "%" is glued).  Never set on a block's first. */
    FP_WORD_GLUED = 1u << 0,
    /* Two or more letters, every one a capital: "UBND", "VN", "ĐT". */
    FP_WORD_ALL_CAPS = 1u << 1,
    /* A letter word with digits in it: "m2", "U15", "F0". */
    FP_WORD_HAS_DIGIT = 1u << 2,
    /* Numbers: thousands separators were written ("1.250", "25 000"). */
    FP_NUMBER_GROUPED = 1u << 8,
    /* Numbers: a decimal point was written ("21,1", "56.6"). */
    FP_NUMBER_DECIMAL = 1u << 9,
    /* Numbers: padded with zeros ("03", "0236"; not "0" or "0,5"). */
    FP_NUMBER_LEADING_ZERO = 1u << 10,
    /* Numbers: the integer part does not fit in 64 bits; integer is
     * UINT64_MAX, value is still exact. */
    FP_NUMBER_HUGE = 1u << 11
};

/* One word.  Read them with fp_analysis_word(): the core steps through
 * the array by fp_analysis.word_size, which may grow within ABI 1. */
typedef struct fp_word {
    size_t start, end;   /* byte span in fp_document.text; start < end */
    /* Case-folded (fp_utf8_fold of <factpipe/utf8.h>: small letters,
     * apostrophes as '), NUL-terminated: what lexicon look-ups compare.
     * A number's is its text with each space as ' '. */
    const char *folded;
    /* FP_WORD_NUMBER: the guideline's form of the number, "21.1", "1250",
     * "3", "0.5" (no grouping, no leading or trailing zeros); else NULL. */
    const char *value;
    uint64_t integer;    /* numbers: the integer part (see FP_NUMBER_HUGE) */
    uint64_t fraction;   /* numbers: the first fraction_digits digits after
                            the decimal point as written ("2,50": 50) */
    uint32_t block;      /* index into fp_document.blocks */
    uint32_t sentence;   /* index into the analysis' sentences */
    uint32_t int_digits; /* numbers: digits before the point as written,
                            leading zeros included ("03": 2) */
    /* The word's first character as written: for punctuation, the mark
     * itself ('%', 0x2013 for "–"; U+FFFD for an ill-formed sequence). */
    uint32_t first_char;
    uint16_t fraction_digits; /* numbers: at most 19 */
    uint16_t word_class; /* fp_word_class */
    uint16_t flags;      /* FP_WORD_*, FP_NUMBER_* */
} fp_word;

/* A sentence: words [first_word, first_word + n_words) of one block.
 * Sentences cover every word in order and never cross a block.  One ends
 * at its block's end, or after ".", "!", "?" or "…" (with the closing
 * quotes and brackets glued to it) when white space and then a word
 * other than a small-letter word follow — except after a dot glued to a
 * capitalized word without a vowel ("TP.", "ThS.", "Q."), which is an
 * abbreviation. */
typedef struct fp_sentence {
    size_t start, end;   /* byte span: its first word's start to its last
                            word's end */
    size_t first_word, n_words;
    uint32_t block;
} fp_sentence;

/* The analysis of one document, owned by the host: read-only, valid until
 * the extract() call that got it returns, shared with every other plugin
 * of the document.  It covers the document's blocks (fp_document.blocks:
 * chrome only under --keep-chrome), words in text order. */
typedef struct fp_analysis {
    uint32_t struct_size;   /* grows at its end only: check before reading */
    uint32_t word_size;     /* bytes from one word to the next */
    uint32_t sentence_size; /* bytes from one sentence to the next */
    const char *text;       /* fp_document.text */
    const void *words;      /* n_words records: use fp_analysis_word() */
    size_t n_words;
    const void *sentences;  /* n_sentences: use fp_analysis_sentence() */
    size_t n_sentences;
    /* The words of block b are [block_words[b], block_words[b + 1]). */
    const size_t *block_words; /* n_blocks + 1 entries */
    size_t n_blocks;
} fp_analysis;

static inline const fp_word *fp_analysis_word(const fp_analysis *a, size_t i)
{
    return (const fp_word *)(const void *)((const char *)a->words + i * a->word_size);
}

static inline const fp_sentence *fp_analysis_sentence(const fp_analysis *a, size_t i)
{
    return (const fp_sentence *)(const void *)((const char *)a->sentences +
                                               i * a->sentence_size);
}

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

    /* ABI 1.1: the shared analysis of the document being extracted (see
     * fp_analysis), computed at the first call of any plugin of that
     * document and returned as is to the later ones.  NULL when it cannot
     * be made (out of memory, or called during create()); the host has
     * then said why with error(), so extract() returns FP_ERROR.  Call it
     * through fp_document_analysis(), from the thread extract() runs on. */
    const fp_analysis *(*analysis)(void *ctx);
} fp_host;

/* Whether the host table has FIELD (a later minor may append more). */
#define FP_HOST_HAS(host, FIELD)                                            \
    ((host)->struct_size >= offsetof(fp_host, FIELD) + sizeof((host)->FIELD) && \
     (host)->FIELD != NULL)

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

/* The shared analysis of the document (ABI 1.1), or NULL after the host
 * said why: then return FP_ERROR.
 *
 *     const fp_analysis *a = fp_document_analysis(host);
 *     if (!a)
 *         return FP_ERROR;
 *     for (size_t i = 0; i < a->n_words; i++) {
 *         const fp_word *w = fp_analysis_word(a, i);
 *         if (w->word_class == FP_WORD_NUMBER) ... w->value ...
 *     } */
static inline const fp_analysis *fp_document_analysis(const fp_host *host)
{
    if (!FP_HOST_HAS(host, analysis)) {
        host->error(host->ctx, "this host offers no shared text analysis: it needs "
                               "plugin ABI 1.1 or later");
        return NULL;
    }
    return host->analysis(host->ctx);
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
