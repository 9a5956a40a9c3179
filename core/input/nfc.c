/* NFC normalization that keeps the map to input offsets.
 *
 * The text is cut into chunks that NFC handles independently: an ASCII
 * character never combines with what precedes it and has combining class
 * 0, so each chunk is one maximal run of non-ASCII characters plus the
 * ASCII character just before it (which may be the base letter of an "e" +
 * U+0302 + U+0301).  A chunk of inert characters (precomposed Vietnamese,
 * Latin-1…) is NFC as it stands; any other chunk is normalized by utf8proc
 * and compared with itself.  Only chunks that change are rewritten, and for
 * those the composition is redone with each character tagged with its
 * source offset, so that a composed character maps to the offset of its
 * first source character and the others keep their own (except marks that
 * reordering moved: they map to the start of their run, so that the map
 * stays non-decreasing).
 *
 * Decomposed Vietnamese (an ASCII or precomposed letter followed by tone
 * and vowel marks) takes a shortcut, compose_letters_and_marks, which
 * gives the same text and map without running the general algorithm. */
#include "input_internal.h"

#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)

typedef struct tagged_cp {
    int32_t cp;
    uint32_t at; /* byte offset in the text being normalized */
} tagged_cp;

/* compose_into_one's answers for the document: a decomposed page repeats a
 * few dozen (letter, mark) pairs thousands of times.  Direct-mapped; an
 * empty slot has next == 0, which is never asked (next is never inert). */
#define PAIR_MEMO_SLOTS 256

typedef struct pair_memo {
    int32_t starter, next, composite;
} pair_memo;

typedef struct nfc_work {
    int32_t *nfc;      /* utf8proc's NFC of the chunk */
    size_t nfc_cap;
    tagged_cp *source; /* the chunk as it is */
    size_t source_cap;
    tagged_cp *tagged; /* decomposed, reordered, composed with tags */
    size_t tagged_cap;
    size_t n_nfc, n_source; /* lengths for the current chunk */
    pair_memo *memo;        /* PAIR_MEMO_SLOTS, allocated on first use */
} nfc_work;

static int grow(void **buffer, size_t *cap, size_t need, size_t elem_size,
                fp_error *err)
{
    if (fp_grow(buffer, cap, need, elem_size, 64) != 0)
        return fp_error_set(err, "out of memory normalizing text to NFC");
    return 0;
}

static int ccc(int32_t cp)
{
    return utf8proc_get_property(cp)->combining_class;
}

/* The primary composite of starter + next, or -1. */
static int32_t compose_pair(int32_t starter, int32_t next)
{
    utf8proc_int32_t pair[2] = {starter, next};
    return utf8proc_normalize_utf32(pair, 2, UTF8PROC_COMPOSE) == 1 ? pair[0]
                                                                   : -1;
}

/* The NFC of starter + next when it is a single code point, else -1
 * (INT32_MIN: utf8proc failed).  Not compose_pair: the NFC may reorder,
 * as in ê + U+0323, which is ệ although ệ is ẹ + U+0302, not ê + U+0323. */
static int32_t compose_into_one(int32_t starter, int32_t next)
{
    utf8proc_uint8_t utf8[8];
    utf8proc_ssize_t len = utf8proc_encode_char(starter, utf8);
    len += utf8proc_encode_char(next, utf8 + len);
    utf8proc_int32_t parts[16];
    utf8proc_ssize_t n = utf8proc_decompose(utf8, len, parts, 16, NFC_OPTIONS);
    if (n < 0 || n > 16)
        return n < 0 ? INT32_MIN : -1;
    n = utf8proc_normalize_utf32(parts, n, NFC_OPTIONS);
    return n == 1 ? parts[0] : n < 0 ? INT32_MIN : -1;
}

static int32_t compose_into_one_memoized(nfc_work *w, int32_t starter,
                                         int32_t next, fp_error *err)
{
    if (!w->memo) {
        w->memo = calloc(PAIR_MEMO_SLOTS, sizeof *w->memo);
        if (!w->memo) {
            fp_error_set(err, "out of memory normalizing text to NFC");
            return INT32_MIN;
        }
    }
    uint32_t hash = ((uint32_t)starter * 31u + (uint32_t)next) * 2654435761u;
    pair_memo *slot = &w->memo[hash >> 24];
    if (slot->next != next || slot->starter != starter)
        *slot = (pair_memo){starter, next, compose_into_one(starter, next)};
    if (slot->composite == INT32_MIN) {
        fp_error_set(err, "cannot normalize text to NFC: U+%04X U+%04X",
                     (unsigned)starter, (unsigned)next);
        slot->next = 0; /* not an answer to keep */
    }
    return slot->composite;
}

