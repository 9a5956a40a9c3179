/* HTML for the review format (format_html.c), written with libxml2's text
 * writer — never by pasting strings — in a serialization HTML parsers
 * read as written: no XML declaration, <!DOCTYPE html>, every element but
 * the void ones closed with an end tag, and UTF-8 text and attribute
 * values cleaned by fp_xml_sanitize and escaped by the writer.  Output is
 * also well-formed XML.
 *
 * Like the JSON writer, calls do not return errors: the first failure is
 * remembered and fp_review_close reports it. */
#ifndef FP_REVIEW_WRITER_H
#define FP_REVIEW_WRITER_H

#include "../common/fp_error.h"

#include <stddef.h>
#include <stdio.h>

typedef struct fp_review_out fp_review_out;

/* A writer appending to out; NULL with err set when out of memory.
 * fragment: the caller continues elements an earlier call left open —
 * open_elements names them, outermost first, NULL-terminated — whose
 * start tags are not written again. */
fp_review_out *fp_review_open(FILE *out, const char *const *open_elements, fp_error *err);
/* Moves what was written to out and frees the writer: 0, or -1 with err
 * set when anything failed (nothing more is written then).  Elements left
 * open stay open (the next call's fragment). */
int fp_review_close(fp_review_out *w, fp_error *err);

void fp_review_doctype(fp_review_out *w);
void fp_review_start(fp_review_out *w, const char *element);
void fp_review_attr(fp_review_out *w, const char *name, const char *value);
void fp_review_attr_printf(fp_review_out *w, const char *name, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void fp_review_text(fp_review_out *w, const char *text, size_t len);
void fp_review_text_printf(fp_review_out *w, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* Closes the innermost element with an end tag (<p></p>, never <p/>). */
void fp_review_end(fp_review_out *w);
/* Closes a void element (meta, br): <meta .../>. */
void fp_review_end_void(fp_review_out *w);
/* start, text, end. */
void fp_review_element(fp_review_out *w, const char *element, const char *text);
/* A line break between elements, for people reading the source. */
void fp_review_newline(fp_review_out *w);
/* The contents of a <style> element: constant CSS of the program (no '<'
 * or '&'), not escaped — a style element is raw text to HTML. */
void fp_review_stylesheet(fp_review_out *w, const char *css);

#endif
