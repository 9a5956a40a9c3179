/* The documents check-plugin runs a plugin on, built as the core builds
 * them: NFC UTF-8 text with zero padding after its NUL, one block per
 * line, zones and metadata set. */
#ifndef FP_CHECK_DOC_H
#define FP_CHECK_DOC_H

#include "../common/fp_error.h"

#include <factpipe/plugin.h>

typedef struct check_doc {
    fp_document doc;
    fp_document_meta meta;
    char *text;
    fp_block *blocks;
} check_doc;

/* The built-in sample text (fp_check_sample_text): title, dateline, body,
 * one chrome line of counters.  0, or -1 when out of memory. */
int check_doc_sample(check_doc *d);
/* No text, no blocks: what an empty page gives. */
int check_doc_empty(check_doc *d);
/* One 60 KB block of sample sentences without a break, as a page without
 * line breaks gives: plugins match block by block under their limits
 * (docs/RELIABILITY.md, Regular expressions) and must cope with it. */
int check_doc_long(check_doc *d);
/* The author's sample: a UTF-8 (or UTF-16 with BOM, or windows-1258) text
 * file, decoded and NFC-normalized as factpipe decodes inputs, one body
 * block per non-empty line.  0, or -1 with why (unreadable, too big, an
 * HTML page) in err. */
int check_doc_file(check_doc *d, const char *path, fp_error *err);
/* Accepts a zeroed document. */
void check_doc_free(check_doc *d);

#endif