/* NFC of w->source[0..n) with tags, after the Unicode algorithm:
 * decompose, order marks by combining class, compose.  Returns the number
 * of tagged code points, or -1 (err set). */
static long compose_tagged(nfc_work *w, size_t n, fp_error *err)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        utf8proc_int32_t parts[32];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            w->source[i].cp, parts, 32, NFC_OPTIONS, &boundclass);
        if (k < 0 || k > 32) {
            parts[0] = w->source[i].cp;
            k = 1;
        }
        if (grow((void **)&w->tagged, &w->tagged_cap, count + (size_t)k,
                 sizeof *w->tagged, err) != 0)
            return -1;
        for (utf8proc_ssize_t j = 0; j < k; j++)
            w->tagged[count++] = (tagged_cp){parts[j], w->source[i].at};
    }
    /* Canonical ordering: a stable sort of each run of marks by class. */
    for (size_t i = 1; i < count; i++) {
        tagged_cp moving = w->tagged[i];
        int moving_class = ccc(moving.cp);
        size_t j = i;
        while (moving_class != 0 && j > 0 &&
               ccc(w->tagged[j - 1].cp) > moving_class) {
            w->tagged[j] = w->tagged[j - 1];
            j--;
        }
        w->tagged[j] = moving;
    }
    /* Canonical composition; a composite keeps its starter's tag. */
    size_t kept = 0;
    long starter = -1;
    int max_class = -1; /* highest class since the starter, -1: none */
    for (size_t i = 0; i < count; i++) {
        tagged_cp current = w->tagged[i];
        int current_class = ccc(current.cp);
        if (starter >= 0 && current_class > max_class) {
            int32_t composite = compose_pair(w->tagged[starter].cp, current.cp);
            if (composite >= 0) {
                w->tagged[starter].cp = composite;
                continue;
            }
        }
        w->tagged[kept] = current;
        if (current_class == 0) {
            starter = (long)kept;
            max_class = -1;
        } else if (current_class > max_class) {
            max_class = current_class;
        }
        kept++;
    }
    return (long)kept;
}

/* Normalize chunk [start, end) of t into w->nfc (w->n_nfc code points).
 * Sets *same when the chunk is NFC already. */
static int normalize_chunk(const fp_mtext *t, size_t start, size_t end,
                           nfc_work *w, int *same, fp_error *err)
{
    const utf8proc_uint8_t *bytes = (const utf8proc_uint8_t *)t->text;
    /* A chunk has at most one code point per byte: one reservation. */
    if (grow((void **)&w->source, &w->source_cap, end - start,
             sizeof *w->source, err) != 0)
        return -1;
    size_t n_source = 0;
    for (size_t i = start; i < end;) {
        size_t bad = 0;
        uint32_t decoded;
        size_t step = fp_utf8_decode(bytes + i, end - i, &decoded, &bad);
        int32_t cp = step ? (int32_t)decoded : 0xFFFD;
        if (step == 0) /* cannot happen: the converters write valid UTF-8 */
            step = 1;
        w->source[n_source++] = (tagged_cp){cp, (uint32_t)i};
        i += step;
    }
    utf8proc_ssize_t n_nfc;
    for (;;) {
        n_nfc = utf8proc_decompose(
            bytes + start, (utf8proc_ssize_t)(end - start), w->nfc,
            (utf8proc_ssize_t)w->nfc_cap, NFC_OPTIONS);
        if (n_nfc < 0)
            return fp_error_set(err, "cannot normalize text to NFC: %s",
                                utf8proc_errmsg(n_nfc));
        if ((size_t)n_nfc <= w->nfc_cap)
            break;
        if (grow((void **)&w->nfc, &w->nfc_cap, (size_t)n_nfc, sizeof *w->nfc,
                 err) != 0)
            return -1;
    }
    n_nfc = utf8proc_normalize_utf32(w->nfc, n_nfc, NFC_OPTIONS);
    *same = (size_t)n_nfc == n_source;
    for (size_t i = 0; *same && i < n_source; i++)
        *same = w->nfc[i] == w->source[i].cp;
    w->n_nfc = (size_t)n_nfc;
    w->n_source = n_source;
    return 0;
}

