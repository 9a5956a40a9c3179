/* One document through every stage: read → decode → text with offsets →
 * zones and meta → plugins → merge → <document>. */
#include "engine_impl.h"

#include "../html/fp_html.h"
#include "../input/fp_input.h"
#include "../merge/fp_merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Adds the time since t to stage's count; returns the time now. */
static uint64_t stage_lap(fp_engine *e, size_t stage, uint64_t t)
{
    uint64_t now = fp_stage_clock();
    e->stage_ns[stage] += now - t;
    return now;
}

typedef struct doc_state {
    unsigned char *owned_bytes; /* read from a file by us; NULL for caller bytes */
    const unsigned char *bytes;
    size_t n_bytes;
    fp_decoded decoded;
    fp_text text;
    fp_meta meta;
    fp_block *blocks;  /* what the plugins see */
    fp_out_line *lines; /* every line with its zone, for the output */
    fp_fact_list facts;
    fp_out_fact *out;
    char **surfaces;
    size_t n_out;
    fp_out_zone *zones; /* --include-text: the zone standoff */
    size_t n_zones;
} doc_state;

static void doc_state_free(doc_state *s)
{
    free(s->owned_bytes);
    fp_decoded_free(&s->decoded);
    fp_text_free(&s->text);
    fp_meta_free(&s->meta);
    free(s->blocks);
    free(s->lines);
    fp_fact_list_free(&s->facts);
    for (size_t i = 0; i < s->n_out; i++)
        free(s->surfaces[i]);
    free(s->surfaces);
    free(s->out);
    free(s->zones);
}

/* The zone standoff written after <text>. */
static int build_output_zones(doc_state *s, fp_error *err)
{
    fp_zone_run *runs;
    size_t n;
    if (fp_zone_runs(&s->text, &runs, &n, err) != 0)
        return -1;
    s->zones = calloc(n ? n : 1, sizeof *s->zones);
    if (!s->zones) {
        free(runs);
        return fp_error_set(err, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        s->zones[i].kind = fp_zone_run_name(&runs[i]);
        s->zones[i].start = runs[i].start;
        s->zones[i].end = runs[i].end;
    }
    s->n_zones = n;
    free(runs);
    return 0;
}

static fp_format format_from_name(const char *path, const unsigned char *bytes, size_t n)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash)) {
        static const char *const text_ext[] = {".txt", ".text"};
        static const char *const html_ext[] = {".html", ".htm", ".xhtml", ".shtml",
                                               ".php", ".asp", ".aspx", ".jsp"};
        for (size_t i = 0; i < sizeof text_ext / sizeof *text_ext; i++)
            if (strcasecmp(dot, text_ext[i]) == 0)
                return FP_FORMAT_TEXT;
        for (size_t i = 0; i < sizeof html_ext / sizeof *html_ext; i++)
            if (strcasecmp(dot, html_ext[i]) == 0)
                return FP_FORMAT_HTML;
    }
    return fp_sniff_format(bytes, n);
}

/* The zone of the line holding byte offset pos (lines are sorted). */
static fp_zone_kind zone_at(const fp_text *t, size_t pos)
{
    size_t lo = fp_text_line_at(t, pos);
    return lo < t->n_lines ? t->lines[lo].zone : FP_ZONE_CHROME;
}

