/* Ingestion: bytes -> decode (core/input) -> text with offsets (core/html)
 * -> zones and metadata (core/zone, config/zones.conf).
 *
 * The first byte picks how the bytes are taken (as the engine would from a
 * file name: HTML, plain text, or sniffed); the rest is the file.  Beyond
 * the sanitizers it checks what the stages promise: a NUL-terminated text
 * whose every byte maps into the input, ordered non-overlapping lines
 * without '\n', and zones set on every line. */
#include "fuzz_target.h"

#include "html/fp_html.h"
#include "input/fp_input.h"
#include "zone/fp_zone.h"

#include <string.h>

static const fp_zone_rules *zone_rules(void)
{
    static fp_zone_rules *rules;
    if (!rules) {
        fp_error err = {{0}};
        fp_html_init();
        rules = fp_zone_rules_load(FP_FUZZ_SOURCE_DIR "/config/zones.conf", &err);
        if (!rules) {
            fprintf(stderr, "fuzz_ingest: %s\n", err.message);
            abort();
        }
    }
    return rules;
}

static void check_decoded(const fp_decoded *d, size_t input_len)
{
    fuzz_check(d->utf8 && d->src, "decoded text and map exist");
    fuzz_check(d->utf8[d->len] == '\0', "decoded text is NUL-terminated");
    fuzz_check(d->src[d->len] == input_len, "map ends at the input's end");
    for (size_t i = 0; i < d->len; i++)
        fuzz_check(d->src[i] <= input_len, "decoded byte maps into input");
}

static void check_text(const fp_text *t, size_t input_len)
{
    fuzz_check(t->text && t->src, "text and map exist");
    fuzz_check(t->text[t->len] == '\0', "text is NUL-terminated");
    fuzz_check(strlen(t->text) == t->len, "no NUL inside the text");
    for (size_t i = 0; i <= t->len; i++)
        fuzz_check(t->src[i] <= input_len, "text byte maps into input");
    size_t previous_end = 0;
    for (size_t i = 0; i < t->n_lines; i++) {
        const fp_line *line = &t->lines[i];
        fuzz_check(line->start <= line->end && line->end <= t->len,
                   "line inside the text");
        fuzz_check(i == 0 || line->start >= previous_end,
                   "lines in order, not overlapping");
        fuzz_check(!memchr(t->text + line->start, '\n',
                           line->end - line->start),
                   "no line break inside a line");
        fuzz_check(line->zone >= FP_ZONE_TITLE && line->zone <= FP_ZONE_CHROME,
                   "every line has a zone");
        fuzz_check(line->element < (int32_t)t->n_elements,
                   "line element exists");
        previous_end = line->end;
    }
    for (size_t i = 0; i < t->n_elements; i++) {
        const fp_element *e = &t->elements[i];
        fuzz_check(e->start <= e->end && e->end <= t->len,
                   "element inside the text");
        fuzz_check(e->parent < (int32_t)i, "element parent comes first");
    }
}

/* The markup gathered for the article date stays inside its bounds and
 * the text; the date chosen is a calendar day. */
static void check_markup_and_date(const fp_text *t, const fp_meta *meta)
{
    const fp_markup *m = &t->markup;
    fuzz_check(m->n_items <= FP_MARKUP_MAX_ITEMS, "markup items bounded");
    fuzz_check(m->jsonld_len <= FP_MARKUP_MAX_JSONLD, "JSON-LD bounded");
    fuzz_check(!m->jsonld || strlen(m->jsonld) == m->jsonld_len,
               "JSON-LD NUL-terminated at its length");
    for (size_t i = 0; i < m->n_items; i++) {
        const fp_markup_item *item = &m->items[i];
        fuzz_check(item->text_start <= item->text_end &&
                       item->text_end <= t->len,
                   "markup element's text inside the text");
        fuzz_check(!item->value || strlen(item->value) <= FP_MARKUP_MAX_VALUE,
                   "markup value bounded");
    }
    if (!meta->date)
        return;
    int y, mo, d;
    char rest;
    fuzz_check(strlen(meta->date) == 10 &&
                   sscanf(meta->date, "%4d-%2d-%2d%c", &y, &mo, &d, &rest) == 3 &&
                   y >= 1990 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31,
               "the article's date is YYYY-MM-DD");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fp_zone_rules *rules = zone_rules();
    if (size == 0)
        return 0;
    static const fp_format formats[] = {FP_FORMAT_HTML, FP_FORMAT_TEXT,
                                        FP_FORMAT_AUTO};
    fp_format format = formats[data[0] % 3];
    data++, size--;
    /* The input stage reads files into a NUL-terminated buffer. */
    unsigned char *bytes = malloc(size + 1);
    if (!bytes)
        return 0;
    memcpy(bytes, data, size);
    bytes[size] = '\0';
    if (format == FP_FORMAT_AUTO)
        format = fp_sniff_format(bytes, size);
    fuzz_check(format == FP_FORMAT_HTML || format == FP_FORMAT_TEXT,
               "sniffing decides");

    fp_error err = {{0}};
    fp_decoded decoded;
    memset(&decoded, 0, sizeof decoded);
    if (fp_decode(bytes, size, format, &decoded, &err) == 0) {
        check_decoded(&decoded, size);
        fp_text text;
        int rc = format == FP_FORMAT_TEXT
                     ? fp_plaintext_to_text(&decoded, &text, &err)
                     : fp_html_to_text(&decoded, &text, &err);
        if (rc == 0) {
            fp_meta meta;
            memset(&meta, 0, sizeof meta);
            if (fp_zone_document(rules, &text, &meta, &err) == 0) {
                check_text(&text, size);
                check_markup_and_date(&text, &meta);
            }
            fp_meta_free(&meta);
            fp_text_free(&text);
        }
        fuzz_check(rc == 0 || err.message[0], "a failure says why");
    }
    fp_decoded_free(&decoded);
    free(bytes);
    return 0;
}
