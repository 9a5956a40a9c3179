/* The JSON Lines format and its JSON writer (core/output).
 *
 * 1. The input as a document (fuzz_out_doc.h) through --format jsonl:
 *    either refused with a reason, or exactly one line holding one JSON
 *    object that a strict checker (json_check.c) accepts — valid UTF-8,
 *    no raw control characters or U+2028/U+2029 — and refused exactly
 *    when the XML writer refuses the document too (or a child element
 *    takes the name of a member of its fact, which only JSON cannot hold).
 * 2. The same bytes as a sequence of writer calls (one byte per call,
 *    strings and numbers from the bytes after it): whatever the order of
 *    calls, fp_json_end either reports a misuse or the output is one valid
 *    JSON value. */
#include "fuzz_out_doc.h"
#include "fuzz_target.h"
#include "json_check.h"

#include "output/fp_json.h"
#include "output/fp_output_format.h"

#include <string.h>

static char *render(const fp_output_format *f, const fp_out_doc *doc, size_t *len, int *rc)
{
    fp_error err = {{0}};
    fp_out_memory m;
    fuzz_check(fp_out_memory_open(&m, &err) == 0, "a memory stream");
    *rc = fp_output_render(f, m.fp, doc, &err);
    if (*rc != 0)
        fuzz_check(err.message[0], "a refused document says why");
    if (fp_out_memory_close(&m, *rc, &err) != 0)
        return NULL;
    *len = m.len;
    return m.data;
}

static int child_clashes(const fp_out_doc *doc)
{
    static const char *const core[] = {"kind", "value", "start", "end", "src-start",
                                       "src-end", "text", "plugin", "plugin-version", "zone"};
    for (size_t i = 0; !doc->error && i < doc->n_facts; i++) {
        const fp_out_fact *f = &doc->facts[i];
        for (size_t c = 0; c < f->n_children; c++) {
            for (size_t k = 0; k < sizeof core / sizeof *core; k++)
                if (f->children[c].name && strcmp(f->children[c].name, core[k]) == 0)
                    return 1;
            for (size_t a = 0; a < f->n_attrs; a++)
                if (f->children[c].name && f->attrs[a].name &&
                    strcmp(f->children[c].name, f->attrs[a].name) == 0)
                    return 1;
        }
    }
    return 0;
}

static void document_as_jsonl(const uint8_t *data, size_t size)
{
    fuzz_out_doc d;
    if (fuzz_out_doc_parse(data, size, &d) != 0)
        return;
    size_t len = 0, xml_len = 0;
    int rc, xml_rc;
    char *json = render(&fp_output_format_jsonl, &d.doc, &len, &rc);
    char *xml = render(&fp_output_format_xml, &d.doc, &xml_len, &xml_rc);
    if (rc == 0) {
        fuzz_check(json && len > 0 && json[len - 1] == '\n', "a line ends with a newline");
        fuzz_check(memchr(json, '\n', len) == json + len - 1, "one line per document");
        fuzz_check(json[0] == '{', "a document is a JSON object");
        const char *why = json_check(json, len - 1, 1);
        if (why) {
            fprintf(stderr, "not valid JSON (%s):\n%.*s\n", why, (int)len, json);
            abort();
        }
    }
    fuzz_check((rc == 0) == (xml_rc == 0 && !child_clashes(&d.doc)),
               "jsonl refuses what the XML writer refuses, and child names "
               "that clash with their fact's members");
    free(json);
    free(xml);
    fuzz_out_doc_free(&d);
}

/* Up to n bytes from data[*at] as a string (may hold NULs and anything). */
static void take(const uint8_t *data, size_t size, size_t *at, size_t n, const char **s,
                 size_t *len)
{
    if (n > size - *at)
        n = size - *at;
    *s = (const char *)data + *at;
    *len = n;
    *at += n;
}

static void calls_on_the_writer(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t out_len = 0;
    FILE *fp = open_memstream(&out, &out_len);
    if (!fp)
        return;
    fp_json w;
    fp_json_init(&w, fp);
    char key[16];
    for (size_t at = 0; at < size;) {
        uint8_t op = data[at++];
        const char *s;
        size_t len;
        switch (op % 9) {
        case 0: fp_json_object_begin(&w); break;
        case 1: fp_json_object_end(&w); break;
        case 2: fp_json_array_begin(&w); break;
        case 3: fp_json_array_end(&w); break;
        case 4:
            take(data, size, &at, op / 9 % 8, &s, &len);
            memcpy(key, s, len);
            key[len] = '\0'; /* a key is a C string */
            fp_json_key(&w, key);
            break;
        case 5:
            take(data, size, &at, op / 9 % 16, &s, &len);
            fp_json_string_len(&w, s, len);
            break;
        case 6: {
            uint64_t v = 0;
            take(data, size, &at, op / 9 % 9, &s, &len);
            memcpy(&v, s, len);
            fp_json_uint(&w, v);
            break;
        }
        case 7: fp_json_bool(&w, op & 16); break;
        default: fp_json_null(&w); break;
        }
    }
    fp_error err = {{0}};
    int rc = fp_json_end(&w, &err);
    fclose(fp);
    if (rc == 0) {
        const char *why = json_check(out, out_len, 1);
        if (why) {
            fprintf(stderr, "the writer accepted calls that wrote bad JSON (%s):\n%.*s\n",
                    why, (int)out_len, out);
            abort();
        }
        fuzz_check(!memchr(out, '\n', out_len), "compact output has no newline");
    } else {
        fuzz_check(err.message[0], "a misuse is explained");
    }
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    document_as_jsonl(data, size);
    calls_on_the_writer(data, size);
    return 0;
}
