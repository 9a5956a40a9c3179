/* Zoning: tell the article (title, dateline, lead, body, byline) from page
 * chrome, and read the document's metadata.  The cues are data, loaded from
 * a rules file in config/ (see config/zones.conf for its format). */
#ifndef FP_ZONE_H
#define FP_ZONE_H

#include "../common/fp_error.h"
#include "../common/fp_text.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct fp_zone_rules fp_zone_rules;

/* Metadata values (title, byline) longer than this many bytes are cut at
 * a character boundary and end in "…": a page that is one 20 MB line
 * would otherwise have it all as its title. */
#define FP_ZONE_META_MAX_BYTES 1000

/* Load rules from a file.  Errors name file:line and what was expected.
 * Returns NULL on failure. */
fp_zone_rules *fp_zone_rules_load(const char *path, fp_error *err);
void fp_zone_rules_free(fp_zone_rules *rules);

/* Set the zone of every line of t and fill meta (free with fp_meta_free).
 * Thread-safe for a shared, loaded rules object. */
int fp_zone_document(const fp_zone_rules *rules, fp_text *t, fp_meta *meta,
                     fp_error *err);

/* One zone of a zoned text: a maximal run of consecutive lines of one
 * kind, in text order.  start/end are character offsets in the text (the
 * offsets facts use); the run covers its lines and the line breaks
 * between them, not the break before or after it.  Captions are BODY
 * lines of their own kind here. */
typedef struct fp_zone_run {
    fp_zone_kind kind;
    bool caption;
    size_t start, end;
} fp_zone_run;

/* The name the output uses for a zone kind ("body", "chrome", ...). */
const char *fp_zone_kind_name(fp_zone_kind kind);
/* The name of a run's kind: its zone's, or "caption". */
const char *fp_zone_run_name(const fp_zone_run *run);
/* The same for one line (what the review page labels it). */
const char *fp_zone_line_name(const fp_line *line);

/* The zones of a zoned text, every line in exactly one run; *runs is
 * malloc'ed (NULL for a text without lines). */
int fp_zone_runs(const fp_text *t, fp_zone_run **runs, size_t *n_runs,
                 fp_error *err);

/* Whether a zoned line is part of the article's text (a lead or body line
 * that is no caption): the one rule every reader of the article uses
 * (fp_zone_article_text, and through the output model the text and HTML
 * output formats). */
bool fp_zone_line_is_article(const fp_line *line);

/* The article's text: its lead and body lines in text order, one blank
 * line between two of them; no title, dateline, byline, caption or
 * chrome.  *out is malloc'ed and NUL-terminated, *len bytes without the
 * NUL. */
int fp_zone_article_text(const fp_text *t, char **out, size_t *len,
                         fp_error *err);

/* The same for a document named source: when source is an absolute
 * http(s) URL (a WARC record's target URI), a date in its path is one
 * more piece of evidence for the article's date (meta->date).  NULL or
 * any other name: no URL but the page's own canonical link. */
int fp_zone_document_from(const fp_zone_rules *rules, fp_text *t,
                          const char *source, fp_meta *meta, fp_error *err);

#endif
