/* XML the supervisor writes itself: the writer's preamble and closing
 * (around each worker's <document>) and the <error> document of a
 * document no worker could finish.  Produced by the same libxml2 writer
 * as everything else, so the bytes match. */
#include "batch_impl.h"

#include <stdlib.h>
#include <string.h>

char *fp_batch_writer_bytes(const fp_out_doc *doc, int close, char **preamble,
                            size_t *preamble_len, size_t *len)
{
    char *buf = NULL, *out = NULL;
    size_t size = 0;
    fp_error err = {{0}};
    FILE *mem = open_memstream(&buf, &size);
    fp_xml_out *w = mem ? fp_xml_out_new(mem, &err) : NULL;
    int ok = w && fp_xml_out_begin(w, &err) == 0 && fflush(mem) == 0;
    size_t mark = size;
    if (ok && preamble) {
        *preamble = malloc(mark + 1);
        ok = *preamble != NULL;
        if (ok) {
            memcpy(*preamble, buf, mark);
            *preamble_len = mark;
        }
    }
    if (ok && doc)
        ok = fp_xml_out_document(w, doc, &err) == 0 && fflush(mem) == 0;
    if (ok && doc && close)
        mark = size; /* the closing as it follows a document */
    if (ok && close)
        ok = fp_xml_out_end(w, &err) == 0 && fflush(mem) == 0;
    fp_xml_out_free(w);
    if (mem)
        fclose(mem);
    if (ok && (out = malloc(size - mark + 1)) != NULL) {
        memcpy(out, buf + mark, size - mark);
        out[size - mark] = '\0';
        *len = size - mark;
    }
    free(buf);
    return out;
}

char *fp_batch_error_document(const char *source, const char *reason, size_t *len)
{
    fp_out_doc doc = {0};
    doc.source = source;
    doc.error = reason;
    return fp_batch_writer_bytes(&doc, 0, NULL, NULL, len);
}
