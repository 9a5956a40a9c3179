/* XML writing with libxml2's text writer.  One vocabulary, described by
 * schema/factpipe.rng: <factpipe> holds <document> elements; a document
 * holds <meta>, optionally <text> with its <zone> standoff, and <fact>
 * elements.  Text that is not
 * allowed in XML (invalid UTF-8, control characters, U+FFFE/U+FFFF) is
 * replaced by U+FFFD before it reaches the writer. */
#ifndef FP_XML_H
#define FP_XML_H

#include "../common/fp_error.h"
#include "fp_out_doc.h"

#include <stdint.h>
#include <stdio.h>

#define FP_XML_NAMESPACE "urn:factpipe:1"
/* The version attribute of <factpipe>: the version of the vocabulary that
 * schema/factpipe.rng describes.  Bump it when the schema changes. */
#define FP_XML_FORMAT_VERSION "0.2.0"

typedef struct fp_xml_out fp_xml_out;

/* A writer that appends to out (not closed by the writer).  Each call
 * builds its XML in memory and writes it with one fwrite, so a failed
 * document never leaves half an element behind. */
fp_xml_out *fp_xml_out_new(FILE *out, fp_error *err);

/* <?xml …?> and the opening <factpipe> element. */
int fp_xml_out_begin(fp_xml_out *w, fp_error *err);
/* The same state with nothing written: the documents that follow come
 * out exactly as inside a combined output (indented one level), for
 * writers of single documents whose caller writes the preamble and the
 * closing (the batch workers, libfactpipe). */
int fp_xml_out_begin_fragment(fp_xml_out *w, fp_error *err);
/* One <document>.  A document the schema would reject (empty fact value,
 * kind not [a-z][a-z0-9-]*, unknown zone, bad or repeated plugin attribute
 * name, meta date not YYYY[-MM[-DD]], format other than html/text, no
 * source, zones without text or out of order) is refused whole: -1, nothing written, and the writer stays
 * usable.  A document with error set is written as source, format,
 * encoding and <error> only.  After a libxml2 or write failure the writer
 * refuses every later call. */
int fp_xml_out_document(fp_xml_out *w, const fp_out_doc *doc, fp_error *err);
/* The closing </factpipe>, then fflush(out); reports write errors. */
int fp_xml_out_end(fp_xml_out *w, fp_error *err);
void fp_xml_out_free(fp_xml_out *w);

/* Copy s (len bytes) replacing invalid UTF-8 and characters XML forbids
 * with U+FFFD.  Returns a malloc'ed NUL-terminated string or NULL (OOM). */
char *fp_xml_sanitize(const char *s, size_t len);
/* How many bytes at the start of s fp_xml_sanitize leaves as they are:
 * len when s needs no cleaning at all, and can be written as it is. */
size_t fp_xml_clean_prefix(const char *s, size_t len);
/* One character of s as fp_xml_sanitize sees it, for writers of other
 * formats that clean text the same way: returns the bytes it takes (at
 * least 1, at most avail) and sets *cp to its code point, or to U+FFFD
 * when those bytes are replaced (invalid UTF-8, a character XML forbids). */
size_t fp_xml_sanitize_next(const char *s, size_t avail, uint32_t *cp);

/* Whether a plugin may use name for a kind-specific fact attribute: an
 * XML name in [a-z][a-z0-9-]*, not starting with "xml" (reserved by XML),
 * and none of the core's own fact attributes (kind value start end
 * src-start src-end text plugin plugin-version zone).  0 ok, -1 with a
 * message saying why not. */
int fp_xml_check_attr_name(const char *name, fp_error *err);
/* The same for the name of a kind-specific child element; the core's
 * attribute names are allowed here (an official's <title>). */
int fp_xml_check_child_name(const char *name, fp_error *err);

#endif