static int run_plugins(fp_engine *e, doc_state *s, const char *source, char *why,
                       size_t why_size)
{
    size_t n_lines = s->text.n_lines;
    s->blocks = calloc(n_lines ? n_lines : 1, sizeof *s->blocks);
    s->lines = calloc(n_lines ? n_lines : 1, sizeof *s->lines);
    if (!s->blocks || !s->lines)
        return snprintf(why, why_size, "out of memory"), -1;
    /* Facts in chrome would be dropped anyway: unless they are to be kept,
     * plugins do not see chrome blocks (menus and link lists are a large
     * part of a portal page's text). */
    size_t n_blocks = 0;
    for (size_t i = 0; i < n_lines; i++) {
        const fp_line *line = &s->text.lines[i];
        s->lines[i] = (fp_out_line){line->start, line->end, line->zone,
                                    fp_zone_line_is_article(line), fp_zone_line_name(line)};
        if (line->zone != FP_ZONE_CHROME || e->keep_chrome)
            s->blocks[n_blocks++] = (fp_block){line->start, line->end, line->zone};
    }
    fp_document_meta meta = {s->meta.title, s->meta.date, s->meta.byline};
    fp_document doc = {sizeof doc, source, s->text.text, s->text.len,
                       s->blocks, n_blocks, &meta};
    /* The shared text analysis, made when the first plugin asks and kept
     * for the others: the plugins run one after another here. */
    fp_analysis_slot analysis;
    fp_analysis_slot_init(&analysis, &doc);
    int rc = 0;

    for (size_t i = 0; i < e->n_plugins && rc == 0; i++) {
        fp_engine_plugin_slot *slot = &e->plugins[i];
        const fp_plugin_desc *d = slot->handle.desc;
        fp_host_call call;
        fp_host_call_init(&call, d->name, d->kind, e->log, e->log_user);
        call.text = s->text.text;
        call.text_len = s->text.len;
        call.facts = &s->facts;
        call.plugin = (int)i;
        call.priority = slot->priority;
        call.analysis = &analysis;
        /* The shared analysis is made inside the first extract() that
         * asks for it: its own stage, not that plugin's. */
        uint64_t t = fp_stage_clock(), analysis_before = analysis.build_ns;
        int status = d->extract(slot->state, &doc, &call.host);
        uint64_t analysis_ns = analysis.build_ns - analysis_before;
        e->stage_ns[FP_STAGE_ANALYSIS] += analysis_ns;
        e->stage_ns[FP_STAGE_PLUGIN + i] += fp_stage_clock() - t - analysis_ns;
        if (status != FP_OK) {
            snprintf(why, why_size, "plugin '%s' failed: %s", d->name,
                     call.error[0] ? call.error : "no reason given");
            rc = -1;
        }
    }
    fp_analysis_slot_free(&analysis);
    return rc;
}

/* Where the source character starting at byte pos ends: after the ';' of
 * an entity, else where the next decoded character starts (so a letter
 * written in NFD ends after its combining marks). */
static size_t source_end_of_char(const doc_state *s, size_t pos)
{
    if (pos >= s->n_bytes)
        return s->n_bytes;
    if (s->bytes[pos] == '&') {
        for (size_t k = pos + 1; k < s->n_bytes && k < pos + 40; k++)
            if (s->bytes[k] == ';')
                return k + 1;
    }
    const uint32_t *src = s->decoded.src;
    size_t lo = 0, hi = s->decoded.len; /* src[len] is the input size */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (src[mid] <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* The map may give every byte its own offset (UTF-8 copied as is):
     * step to the start of the next whole character. */
    while (lo < s->decoded.len && ((unsigned char)s->decoded.utf8[lo] & 0xC0) == 0x80)
        lo++;
    return src[lo] > pos ? src[lo] : pos + 1;
}

/* Character offsets and source offsets of the kept facts, in text order. */
static int build_output_facts(fp_engine *e, doc_state *s)
{
    size_t n = s->facts.n;
    s->out = calloc(n ? n : 1, sizeof *s->out);
    s->surfaces = calloc(n ? n : 1, sizeof *s->surfaces);
    if (!s->out || !s->surfaces)
        return -1;
    const unsigned char *text = (const unsigned char *)s->text.text;
    size_t byte = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        const fp_fact_rec *f = &s->facts.items[i];
        fp_zone_kind zone = zone_at(&s->text, f->start);
        if (zone == FP_ZONE_CHROME && !e->keep_chrome)
            continue;
        for (; byte < f->start; byte++) /* facts are sorted by start */
            chars += (text[byte] & 0xC0) != 0x80;
        size_t span_chars = 0;
        for (size_t k = f->start; k < f->end; k++)
            span_chars += (text[k] & 0xC0) != 0x80;

        fp_out_fact *o = &s->out[s->n_out];
        char *surface = strndup(s->text.text + f->start, f->end - f->start);
        if (!surface)
            return -1;
        s->surfaces[s->n_out++] = surface;
        const fp_plugin_desc *d = e->plugins[f->plugin].handle.desc;
        o->kind = f->kind;
        o->value = f->value;
        o->start = chars;
        o->end = chars + span_chars;
        o->src_start = s->text.src[f->start];
        size_t last = f->end - 1;
        while (last > f->start && (text[last] & 0xC0) == 0x80)
            last--;
        o->src_end = source_end_of_char(s, s->text.src[last]);
        o->text = surface;
        o->plugin = d->name;
        o->plugin_version = d->version;
        o->zone = zone == FP_ZONE_CHROME ? "chrome" : NULL;
        o->attrs = f->attrs;
        o->n_attrs = f->n_attrs;
        o->children = f->children;
        o->n_children = f->n_children;
    }
    return 0;
}

