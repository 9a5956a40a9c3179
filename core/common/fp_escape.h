/* One escaping for every line-oriented thing factpipe writes — the
 * journal's and the report's TSV fields and the names in its messages —
 * so that a tab, a newline or a terminal control byte in a file or
 * archive member name can neither split a row nor shift a column:
 *
 *   TAB -> \t   LF -> \n   CR -> \r   \ -> \\
 *   any other byte below 0x20, and 0x7F -> \xHH (two lower-case hex digits)
 *
 * Every other byte (UTF-8 included) is kept as it is. */
#ifndef FP_ESCAPE_H
#define FP_ESCAPE_H

#include <stddef.h>

/* malloc'ed; NULL when out of memory.  s may be NULL (gives ""). */
char *fp_escape_field(const char *s);
/* The inverse for len bytes of escaped text; malloc'ed, NULL when out of
 * memory.  A backslash before anything else stands for that byte. */
char *fp_unescape_field(const char *s, size_t len);
/* Whether s needs escaping at all (no allocation for the usual case). */
int fp_escape_needed(const char *s);

#endif
