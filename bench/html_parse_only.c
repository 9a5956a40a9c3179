/* Baseline for the html stage: how fast libxml2 alone parses a corpus.
 *
 *   html_parse_only [-r ROUNDS] FILE...
 *
 * Reads every file into memory first, then times htmlReadMemory (with the
 * options fp_html uses, encoding "UTF-8") over all of them ROUNDS times in
 * one process, and prints docs/s and MB/s.  Compare with the same corpus
 * through fp_html_to_text to see what offset capture and text extraction
 * cost.  Build:
 *
 *   cc -O2 $(pkg-config --cflags libxml-2.0) bench/html_parse_only.c \
 *      $(pkg-config --libs libxml-2.0) -o html_parse_only
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct page {
    char *bytes;
    size_t len;
} page;

static int read_file(const char *path, page *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, len = 0;
    char *bytes = malloc(cap);
    size_t n;
    while (bytes && (n = fread(bytes + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(bytes, cap * 2);
            if (!grown) {
                free(bytes);
                bytes = NULL;
                break;
            }
            bytes = grown;
            cap *= 2;
        }
    }
    int failed = ferror(f) || !bytes;
    fclose(f);
    if (failed) {
        free(bytes);
        return -1;
    }
    out->bytes = bytes;
    out->len = len;
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int rounds = 1, first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds < 1) {
        fprintf(stderr, "usage: %s [-r ROUNDS] FILE...\n", argv[0]);
        return 2;
    }
    xmlInitParser();
    xmlParserMaxDepth = 4096;

    size_t n_pages = (size_t)(argc - first), total_bytes = 0;
    page *pages = calloc(n_pages, sizeof *pages);
    if (!pages)
        return 1;
    for (size_t i = 0; i < n_pages; i++) {
        if (read_file(argv[first + (int)i], &pages[i]) < 0) {
            fprintf(stderr, "%s: cannot read\n", argv[first + (int)i]);
            return 1;
        }
        total_bytes += pages[i].len;
    }

    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    double start = now_seconds();
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < n_pages; i++) {
            htmlDocPtr doc = htmlReadMemory(pages[i].bytes, (int)pages[i].len,
                                            NULL, "UTF-8", options);
            xmlFreeDoc(doc);
        }
    }
    double seconds = now_seconds() - start;

    double docs = (double)n_pages * rounds;
    double megabytes = (double)total_bytes * rounds / 1e6;
    printf("htmlReadMemory: %.0f docs in %.3f s: %.0f docs/s, %.1f MB/s\n",
           docs, seconds, docs / seconds, megabytes / seconds);
    for (size_t i = 0; i < n_pages; i++)
        free(pages[i].bytes);
    free(pages);
    return 0;
}
