/* Documents for check-plugin; see check_doc.h. */
#include "check_doc.h"
#include "fp_check.h"

#include "../common/fp_text.h"
#include "../input/fp_input.h"

#include <stdlib.h>
#include <string.h>

enum { LONG_BLOCK_BYTES = 60 * 1024 };

/* Takes text (malloc'ed, FP_TEXT_PADDING zero bytes after its NUL) and
 * makes one block per non-empty line. */
static int build(check_doc *d, char *text, size_t len)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    d->blocks = calloc(lines, sizeof *d->blocks);
    if (!d->blocks)
        return -1;
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        size_t end = i > start && text[i - 1] == '\r' ? i - 1 : i; /* CRLF */
        if (end > start)
            d->blocks[n++] = (fp_block){start, end, FP_ZONE_BODY};
        start = i + 1;
    }
    d->doc.struct_size = sizeof d->doc;
    d->doc.source = "check-plugin sample";
    d->doc.text = text;
    d->doc.text_len = len;
    d->doc.blocks = d->blocks;
    d->doc.n_blocks = n;
    d->doc.meta = &d->meta;
    return 0;
}

static char *padded(size_t len)
{
    return calloc(1, len + 1 + FP_TEXT_PADDING);
}

int check_doc_sample(check_doc *d)
{
    size_t len = strlen(fp_check_sample_text);
    char *text = padded(len);
    if (!text)
        return -1;
    memcpy(text, fp_check_sample_text, len);
    if (build(d, text, len) != 0)
        return -1;
    /* The zones the core would give: a title, a dateline, and a line of
     * portal counters that is chrome. */
    d->blocks[0].zone = FP_ZONE_TITLE;
    d->blocks[1].zone = FP_ZONE_DATELINE;
    static const char counters[] = "Tổng cộng:";
    for (size_t i = 0; i < d->doc.n_blocks; i++)
        if (strncmp(text + d->blocks[i].start, counters,
                    sizeof counters - 1) == 0)
            d->blocks[i].zone = FP_ZONE_CHROME;
    d->meta.title = "Sơ kết 05 năm thực hiện Chỉ thị 05-CT/TW";
    d->meta.date = "2018-10-09";
    return 0;
}

int check_doc_empty(check_doc *d)
{
    char *text = padded(0);
    return text ? build(d, text, 0) : -1;
}

int check_doc_long(check_doc *d)
{
    char *text = padded(LONG_BLOCK_BYTES);
    if (!text)
        return -1;
    /* Sample lines joined by spaces until the block is full, cut at a
     * character boundary. */
    size_t len = 0, sample_len = strlen(fp_check_sample_text);
    while (len < LONG_BLOCK_BYTES) {
        size_t n = sample_len;
        if (len + n > LONG_BLOCK_BYTES)
            n = LONG_BLOCK_BYTES - len;
        memcpy(text + len, fp_check_sample_text, n);
        len += n;
    }
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
        len--;
    text[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            text[i] = ' ';
    memset(text + len, 0, LONG_BLOCK_BYTES + 1 + FP_TEXT_PADDING - len);
    return build(d, text, len);
}

int check_doc_file(check_doc *d, const char *path, fp_error *err)
{
    memset(d, 0, sizeof *d);
    unsigned char *bytes;
    size_t len;
    if (fp_read_file(path, FP_DEFAULT_MAX_INPUT_BYTES, &bytes, &len, err) != 0)
        return -1;
    if (fp_sniff_format(bytes, len) == FP_FORMAT_HTML) {
        free(bytes);
        return fp_error_set(err, "%s looks like an HTML page; give a text file, one paragraph "
                            "per line (factpipe --format text PAGE > sample.txt writes a "
                            "page's article text)", path);
    }
    fp_decoded decoded;
    int rc = fp_decode(bytes, len, FP_FORMAT_TEXT, &decoded, err);
    free(bytes);
    if (rc != 0)
        return fp_error_prefix(err, "%s: ", path);
    char *text = padded(decoded.len);
    if (!text) {
        fp_decoded_free(&decoded);
        return fp_error_set(err, "%s: out of memory", path);
    }
    memcpy(text, decoded.utf8, decoded.len);
    size_t text_len = decoded.len;
    fp_decoded_free(&decoded);
    if (build(d, text, text_len) != 0) {
        check_doc_free(d);
        return fp_error_set(err, "%s: out of memory", path);
    }
    d->doc.source = path;
    return 0;
}

void check_doc_free(check_doc *d)
{
    free(d->text);
    free(d->blocks);
    memset(d, 0, sizeof *d);
}
