/* The shared text analysis (core/analysis) alone: its speed, and that its
 * time grows linearly with the text.
 *
 *   analysis_scaling [FILE]
 *
 * Builds texts of 1, 2, 4 and 8 MiB — by repeating FILE (a real bulletin;
 * lines are blocks), or built-in Vietnamese bulletin sentences — and of
 * the same sizes from units written against the scanners (a chain of
 * dotted digits, space-grouped thousands, apostrophes, dots), analyses
 * each in one block per line (the hostile ones in one block) and prints
 * MB/s and the time ratio to the half size.  A linear scan keeps the
 * ratio near 2.  Prints figures, asserts nothing.  Build (bench/analysis.sh
 * does it):
 *
 *   cc -O2 -Iinclude -Icore/analysis bench/analysis_scaling.c \
 *      core/analysis/fp_analysis.c -lutf8proc -o analysis_scaling
 */
#include "fp_analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char bulletin[] =
    "Toàn quận kết nạp 532 quần chúng ưu tú, 203 đảng viên, chiếm 21,1%; tỷ lệ hộ nghèo "
    "giảm từ 10 - 15% trong giai đoạn 2016-2020.\n"
    "Theo Quyết định số 217-QĐ/TW và Kế hoạch số 112/KH-UBND ngày 15/01/2019, có 1.250 hộ "
    "gia đình, 18.165.267 lượt truy cập.\n"
    "Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên, Bí thư Quận ủy chủ trì hội nghị. TP. Hồ Chí "
    "Minh có 25 000 người tham dự.\n";

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* len bytes of unit repeated, cut at a line or character boundary. */
static char *repeat(const char *unit, size_t unit_len, size_t len)
{
    char *text = malloc(len + 1);
    for (size_t i = 0; i < len; i += unit_len)
        memcpy(text + i, unit, i + unit_len <= len ? unit_len : len - i);
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
        len--;
    text[len] = '\0';
    return text;
}

/* Seconds to analyse text (best of three), one block per line or one
 * block for all. */
static double time_analysis(const char *text, int one_block, size_t *words)
{
    size_t len = strlen(text), n = 0, start = 0;
    fp_block *blocks = malloc((one_block ? 1 : len + 1) * sizeof *blocks);
    for (size_t i = 0; i <= len; i++) {
        if (i < len && (one_block || text[i] != '\n'))
            continue;
        if (i > start)
            blocks[n++] = (fp_block){start, i, FP_ZONE_BODY};
        start = i + 1;
    }
    fp_document doc = {sizeof doc, "bench", text, len, blocks, n, NULL};
    double best = 1e9;
    for (int round = 0; round < 3; round++) {
        fp_text_analysis a;
        char why[256];
        double t0 = seconds();
        if (fp_text_analysis_build(&a, &doc, why, sizeof why) != 0) {
            fprintf(stderr, "analysis failed: %s\n", why);
            exit(1);
        }
        double t = seconds() - t0;
        *words = a.view.n_words;
        fp_text_analysis_free(&a);
        if (t < best)
            best = t;
    }
    free(blocks);
    return best;
}

int main(int argc, char **argv)
{
    const char *unit = bulletin;
    char *file_text = NULL;
    if (argc > 1) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) {
            perror(argv[1]);
            return 2;
        }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        file_text = calloc(1, (size_t)size + 1);
        if (fread(file_text, 1, (size_t)size, f) != (size_t)size)
            return 2;
        fclose(f);
        unit = file_text;
    }
    static const struct {
        const char *name;
        const char *unit;
        int one_block;
    } inputs[] = {
        {"bulletin text", NULL, 0},
        {"1.1.1.1...", "1.", 1},
        {"1 000 000...", "1 000 ", 1},
        {"a'a'a'...", "a'", 1},
        {". . . ...", ". ", 1},
    };
    printf("%-16s %9s %9s %9s %7s\n", "input", "MiB", "words", "MB/s", "x half");
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        const char *u = inputs[k].unit ? inputs[k].unit : unit;
        double previous = 0;
        for (size_t mib = 1; mib <= 8; mib *= 2) {
            char *text = repeat(u, strlen(u), mib << 20);
            size_t words;
            double t = time_analysis(text, inputs[k].one_block, &words);
            printf("%-16s %9zu %9zu %9.1f", inputs[k].name, mib, words,
                   (double)strlen(text) / 1e6 / t);
            if (previous > 0)
                printf(" %7.2f", t / previous);
            printf("\n");
            previous = t;
            free(text);
        }
    }
    free(file_text);
    return 0;
}