/* Append code point cp, all its bytes mapped to input offset `from`, to
 * out, which has room for it. */
static void put_char(fp_mtext *out, int32_t cp, uint32_t from)
{
    utf8proc_ssize_t k =
        utf8proc_encode_char(cp, (utf8proc_uint8_t *)out->text + out->len);
    for (utf8proc_ssize_t j = 0; j < k; j++)
        out->src[out->len + (size_t)j] = from;
    out->len += (size_t)k;
}

/* The shortcut for the common shape of a changed chunk: every character is
 * an inert one (fp_nfc_is_inert: an ASCII or precomposed letter) followed
 * by marks that fold into it one after the other, each time into a single
 * character, as in e + U+0302 + U+0301 or ư + U+0301.  The chunk's NFC is
 * then just those characters: an inert character has class 0 and never
 * combines with what precedes it, so each letter and its marks normalize
 * on their own, and a single character canonically equivalent to them is
 * their NFC.  The general path maps such a character to its letter's
 * offset and an unchanged character to its own, as here.  Writes
 * w->tagged; returns the number of characters, 0 when the chunk has
 * another shape (marks that stay apart, a non-inert letter, a mark with
 * no letter before it), or -1 (err set). */
static long compose_letters_and_marks(const fp_mtext *t, size_t start,
                                      size_t end, nfc_work *w, fp_error *err)
{
    const unsigned char *bytes = (const unsigned char *)t->text;
    if (grow((void **)&w->tagged, &w->tagged_cap, end - start,
             sizeof *w->tagged, err) != 0)
        return -1;
    size_t count = 0;
    for (size_t i = start; i < end;) {
        size_t bad = 0;
        uint32_t cp;
        size_t step = fp_utf8_decode(bytes + i, end - i, &cp, &bad);
        if (step == 0)
            return 0;
        if (fp_nfc_is_inert((int32_t)cp)) {
            w->tagged[count++] = (tagged_cp){(int32_t)cp, (uint32_t)i};
        } else {
            if (count == 0)
                return 0;
            int32_t composite = compose_into_one_memoized(
                w, w->tagged[count - 1].cp, (int32_t)cp, err);
            if (composite == INT32_MIN)
                return -1;
            if (composite < 0)
                return 0;
            w->tagged[count - 1].cp = composite;
        }
        i += step;
    }
    return (long)count;
}

