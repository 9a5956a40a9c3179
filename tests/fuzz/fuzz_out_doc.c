/* The output model from fuzzed bytes (fuzz_out_doc.h). */
#include "fuzz_out_doc.h"

#include <stdlib.h>
#include <string.h>

static size_t chars_in(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

/* Lines of the text, split at '\n', zoned from the bytes of zones. */
static int make_lines(fuzz_out_doc *d, const char *text, const char *zones)
{
    size_t n = 1;
    for (const char *c = text; *c; c++)
        n += *c == '\n';
    d->lines = calloc(n, sizeof *d->lines);
    if (!d->lines)
        return -1;
    size_t zi = 0, zn = zones ? strlen(zones) : 0, start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *nl = strchr(text + start, '\n');
        size_t end = nl ? (size_t)(nl - text) : strlen(text);
        unsigned z = zn ? (unsigned char)zones[zi++ % zn] : 4;
        static const char *const names[] = {"title", "dateline", "lead",
                                            "body", "byline", "chrome"};
        d->lines[i].name = (z & 0x80) ? "caption" : (z & 0x20) ? "<b x=\"y\">" : names[z % 6];
        d->lines[i].start = start;
        d->lines[i].end = end;
        d->lines[i].zone = (fp_zone_kind)(z % 6 + 1);
        d->lines[i].article = (z & 0x40) ? !(d->lines[i].zone == FP_ZONE_LEAD ||
                                             d->lines[i].zone == FP_ZONE_BODY)
                                         : (d->lines[i].zone == FP_ZONE_LEAD ||
                                            d->lines[i].zone == FP_ZONE_BODY);
        start = end + 1;
    }
    d->doc.extracted = text;
    d->doc.extracted_len = strlen(text);
    d->doc.lines = d->lines;
    d->doc.n_lines = n;
    return 0;
}

int fuzz_out_doc_parse(const uint8_t *data, size_t size, fuzz_out_doc *d)
{
    memset(d, 0, sizeof *d);
    if (size == 0)
        return -1;
    unsigned flags = data[0];
    /* Fields are NUL-separated; copy so that each one ends in a NUL. */
    d->copy = malloc(size);
    if (!d->copy)
        return -1;
    memcpy(d->copy, data + 1, size - 1);
    d->copy[size - 1] = '\0';
    size_t n = 0;
    for (char *at = d->copy; n < N_FUZZ_FIELDS && at <= d->copy + size - 1;
         at += strlen(at) + 1)
        d->fields[n++] = at;
    const char *const *f = d->fields;

    d->attr = (fp_attr){f[F_ATTR_NAME], f[F_ATTR_VALUE]};
    d->children[0] = d->children[1] = (fp_attr){f[F_CHILD_NAME], f[F_CHILD_VALUE]};
    size_t surface_len = f[F_SURFACE] ? strlen(f[F_SURFACE]) : 0;
    size_t start = size % 7, surface_chars = f[F_SURFACE] ? chars_in(f[F_SURFACE], surface_len)
                                                          : 0;
    d->facts[0] = (fp_out_fact){
        .kind = f[F_KIND],
        .value = f[F_VALUE],
        .start = start,
        .end = start + surface_chars,
        .src_start = size,
        .src_end = size + surface_len * 3,
        .text = f[F_SURFACE],
        .plugin = f[F_PLUGIN],
        .plugin_version = f[F_PLUGIN_VERSION],
        .zone = (flags & CHROME) ? "chrome" : NULL,
        .attrs = (flags & HAS_ATTR) ? &d->attr : NULL,
        .n_attrs = (flags & HAS_ATTR) ? 1 : 0,
        .children = (flags & HAS_CHILD) ? d->children : NULL,
        .n_children = (flags & HAS_CHILD) ? 2 : 0,
    };
    d->facts[1] = d->facts[0];
    const char *span = f[F_SPAN] ? f[F_SPAN] : "";
    d->facts[1].start = span[0] ? (unsigned char)span[0] % 64 : 0;
    d->facts[1].end = d->facts[1].start + (span[0] && span[1] ? (unsigned char)span[1] % 64 : 1);
    d->facts[1].zone = NULL;

    d->doc = (fp_out_doc){
        .source = f[F_SOURCE],
        .format = f[F_FORMAT],
        .encoding = f[F_ENCODING],
        .title = f[F_TITLE],
        .date = f[F_DATE],
        .byline = f[F_BYLINE],
        .url = f[F_URL],
        .text = (flags & HAS_TEXT) ? f[F_TEXT] : NULL,
        .error = (flags & HAS_ERROR) ? f[F_ERROR] : NULL,
        .partial = (flags & PARTIAL) != 0,
        .facts = (flags & HAS_FACT) ? d->facts : NULL,
        .n_facts = (flags & HAS_FACT) ? ((flags & SECOND_FACT) ? 2 : 1) : 0,
        .chrome_kept = (flags & CHROME) != 0,
    };
    if (f[F_TEXT] && make_lines(d, f[F_TEXT], f[F_ZONES]) != 0) {
        fuzz_out_doc_free(d);
        return -1;
    }
    return 0;
}

void fuzz_out_doc_free(fuzz_out_doc *d)
{
    free(d->copy);
    free(d->lines);
    memset(d, 0, sizeof *d);
}
