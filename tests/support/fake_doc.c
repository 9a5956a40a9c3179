/*
 * fake_doc.c — build an fp_document from a string, one block per line.
 * See fake_host.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup */
#endif

#include "fake_host.h"

#include <stdlib.h>
#include <string.h>

static size_t count_lines(const char *text)
{
    size_t lines = 1;
    for (const char *p = text; *p != '\0'; p++)
        if (*p == '\n')
            lines++;
    return lines;
}

/* One block per non-empty line, as the core makes none for blank text. */
static void split_into_blocks(fp_fake_doc *fake)
{
    const char *text = fake->text;
    size_t line = 0, line_start = 0, n_blocks = 0;
    for (size_t i = 0;; i++) {
        if (text[i] != '\n' && text[i] != '\0')
            continue;
        if (i > line_start) {
            fake->blocks[n_blocks] = (fp_block){
                .start = line_start, .end = i, .zone = FP_ZONE_BODY};
            fake->block_lines[n_blocks] = line;
            n_blocks++;
        }
        if (text[i] == '\0')
            break;
        line++;
        line_start = i + 1;
    }
    fake->doc.n_blocks = n_blocks;
}

/* PCRE2's JIT scans with SIMD loads of whole aligned chunks, which may
 * run past the subject's end (never across a page); valgrind then reports
 * the bytes past the allocation as uninitialised (PCRE2Project/pcre2#654).
 * Zeroed slack after the NUL keeps those reads defined, so valgrind on
 * plugin tests reports only real faults. */
enum { SIMD_SLACK = 64 };

/* A zero-padded copy of text; see SIMD_SLACK. */
static char *copy_with_slack(const char *text, size_t len)
{
    char *copy = calloc(1, len + 1 + SIMD_SLACK);
    if (copy != NULL)
        memcpy(copy, text, len);
    return copy;
}

fp_fake_doc *fp_fake_doc_new(const char *text)
{
    fp_fake_doc *fake = calloc(1, sizeof *fake);
    if (fake == NULL)
        return NULL;
    size_t max_blocks = count_lines(text);
    size_t text_len = strlen(text);
    fake->text = copy_with_slack(text, text_len);
    fake->blocks = calloc(max_blocks, sizeof *fake->blocks);
    fake->block_lines = calloc(max_blocks, sizeof *fake->block_lines);
    if (fake->text == NULL || fake->blocks == NULL ||
        fake->block_lines == NULL) {
        fp_fake_doc_free(fake);
        return NULL;
    }
    split_into_blocks(fake);
    fake->doc.struct_size = (uint32_t)sizeof fake->doc;
    fake->doc.source = "fake.txt";
    fake->doc.text = fake->text;
    fake->doc.text_len = text_len;
    fake->doc.blocks = fake->blocks;
    fake->doc.meta = &fake->meta;
    return fake;
}

int fp_fake_doc_set_line_zone(fp_fake_doc *doc, size_t line,
                              fp_zone_kind zone)
{
    for (size_t i = 0; i < doc->doc.n_blocks; i++) {
        if (doc->block_lines[i] == line) {
            doc->blocks[i].zone = zone;
            return FP_OK;
        }
    }
    return FP_ERROR;
}

/* Replaces *field with a copy of value (or NULL). */
static int replace_string(const char **field, const char *value)
{
    char *copy = NULL;
    if (value != NULL && (copy = strdup(value)) == NULL)
        return FP_ERROR;
    free((char *)*field);
    *field = copy;
    return FP_OK;
}

int fp_fake_doc_set_meta(fp_fake_doc *doc, const char *title,
                         const char *date, const char *byline)
{
    if (replace_string(&doc->meta.title, title) != FP_OK ||
        replace_string(&doc->meta.date, date) != FP_OK ||
        replace_string(&doc->meta.byline, byline) != FP_OK)
        return FP_ERROR;
    return FP_OK;
}

void fp_fake_doc_free(fp_fake_doc *doc)
{
    if (doc == NULL)
        return;
    free((char *)doc->meta.title);
    free((char *)doc->meta.date);
    free((char *)doc->meta.byline);
    free(doc->block_lines);
    free(doc->blocks);
    free(doc->text);
    free(doc);
}
