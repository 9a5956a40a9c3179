/* pubdate_explain: why a page got its article date.
 *
 *   pubdate_explain [--url URL] [--summary] [--lines] ZONES.conf PAGE...
 *
 * For each page (HTML, or text when it ends in .txt): the date chosen, the
 * evidence that won, and every candidate with its score; with --summary
 * only one line per page ("PAGE<TAB>DATE<TAB>EVIDENCE"); with --lines also
 * the lines around the headline, with their zones and element cues.  A developer's
 * tool for tuning config/zones.conf and the scores of fp_pubdate.h; not
 * installed. */
#include "html/fp_html.h"
#include "input/fp_input.h"
#include "zone/fp_pubdate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *role_name(pubdate_role role)
{
    static const char *const names[] = {"neutral", "published", "updated",
                                        "refused"};
    return names[role];
}

static const char *zone_name(fp_zone_kind zone)
{
    static const char *const names[] = {"?", "title", "dateline", "lead",
                                        "body", "byline", "chrome"};
    return zone <= FP_ZONE_CHROME ? names[zone] : "?";
}

/* The lines around the anchor the finder searched from. */
static void print_window(const fp_text *t)
{
    size_t anchor = pubdate_anchor(t);
    size_t from = anchor > 8 ? anchor - 8 : 0;
    for (size_t i = from; i < t->n_lines && i < anchor + 12; i++) {
        size_t len = t->lines[i].end - t->lines[i].start;
        int32_t e = t->lines[i].element;
        printf("    %c%4zu %-8s %-24.24s %.*s\n", i == anchor ? '>' : ' ', i,
               zone_name(t->lines[i].zone),
               e >= 0 && t->elements[e].cues ? t->elements[e].cues : "",
               (int)(len > 100 ? 100 : len), t->text + t->lines[i].start);
    }
}

static int explain(const fp_zone_rules *rules, const char *path,
                   const char *url, int summary, int lines)
{
    fp_error err = {{0}};
    unsigned char *bytes;
    size_t n;
    if (fp_read_file(path, 64u << 20, &bytes, &n, &err) != 0) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    size_t path_len = strlen(path);
    int text = path_len > 4 && strcmp(path + path_len - 4, ".txt") == 0;
    fp_decoded decoded;
    fp_text t;
    fp_meta meta;
    int rc = fp_decode(bytes, n, text ? FP_FORMAT_TEXT : FP_FORMAT_HTML,
                       &decoded, &err);
    free(bytes);
    if (rc == 0)
        rc = text ? fp_plaintext_to_text(&decoded, &t, &err)
                  : fp_html_to_text(&decoded, &t, &err);
    fp_decoded_free(&decoded);
    if (rc == 0 && fp_zone_document_from(rules, &t, url, &meta, &err) != 0) {
        fp_text_free(&t);
        rc = -1;
    }
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return -1;
    }
    zone_matcher m;
    zone_matcher_init(&m, rules, &err);
    pubdate_result r;
    pubdate_find(&m, &t, url, 99991231, &r);
    if (summary) {
        printf("%s\t%s\t%s\n", path, r.found ? r.iso : "-",
               r.found ? pubdate_evidence_name(r.evidence) : "-");
    } else {
        printf("%s: %s (%s)\n", path, r.found ? r.iso : "no date",
               r.found ? pubdate_evidence_name(r.evidence) : "-");
        for (size_t i = 0; i < r.n_candidates; i++) {
            const pubdate_candidate *c = &r.candidates[i];
            printf("  %3d %04d-%02d-%02d %-9s %-9s%s", c->score, c->when.year,
                   c->when.month, c->when.day, pubdate_evidence_name(c->evidence),
                   role_name(c->role),
                   c->when.tz == PD_TZ_UTC ? " utc" : "");
            if (c->line < t.n_lines)
                printf(" line %zu [%s] \"%.*s\"", c->line,
                       zone_name(t.lines[c->line].zone),
                       (int)(t.lines[c->line].end - t.lines[c->line].start > 90
                                 ? 90
                                 : t.lines[c->line].end - t.lines[c->line].start),
                       t.text + t.lines[c->line].start);
            printf("\n");
        }
    }
    if (lines)
        print_window(&t);
    zone_matcher_free(&m);
    fp_meta_free(&meta);
    fp_text_free(&t);
    return 0;
}

int main(int argc, char **argv)
{
    const char *url = NULL;
    int summary = 0, lines = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--url") == 0 && i + 1 < argc)
            url = argv[++i];
        else if (strcmp(argv[i], "--summary") == 0)
            summary = 1;
        else if (strcmp(argv[i], "--lines") == 0)
            lines = 1;
        else
            break;
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: pubdate_explain [--url URL] [--summary] "
                        "[--lines] ZONES.conf PAGE...\n");
        return 2;
    }
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(argv[i], &err);
    if (!rules) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    fp_html_init();
    int failed = 0;
    for (int k = i + 1; k < argc; k++)
        failed |= explain(rules, argv[k], url, summary, lines) != 0;
    fp_zone_rules_free(rules);
    return failed;
}
