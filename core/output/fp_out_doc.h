/* The model of one processed document, as every output format receives
 * it: what the engine found (meta, facts with their offsets, the text and
 * its zones), independent of how it is written.  All pointers are
 * borrowed: they live as long as the call that hands the model over. */
#ifndef FP_OUT_DOC_H
#define FP_OUT_DOC_H

#include <factpipe/plugin.h>
#include <stddef.h>

typedef struct fp_out_fact {
    const char *kind;
    const char *value;
    size_t start, end;         /* character offsets in the extracted text */
    size_t src_start, src_end; /* byte offsets in the input file */
    const char *text;          /* surface text */
    const char *plugin;        /* plugin name */
    const char *plugin_version;
    const char *zone;          /* NULL for article facts, else "chrome" */
    const fp_attr *attrs;
    size_t n_attrs;
    const fp_attr *children;
    size_t n_children;
} fp_out_fact;

/* One zone of the text, as standoff: <zone kind= start= end=/>. */
typedef struct fp_out_zone {
    const char *kind;  /* title dateline lead body caption byline chrome */
    size_t start, end; /* character offsets in the extracted text */
} fp_out_zone;

/* One line of the extracted text (the text between two breaks; lines do
 * not overlap and never hold '\n') with what zoning made of it. */
typedef struct fp_out_line {
    size_t start, end;  /* byte offsets into fp_out_doc.extracted */
    fp_zone_kind zone;
    int article;        /* part of the article's text (zoning decides:
                           fp_zone_line_is_article) */
    const char *name;   /* what zoning calls it, as the zone standoff
                           does: "body", "caption", ... (static) */
} fp_out_line;

typedef struct fp_out_doc {
    const char *source;     /* as given / relative to the input root */
    const char *format;     /* "html" or "text"; NULL when it failed early */
    const char *encoding;   /* detected source encoding, or NULL */
    const char *title, *date, *byline; /* meta, each may be NULL */
    const char *url;         /* meta: the page's address (a WARC record's
                                target URI), or NULL */
    const char *record_date; /* meta: when the page was fetched (a WARC
                                record's date, ISO 8601), or NULL */
    const char *text;       /* extracted text when the user asked for it
                               in the output (--include-text), else NULL */
    const fp_out_zone *zones; /* with text only: its zones in text order */
    size_t n_zones;
    const char *error;      /* non-NULL: the document failed, say why */
    int partial;            /* parsing stopped early */
    const fp_out_fact *facts;
    size_t n_facts;
    /* The whole extracted text and every line of it with its zone (byte
     * offsets into extracted), set for each processed document whatever
     * --include-text says: for formats that show the article itself. */
    const char *extracted;
    size_t extracted_len;
    const fp_out_line *lines;
    size_t n_lines;
    int chrome_kept;        /* --keep-chrome: chrome facts are kept (with
                               zone "chrome"), so formats show chrome */
} fp_out_doc;

#endif