/* Append w->tagged[0..n), each character mapped to its tag's offset. */
static int append_tagged(const fp_mtext *t, const nfc_work *w, size_t n,
                         fp_mtext *out, fp_error *err)
{
    if (fp_mtext_reserve(out, 4 * n, err) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        put_char(out, w->tagged[i].cp, t->src[w->tagged[i].at]);
    return 0;
}

/* Append the normalized chunk that starts at `start` with its map. */
static int append_chunk(const fp_mtext *t, size_t start, nfc_work *w,
                        fp_mtext *out, fp_error *err)
{
    long n_tagged = compose_tagged(w, w->n_source, err);
    if (n_tagged < 0)
        return -1;
    int tags_agree = n_tagged == (long)w->n_nfc;
    for (long i = 0; tags_agree && i < n_tagged; i++)
        tags_agree = w->tagged[i].cp == w->nfc[i];
    /* Marks that canonical ordering moved ahead of others take the lowest
     * offset among what follows them, so the map never goes backwards:
     * a run of reordered marks maps to where the run started. */
    for (long i = n_tagged - 1; tags_agree && i > 0; i--)
        if (w->tagged[i - 1].at > w->tagged[i].at)
            w->tagged[i - 1].at = w->tagged[i].at;
    if (fp_mtext_reserve(out, 4 * w->n_nfc, err) != 0)
        return -1;
    for (size_t i = 0; i < w->n_nfc; i++) {
        /* Should the tagged composition ever disagree with utf8proc, trust
         * utf8proc's text and map the whole chunk to its start. */
        uint32_t at = tags_agree ? w->tagged[i].at : (uint32_t)start;
        put_char(out, w->nfc[i], t->src[at]);
    }
    return 0;
}

/* Append t's bytes [from, to) with their own map entries. */
static int append_unchanged(const fp_mtext *t, size_t from, size_t to,
                            fp_mtext *out, fp_error *err)
{
    if (fp_mtext_reserve(out, to - from, err) != 0)
        return -1;
    memcpy(out->text + out->len, t->text + from, to - from);
    memcpy(out->src + out->len, t->src + from, (to - from) * sizeof *out->src);
    out->len += to - from;
    return 0;
}

static int chunk_is_inert(const fp_mtext *t, size_t start, size_t end)
{
    /* Decoded inline: this runs on every non-ASCII run of every page, and
     * most runs are one precomposed letter. */
    const unsigned char *bytes = (const unsigned char *)t->text;
    for (size_t i = start; i < end;) {
        size_t bad = 0;
        uint32_t cp;
        size_t step = fp_utf8_common_sequence(bytes + i, end - i, &cp);
        if (step == 0)
            step = fp_utf8_decode(bytes + i, end - i, &cp, &bad);
        if (step == 0 || !fp_nfc_is_inert((int32_t)cp))
            return 0;
        i += step;
    }
    return 1;
}

/* Start out, a copy of t being rewritten, if not started yet. */
static int start_rewriting(const fp_mtext *t, fp_mtext *out, int *rewriting,
                           fp_error *err)
{
    if (*rewriting)
        return 0;
    if (fp_mtext_reserve(out, t->len + t->len / 8 + 16, err) != 0)
        return -1;
    out->replacements = t->replacements;
    *rewriting = 1;
    return 0;
}

int fp_nfc_normalize(fp_mtext *t, int *changed, fp_error *err)
{
    return fp_nfc_normalize_counted(t, changed, 1, NULL, err);
}

int fp_nfc_normalize_counted(fp_mtext *t, int *changed, int shortcut,
                             fp_nfc_counts *counts, fp_error *err)
{
    nfc_work w = {0};
    fp_mtext out = {0};
    int rewriting = 0, rc = -1;
    size_t copied = 0; /* t's bytes before this are already in out */
    size_t i = 0;
    if (changed)
        *changed = 0;
    if (counts)
        *counts = (fp_nfc_counts){0};
    while (i < t->len) {
        i += fp_ascii_prefix((const unsigned char *)t->text + i, t->len - i);
        if (i == t->len)
            break;
        size_t start = i > 0 ? i - 1 : 0, end = i;
        while (end < t->len && (unsigned char)t->text[end] >= 0x80)
            end++;
        i = end;
        if (chunk_is_inert(t, start, end))
            continue;
        long composed = 0;
        if (shortcut) {
            composed = compose_letters_and_marks(t, start, end, &w, err);
            if (composed < 0)
                goto done;
        }
        if (composed > 0) {
            if (start_rewriting(t, &out, &rewriting, err) != 0 ||
                append_unchanged(t, copied, start, &out, err) != 0 ||
                append_tagged(t, &w, (size_t)composed, &out, err) != 0)
                goto done;
            copied = end;
            if (counts)
                counts->shortcut_chunks++;
            continue;
        }
        int same = 0;
        if (normalize_chunk(t, start, end, &w, &same, err) != 0)
            goto done;
        if (same)
            continue;
        if (start_rewriting(t, &out, &rewriting, err) != 0 ||
            append_unchanged(t, copied, start, &out, err) != 0 ||
            append_chunk(t, start, &w, &out, err) != 0)
            goto done;
        copied = end;
        if (counts)
            counts->general_chunks++;
    }
    if (rewriting) {
        if (append_unchanged(t, copied, t->len, &out, err) != 0)
            goto done;
        fp_mtext_free(t);
        *t = out;
        out = (fp_mtext){0};
        if (changed)
            *changed = 1;
    }
    rc = 0;
done:
    fp_mtext_free(&out);
    free(w.nfc);
    free(w.source);
    free(w.tagged);
    free(w.memo);
    return rc;
}