/* name_hint: a file name whose extension tells text from HTML (the bytes
 * are sniffed when it has none). */
static int process_bytes(fp_engine *e, const char *name_hint, const char *source,
                         doc_state *s, char *why, size_t why_size)
{
    fp_error err = {{0}};
    uint64_t t = fp_stage_clock();
    fp_format format = format_from_name(name_hint, s->bytes, s->n_bytes);
    if (fp_decode(s->bytes, s->n_bytes, format, &s->decoded, &err) != 0)
        return snprintf(why, why_size, "%s", err.message), -1;
    t = stage_lap(e, FP_STAGE_DECODE, t);
    int rc = format == FP_FORMAT_TEXT ? fp_plaintext_to_text(&s->decoded, &s->text, &err)
                                      : fp_html_to_text(&s->decoded, &s->text, &err);
    s->text.format = format;
    t = stage_lap(e, FP_STAGE_TEXT, t);
    if (rc != 0 || fp_zone_document_from(e->zones, &s->text, source, &s->meta, &err) != 0)
        return snprintf(why, why_size, "%s", err.message), -1;
    stage_lap(e, FP_STAGE_ZONE, t);
    if (run_plugins(e, s, source, why, why_size) != 0)
        return -1;
    t = fp_stage_clock();
    fp_merge_facts(&s->facts);
    if (build_output_facts(e, s) != 0)
        return snprintf(why, why_size, "out of memory"), -1;
    if (e->include_text && build_output_zones(s, &err) != 0)
        return snprintf(why, why_size, "%s", err.message), -1;
    stage_lap(e, FP_STAGE_MERGE, t);
    return 0;
}

/* name without a final ".gz" (any case), in buf: page.html.gz tells its
 * format as page.html does. */
static const char *without_gz(const char *name, char *buf, size_t size)
{
    size_t n = strlen(name);
    if (n < 4 || strcasecmp(name + n - 3, ".gz") != 0 || n - 3 >= size)
        return name;
    memcpy(buf, name, n - 3);
    buf[n - 3] = '\0';
    return buf;
}

/* gzip data in place of the page: inflated, within the caps. */
static int inflate_page(const fp_engine *e, const fp_engine_input *in, doc_state *s, char *why,
                        size_t why_size)
{
    fp_error err = {{0}};
    unsigned char *plain;
    size_t plain_len;
    if (fp_gunzip(s->bytes, s->n_bytes, e->max_input_bytes, e->max_ratio, &plain, &plain_len,
                  &err) != 0)
        return snprintf(why, why_size, "%s: %s", in->source, err.message), -1;
    free(s->owned_bytes);
    s->owned_bytes = plain;
    s->bytes = plain;
    s->n_bytes = plain_len;
    return 0;
}

