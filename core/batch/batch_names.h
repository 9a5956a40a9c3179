/* The name of each document's file under -o DIR (batch_names.c): one
 * output path per source path, whatever bytes the source's name holds.
 *
 * The document's relative name (its path under the common folder of the
 * inputs, or ARCHIVE/MEMBER) is split at '/'; empty and "." components
 * are dropped; each other component is kept byte for byte except:
 *
 *   '%'                                    -> %25 (the escape character)
 *   a '.' that begins a component          -> %2E (so "..", ".hidden" and
 *                                             factpipe's own ".factpipe-*"
 *                                             names never appear)
 *   bytes below 0x20, 0x7F, and bytes that are not part of valid UTF-8
 *                                          -> %XX (upper-case hex)
 *   a folder whose name ends in the format's extension
 *                                          -> the extension's first byte
 *                                             as %XX ("a.xml/" -> "a%2Exml/",
 *                                             so no folder can take the
 *                                             name of a document's file)
 *   the journal's or the report's name at the top, or the name of the
 *   format's index of the folder (index.html) -> its first byte as %XX
 *
 * The document's file is the last component with the format's extension
 * appended.  A component still longer than 255 bytes (NAME_MAX) becomes
 * its first bytes, "%~", 32 hex digits of a 128-bit hash of the whole
 * encoded component, and the extension: at most 255 bytes, and distinct
 * from every literal name (which never holds "%~").  Decoding %XX gives the
 * source name back; the map is one-to-one up to the dropped components. */
#ifndef FP_BATCH_NAMES_H
#define FP_BATCH_NAMES_H

#include "../common/fp_error.h"

#define FP_NAME_MAX_BYTES 255

/* "folder/.../file<ext>" for a document's relative name; index: the
 * name of the format's index file at the top of the folder, or NULL.
 * malloc'ed, or NULL with err set (out of memory; a name with no
 * component left). */
char *fp_output_relative_path(const char *relative, const char *ext, const char *index,
                              fp_error *err);

#endif