/* Reads the input (or takes its bytes) and runs it: 0, or -1 with why. */
static int process_input(fp_engine *e, const fp_engine_input *in, doc_state *s, char *why,
                         size_t why_size)
{
    const char *hint = in->name_hint ? in->name_hint : in->path ? in->path : "";
    uint64_t t = fp_stage_clock();
    if (in->path) {
        fp_error err = {{0}};
        if (fp_read_file(in->path, e->max_input_bytes, &s->owned_bytes, &s->n_bytes, &err) != 0)
            return snprintf(why, why_size, "%s", err.message), -1;
        s->bytes = s->owned_bytes;
    } else if (in->len > e->max_input_bytes) {
        return snprintf(why, why_size, "%s: %zu bytes, over the limit of %zu bytes; raise it "
                        "with --max-input-size", in->source, in->len, e->max_input_bytes), -1;
    } else {
        s->bytes = in->bytes;
        s->n_bytes = in->len;
    }
    char plain_name[4096];
    if (fp_is_gzip(s->bytes, s->n_bytes)) {
        if (inflate_page(e, in, s, why, why_size) != 0)
            return -1;
        hint = without_gz(hint, plain_name, sizeof plain_name);
    }
    stage_lap(e, FP_STAGE_READ, t);
    return process_bytes(e, hint, in->source, s, why, why_size);
}

static void log_failure(const fp_engine *e, const char *source, const char *why)
{
    if (!e->log)
        return;
    /* Messages of the read stage already start with the path. */
    size_t n = strlen(source);
    int named = strncmp(why, source, n) == 0 && why[n] == ':';
    char line[1400];
    snprintf(line, sizeof line, "%s%s%s", named ? "" : source, named ? "" : ": ", why);
    e->log(e->log_user, FP_LOG_WARNING, line);
}

static void log_partial(const fp_engine *e, const char *source)
{
    if (!e->log)
        return;
    char line[1200];
    snprintf(line, sizeof line, "%s: the HTML parser stopped early (nesting past its depth "
             "limit or a parser error); text after that point is missing and the document "
             "is marked partial=\"true\"", source);
    e->log(e->log_user, FP_LOG_WARNING, line);
}

/* The model of a processed document. */
static void fill_model(const fp_engine *e, const doc_state *s, const fp_engine_input *in,
                       fp_out_doc *out)
{
    out->format = s->text.format == FP_FORMAT_TEXT ? "text" : "html";
    out->encoding = s->decoded.encoding;
    out->title = s->meta.title;
    out->date = s->meta.date;
    out->byline = s->meta.byline;
    out->url = in->url;
    out->record_date = in->record_date;
    out->text = e->include_text ? s->text.text : NULL;
    out->zones = s->zones;
    out->n_zones = s->n_zones;
    out->partial = s->text.partial;
    out->facts = s->out;
    out->n_facts = s->n_out;
    out->extracted = s->text.text;
    out->extracted_len = s->text.len;
    out->lines = s->lines;
    out->n_lines = s->text.n_lines;
    out->chrome_kept = e->keep_chrome;
}

int fp_engine_process(fp_engine *e, const fp_engine_input *in, fp_engine_sink sink,
                      void *sink_user, char *why, size_t why_size, fp_error *err)
{
    doc_state s;
    memset(&s, 0, sizeof s);
    why[0] = '\0';
    memset(e->stage_ns, 0, e->n_stages * sizeof *e->stage_ns);
    int failed;
    if (!e->started)
        failed = snprintf(why, why_size, "internal error: the plugins were not started "
                          "(fp_engine_start)") > 0;
    else
        failed = process_input(e, in, &s, why, why_size) != 0;
    fp_out_doc out = {0};
    out.source = in->source;
    if (failed) {
        out.error = why;
        log_failure(e, in->source, why);
    } else {
        if (s.text.partial)
            log_partial(e, in->source);
        fill_model(e, &s, in, &out);
    }
    uint64_t t = fp_stage_clock();
    int rc = sink(sink_user, &out, err);
    stage_lap(e, FP_STAGE_WRITE, t);
    doc_state_free(&s);
    if (rc != 0)
        return -1;
    return failed;
}
