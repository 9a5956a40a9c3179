/*
 * factpipe — lexicons: the word lists a plugin reads from files (titles,
 * counted nouns, month names, document types), in one written format,
 * and their look-up against the words of the shared text analysis.
 * Header-only: a plugin links nothing of factpipe.
 *
 * The format (docs/PLUGINS.md, "Lexicon files"):
 *
 *   - UTF-8, checked (a byte-order mark at the very start is skipped);
 *     NFC, like the document text: a Vietnamese letter written as base
 *     letter plus combining mark (NFD) is refused with its line.
 *   - One entry per line, LF or CRLF; blank lines are skipped.
 *   - '#' starts a comment when it begins the line or follows white
 *     space, and runs to the end of the line: "ngày: day  # the usual
 *     word".  A '#' glued to the text before it is text ("C#").
 *   - An entry is a phrase: words separated by white space; any run of
 *     white space (fp_utf8_is_space) counts as one space, at the ends as
 *     none.  No control characters, no invisible format characters.
 *   - With FP_LEXICON_VALUES every line is "PHRASE: VALUE", split at its
 *     last ':' — the shape of "phó: prefix", "triệu: 1000000", "ngày:
 *     day often-lunar"; neither may be empty, and white space in VALUE
 *     counts as in phrases.  With a kinds table VALUE must name a kind.
 *   - A phrase listed twice with the same value is one entry; with two
 *     values it is an error naming both lines.
 *   - The file must be a regular file of at most max_bytes (8 MiB
 *     unless the plugin says otherwise); a read error is an error.
 *
 * Every error goes through fp_errorf as "FILE:LINE: what is wrong", and
 * the lexicon is then left empty (nothing to free).  A loaded lexicon is
 * read-only: threads may share it.
 *
 * Matching.  A phrase matches the text as written, case-folded when the
 * lexicon folds (FP_LEXICON_FOLD): the words of the analysis joined by a
 * space where the text has white space and by nothing where they are
 * glued ("tp. hồ chí minh", "n.t phong hải").  fp_lexicon_match() finds
 * the longest entry starting at a word, fp_lexicon_match_back() the
 * longest ending at one; a hash table holds every phrase and every
 * white-space prefix and suffix of one, so a word no entry starts (or
 * ends) with costs one look-up.
 */
#ifndef FACTPIPE_LEXICON_H
#define FACTPIPE_LEXICON_H

#include <factpipe/plugin.h>
#include <factpipe/utf8.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* fp_lexicon_options.flags */
enum {
    FP_LEXICON_FOLD = 1u << 0,       /* compare case-insensitively */
    FP_LEXICON_VALUES = 1u << 1,     /* lines are "PHRASE: VALUE" */
    FP_LEXICON_ALLOW_EMPTY = 1u << 2 /* a file without entries is fine */
};

/* The size cap of a lexicon file unless the options give another. */
#define FP_LEXICON_MAX_BYTES ((size_t)8 * 1024 * 1024)

/* The longest phrase, in bytes: longer ones are refused with their line. */
enum { FP_LEXICON_MAX_PHRASE = 255 };

/* A value a VALUES lexicon may give, and what the entry's kind becomes. */
typedef struct fp_lexicon_kind {
    const char *name;
    int value;
} fp_lexicon_kind;

typedef struct fp_lexicon_entry {
    const char *key;     /* what is compared: the phrase with single
                            spaces, folded under FP_LEXICON_FOLD */
    const char *written; /* the phrase as written, single spaces */
    const char *value;   /* FP_LEXICON_VALUES: after the ':', trimmed */
    int kind;            /* with kinds: the named kind's value */
    unsigned line;       /* the line it was first listed on */
    unsigned n_words;    /* space-separated parts of the phrase */
    /* Every line listing it starts with a capital ("Số", "UBND"): for a
     * folding lexicon that still wants to know how it was written. */
    unsigned capitalized;
    int64_t data;        /* the plugin's own, set by its check callback */
} fp_lexicon_entry;

/* Called once per entry after loading, in file order: may check
 * entry->value and set entry->data.  Returns 0, or -1 with one line in why
 * (the reader prefixes FILE:LINE). */
typedef int (*fp_lexicon_check_fn)(void *user, fp_lexicon_entry *entry, char *why,
                                   size_t why_size);

typedef struct fp_lexicon_options {
    unsigned flags;              /* FP_LEXICON_* */
    const fp_lexicon_kind *kinds; /* VALUES: the values allowed (NULL: any) */
    size_t n_kinds;
    fp_lexicon_check_fn check;   /* NULL: none */
    void *user;                  /* for check */
    size_t max_bytes;            /* 0: FP_LEXICON_MAX_BYTES */
} fp_lexicon_options;

/* A slot of the hash table: a phrase, or a white-space prefix or suffix
 * of one (pointing into the entries' keys). */
typedef struct fp_lexicon_slot {
    const char *key; /* NULL: free */
    uint64_t hash;
    uint32_t len;
    uint32_t marks;  /* FP_LEXICON_PREFIX_, FP_LEXICON_SUFFIX_ */
    int64_t entry;   /* index into entries, -1 when only a part */
} fp_lexicon_slot;

enum { FP_LEXICON_PREFIX_ = 1u, FP_LEXICON_SUFFIX_ = 2u };

typedef struct fp_lexicon {
    fp_lexicon_entry *entries; /* file order */
    size_t n_entries;
    unsigned flags;
    size_t max_key_bytes;      /* of the longest key */
    unsigned max_words;        /* of the longest phrase */
    fp_lexicon_slot *slots;    /* capacity a power of two */
    size_t capacity;
    char *strings;             /* every string of the entries */
} fp_lexicon;

/* ------------------------------------------------------------------------ */
/* Reading.                                                                 */

static inline void fp_lexicon_free(fp_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->entries);
    free(lex->slots);
    free(lex->strings);
    memset(lex, 0, sizeof *lex);
}

static inline uint64_t fp_lexicon_hash_(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The slot of key[0, len): where it is, or the free slot where it goes. */
static inline fp_lexicon_slot *fp_lexicon_slot_(const fp_lexicon *lex, const char *key,
                                                size_t len, uint64_t hash)
{
    size_t mask = lex->capacity - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        fp_lexicon_slot *s = &lex->slots[i];
        if (!s->key || (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

static inline fp_lexicon_slot *fp_lexicon_put_(fp_lexicon *lex, const char *key, size_t len)
{
    uint64_t hash = fp_lexicon_hash_(key, len);
    fp_lexicon_slot *s = fp_lexicon_slot_(lex, key, len, hash);
    if (!s->key)
        *s = (fp_lexicon_slot){key, hash, (uint32_t)len, 0, -1};
    return s;
}

/* Why the character cp cannot stand in a lexicon line, or NULL. */
static inline const char *fp_lexicon_bad_char_(uint32_t cp)
{
    if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F))
        return "a control character";
    if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF)
        return "an invisible format character (soft hyphen, zero-width or direction mark)";
    return NULL;
}

/* Whether base + mark is how NFD writes a Vietnamese letter that NFC
 * writes as one character (every Vietnamese letter has one). */
static inline int fp_lexicon_nfd_pair_(uint32_t base, uint32_t mark)
{
    uint32_t b = fp_utf8_lower(base);
    int tone = mark == 0x300 || mark == 0x301 || mark == 0x303 || mark == 0x309 || mark == 0x323;
    int vowel = b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y' ||
                b == 0xE2 || b == 0xEA || b == 0xF4 || b == 0x103 || b == 0x1A1 || b == 0x1B0;
    if (tone)
        return vowel;
    if (mark == 0x302)
        return b == 'a' || b == 'e' || b == 'o';
    if (mark == 0x306)
        return b == 'a';
    if (mark == 0x31B)
        return b == 'o' || b == 'u';
    return 0;
}

/* Checks the characters of one line (UTF-8, controls, NFD) and cuts its
 * comment off: the length of what is left, or -1 with why. */
static inline long fp_lexicon_clean_line_(const char *line, size_t len, char *why,
                                          size_t why_size)
{
    const unsigned char *p = (const unsigned char *)line;
    uint32_t prev = ' ';
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t bad, n = fp_utf8_decode(p + i, len - i, &cp, &bad);
        if (n == 0)
            return snprintf(why, why_size, "not valid UTF-8 (byte %zu of the line); save the "
                            "file as UTF-8", i + 1), -1;
        if (cp == '#' && fp_utf8_is_space(prev))
            return (long)i;
        const char *bad_char = fp_lexicon_bad_char_(cp);
        if (bad_char)
            return snprintf(why, why_size, "U+%04X is %s; remove it", (unsigned)cp, bad_char),
                   -1;
        if (fp_lexicon_nfd_pair_(prev, cp))
            return snprintf(why, why_size, "not NFC: a letter followed by the combining mark "
                            "U+%04X; save the file NFC-normalized (e.g. uconv -x any-nfc)",
                            (unsigned)cp), -1;
        prev = cp;
        i += n;
    }
    return (long)len;
}

/* Copies s[0, len) to out (which may be s) with its white space runs
 * made one space and none at either end; NUL-terminates it and returns
 * its length, and the word count in *words. */
static inline size_t fp_lexicon_squeeze_(const char *s, size_t len, char *out,
                                         unsigned *words)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    int space = 0;
    *words = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t bad, k = fp_utf8_decode(p + i, len - i, &cp, &bad);
        if (k == 0) /* checked before: cannot happen */
            k = bad;
        if (k && fp_utf8_is_space(cp)) {
            space = n > 0;
        } else {
            if (space)
                out[n++] = ' ';
            if (n == 0 || space)
                ++*words;
            space = 0;
            memmove(out + n, s + i, k); /* out may be s */
            n += k;
        }
        i += k;
    }
    out[n] = '\0';
    return n;
}

typedef struct fp_lexicon_reader_ {
    fp_lexicon *lex;
    const char *name;
    const fp_lexicon_options *opt;
    const fp_host *host;
    char *next_string; /* free space in lex->strings */
} fp_lexicon_reader_;

static inline char *fp_lexicon_store_(fp_lexicon_reader_ *r, const char *s, size_t len)
{
    char *copy = r->next_string;
    memcpy(copy, s, len);
    copy[len] = '\0';
    r->next_string += len + 1;
    return copy;
}

/* How much of the len bytes at s a message quotes: at most 60, not
 * cutting a character. */
static inline int fp_lexicon_quote_len_(const char *s, size_t len)
{
    if (len <= 60)
        return (int)len;
    size_t n = 60;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

/* Reads the phrase and value of one line (comment cut, not blank) into a
 * new entry.  FP_OK or FP_ERROR after fp_errorf. */
static inline int fp_lexicon_read_line_(fp_lexicon_reader_ *r, const char *line, size_t len,
                                        unsigned line_no)
{
    const fp_lexicon_options *opt = r->opt;
    size_t phrase_len = len, value_len = 0;
    const char *value = NULL;
    int shaped = 1;
    if (opt->flags & FP_LEXICON_VALUES) {
        const char *colon = NULL;
        for (size_t i = 0; i < len; i++)
            if (line[i] == ':')
                colon = line + i;
        if (colon) { /* the value first, white space as in phrases */
            unsigned value_words;
            phrase_len = (size_t)(colon - line);
            char *stored = r->next_string;
            value_len = fp_lexicon_squeeze_(colon + 1, len - phrase_len - 1, stored,
                                            &value_words);
            r->next_string += value_len + 1;
            value = stored;
        }
        shaped = colon && value_len;
    }
    char written[4 * FP_LEXICON_MAX_PHRASE];
    if (phrase_len >= sizeof written)
        return fp_errorf(r->host, "%s:%u: the phrase is longer than %d bytes; one entry per "
                         "line", r->name, line_no, FP_LEXICON_MAX_PHRASE);
    unsigned words;
    size_t written_len = fp_lexicon_squeeze_(line, phrase_len, written, &words);
    if (!shaped || !written_len) {
        char kinds[256] = "";
        for (size_t k = 0; k < opt->n_kinds; k++) {
            size_t used = strlen(kinds);
            snprintf(kinds + used, sizeof kinds - used, "%s%s", k ? ", " : " (VALUE: one of ",
                     opt->kinds[k].name);
        }
        if (opt->n_kinds)
            strncat(kinds, ")", sizeof kinds - strlen(kinds) - 1);
        return fp_errorf(r->host, "%s:%u: expected \"PHRASE: VALUE\"%s, got \"%.*s\"",
                         r->name, line_no, kinds, fp_lexicon_quote_len_(line, len), line);
    }
    if (written_len > FP_LEXICON_MAX_PHRASE)
        return fp_errorf(r->host, "%s:%u: the phrase is longer than %d bytes; one entry per "
                         "line", r->name, line_no, FP_LEXICON_MAX_PHRASE);
    fp_lexicon *lex = r->lex;
    fp_lexicon_entry *e = &lex->entries[lex->n_entries];
    memset(e, 0, sizeof *e);
    if (value && opt->kinds) {
        size_t k = 0;
        while (k < opt->n_kinds &&
               !(strlen(opt->kinds[k].name) == value_len &&
                 memcmp(opt->kinds[k].name, value, value_len) == 0))
            k++;
        if (k == opt->n_kinds) {
            char kinds[256] = "";
            for (size_t i = 0; i < opt->n_kinds; i++) {
                size_t used = strlen(kinds);
                snprintf(kinds + used, sizeof kinds - used, "%s%s", i ? ", " : "",
                         opt->kinds[i].name);
            }
            return fp_errorf(r->host, "%s:%u: unknown value \"%.*s\" (one of: %s)", r->name,
                             line_no, fp_lexicon_quote_len_(value, value_len), value, kinds);
        }
        e->kind = opt->kinds[k].value;
    }
    uint32_t first = 0;
    size_t bad;
    fp_utf8_decode((const unsigned char *)written, written_len, &first, &bad);
    e->written = fp_lexicon_store_(r, written, written_len);
    if (lex->flags & FP_LEXICON_FOLD) {
        char *key = r->next_string;
        r->next_string += fp_utf8_fold(written, written_len, key) + 1;
        e->key = key;
    } else {
        e->key = e->written;
    }
    e->value = value;
    e->line = line_no;
    e->n_words = words;
    e->capitalized = fp_utf8_lower(first) != first;
    lex->n_entries++;
    return FP_OK;
}

static inline int fp_lexicon_same_value_(const fp_lexicon_entry *a, const fp_lexicon_entry *b)
{
    if (!a->value || !b->value)
        return a->value == b->value;
    return strcmp(a->value, b->value) == 0;
}

/* Builds the hash table of lex's entries (and of their white-space
 * prefixes and suffixes unless only_keys), capacity already set.  With
 * only_keys, drops repeated entries (merging how they were written) and
 * fails on a repeat with another value. */
static inline int fp_lexicon_index_(fp_lexicon_reader_ *r, int only_keys)
{
    fp_lexicon *lex = r->lex;
    memset(lex->slots, 0, lex->capacity * sizeof *lex->slots);
    size_t kept = 0;
    for (size_t i = 0; i < lex->n_entries; i++) {
        fp_lexicon_entry *e = &lex->entries[i];
        size_t len = strlen(e->key);
        fp_lexicon_slot *s = fp_lexicon_put_(lex, e->key, len);
        if (s->entry >= 0) {
            fp_lexicon_entry *first = &lex->entries[s->entry];
            if (!fp_lexicon_same_value_(first, e))
                return fp_errorf(r->host, "%s:%u: \"%s\" is already listed on line %u with "
                                 "the value \"%s\"; keep one of the two", r->name, e->line,
                                 e->written, first->line, first->value ? first->value : "");
            first->capitalized = first->capitalized && e->capitalized;
            continue;
        }
        s->entry = (int64_t)kept;
        lex->entries[kept++] = *e;
        if (only_keys)
            continue;
        if (len > lex->max_key_bytes)
            lex->max_key_bytes = len;
        if (e->n_words > lex->max_words)
            lex->max_words = e->n_words;
        for (size_t k = 0; k < len; k++) {
            if (e->key[k] != ' ')
                continue;
            fp_lexicon_put_(lex, e->key, k)->marks |= FP_LEXICON_PREFIX_;
            fp_lexicon_put_(lex, e->key + k + 1, len - k - 1)->marks |= FP_LEXICON_SUFFIX_;
        }
    }
    lex->n_entries = kept;
    return FP_OK;
}

/* Splits text into lines and reads them; FP_OK or FP_ERROR. */
static inline int fp_lexicon_read_lines_(fp_lexicon_reader_ *r, const char *text, size_t len)
{
    unsigned line_no = 0;
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        line_no++;
        size_t line_len = end - start;
        if (line_len && text[start + line_len - 1] == '\r')
            line_len--;
        const char *line = text + start;
        start = end + 1;
        if (memchr(line, '\0', line_len))
            return fp_errorf(r->host, "%s:%u: holds a NUL byte; is it a text file?", r->name,
                             line_no);
        char why[200];
        long kept = fp_lexicon_clean_line_(line, line_len, why, sizeof why);
        if (kept < 0)
            return fp_errorf(r->host, "%s:%u: %s", r->name, line_no, why);
        size_t content_len = (size_t)kept;
        const char *content = line;
        /* Any white space, not only ASCII: a line of no-break spaces is
         * blank too. */
        size_t i = 0;
        while (i < content_len) {
            uint32_t cp = 0;
            size_t bad, n = fp_utf8_decode((const unsigned char *)content + i, content_len - i,
                                           &cp, &bad);
            if (!fp_utf8_is_space(cp))
                break;
            i += n;
        }
        if (i == content_len)
            continue;
        if (fp_lexicon_read_line_(r, content, content_len, line_no) != FP_OK)
            return FP_ERROR;
    }
    return FP_OK;
}

/* Reads a lexicon from the len bytes at text; name stands for the file in
 * messages.  FP_OK, or FP_ERROR after fp_errorf with lex left empty. */
static inline int fp_lexicon_parse(fp_lexicon *lex, const char *name, const char *text,
                                   size_t len, const fp_lexicon_options *options,
                                   const fp_host *host)
{
    static const fp_lexicon_options plain = {0, NULL, 0, NULL, NULL, 0};
    const fp_lexicon_options *opt = options ? options : &plain;
    memset(lex, 0, sizeof *lex);
    lex->flags = opt->flags;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    size_t lines = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
        lines++;
    /* Per line at most three strings (phrase, key, value), each no longer
     * than the line: folding never lengthens. */
    lex->strings = malloc(3 * len + 3 * lines + 1);
    lex->entries = calloc(lines, sizeof *lex->entries);
    if (!lex->strings || !lex->entries) {
        fp_lexicon_free(lex);
        return fp_errorf(host, "%s: out of memory", name);
    }
    fp_lexicon_reader_ r = {lex, name, opt, host, lex->strings};
    int rc = fp_lexicon_read_lines_(&r, text, len);
    if (rc == FP_OK && lex->n_entries == 0 && !(opt->flags & FP_LEXICON_ALLOW_EMPTY))
        rc = fp_errorf(host, "%s: no entries; every line is blank or a comment (one entry "
                       "per line, '#' starts a comment)", name);
    size_t parts = 0;
    for (size_t i = 0; rc == FP_OK && i < lex->n_entries; i++)
        parts += 2 * (size_t)lex->entries[i].n_words - 1;
    for (lex->capacity = 16; rc == FP_OK && lex->capacity < 2 * parts;)
        lex->capacity *= 2;
    if (rc == FP_OK && !(lex->slots = calloc(lex->capacity, sizeof *lex->slots)))
        rc = fp_errorf(host, "%s: out of memory", name);
    if (rc == FP_OK)
        rc = fp_lexicon_index_(&r, 1);
    if (rc == FP_OK)
        rc = fp_lexicon_index_(&r, 0);
    for (size_t i = 0; rc == FP_OK && opt->check && i < lex->n_entries; i++) {
        char why[200] = "";
        if (opt->check(opt->user, &lex->entries[i], why, sizeof why) != 0)
            rc = fp_errorf(host, "%s:%u: %s", name, lex->entries[i].line,
                           why[0] ? why : "entry refused");
    }
    if (rc != FP_OK)
        fp_lexicon_free(lex);
    return rc;
}

/* What a file that is not regular is, for the message. */
static inline const char *fp_lexicon_file_type_(mode_t mode)
{
    return S_ISDIR(mode)    ? "a folder"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISFIFO(mode) ? "a FIFO"
                            : "a socket or other special file";
}

/* Reads the whole regular file at path, at most cap bytes, into a
 * malloc'ed buffer.  FP_OK or FP_ERROR after fp_errorf. */
static inline int fp_lexicon_read_file_(const char *path, size_t cap, char **out,
                                        size_t *out_len, const fp_host *host)
{
    *out = NULL;
    *out_len = 0;
    int flags = O_RDONLY | O_NONBLOCK; /* a FIFO must not block the open */
#ifdef O_CLOEXEC
    flags |= O_CLOEXEC;
#endif
    int fd = open(path, flags);
    if (fd < 0)
        return fp_errorf(host, "cannot open lexicon %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fp_errorf(host, "cannot read lexicon %s: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fp_errorf(host, "lexicon %s is %s, not a regular file; give the path of a "
                         "text file", path, fp_lexicon_file_type_(st.st_mode));
    }
    if (st.st_size < 0 || (unsigned long long)st.st_size > cap) {
        close(fd);
        return fp_errorf(host, "lexicon %s is %lld bytes, over the cap of %zu bytes for a "
                         "lexicon file; is it the right file?", path,
                         (long long)st.st_size, cap);
    }
    size_t size = (size_t)st.st_size + 1, n = 0; /* +1: see the end */
    char *buffer = malloc(size + 1);
    if (!buffer) {
        close(fd);
        return fp_errorf(host, "lexicon %s: out of memory", path);
    }
    for (;;) {
        if (n == size) { /* the file grew while it was read */
            size_t grown = size > cap / 2 ? cap + 1 : 2 * size;
            char *bigger = n > cap ? NULL : realloc(buffer, grown + 1);
            if (!bigger) {
                free(buffer);
                close(fd);
                return n > cap ? fp_errorf(host, "lexicon %s grew past the cap of %zu bytes "
                                           "for a lexicon file while it was read", path, cap)
                               : fp_errorf(host, "lexicon %s: out of memory", path);
            }
            buffer = bigger;
            size = grown;
        }
        ssize_t got = read(fd, buffer + n, size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buffer);
            close(fd);
            return fp_errorf(host, "cannot read lexicon %s after %zu bytes: %s", path, n,
                             strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (n > cap) {
        free(buffer);
        return fp_errorf(host, "lexicon %s grew past the cap of %zu bytes for a lexicon file "
                         "while it was read", path, cap);
    }
    buffer[n] = '\0';
    *out = buffer;
    *out_len = n;
    return FP_OK;
}

/* Loads the lexicon file at path.  FP_OK, or FP_ERROR after fp_errorf
 * ("path:line: …", or why the file cannot be read) with lex left empty. */
static inline int fp_lexicon_load(fp_lexicon *lex, const char *path,
                                  const fp_lexicon_options *options, const fp_host *host)
{
    memset(lex, 0, sizeof *lex);
    size_t cap = options && options->max_bytes ? options->max_bytes : FP_LEXICON_MAX_BYTES;
    char *text;
    size_t len;
    if (fp_lexicon_read_file_(path, cap, &text, &len, host) != FP_OK)
        return FP_ERROR;
    int rc = fp_lexicon_parse(lex, path, text, len, options, host);
    free(text);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Looking up.                                                              */

static inline const fp_lexicon_slot *fp_lexicon_find_slot_(const fp_lexicon *lex,
                                                           const char *key, size_t len)
{
    if (!lex->capacity)
        return NULL;
    const fp_lexicon_slot *s = fp_lexicon_slot_(lex, key, len, fp_lexicon_hash_(key, len));
    return s->key ? s : NULL;
}

/* The entry whose key is key[0, len) (single spaces, folded when the
 * lexicon folds: see fp_lexicon_key), or NULL. */
static inline const fp_lexicon_entry *fp_lexicon_find(const fp_lexicon *lex, const char *key,
                                                      size_t len)
{
    const fp_lexicon_slot *s = fp_lexicon_find_slot_(lex, key, len);
    return s && s->entry >= 0 ? &lex->entries[s->entry] : NULL;
}

/* The key text[0, len) is compared by in lex (single spaces, folded when
 * the lexicon folds), written to out (len + 1 bytes at the most);
 * returns its length.  text must be valid UTF-8. */
static inline size_t fp_lexicon_key(const fp_lexicon *lex, const char *text, size_t len,
                                    char *out)
{
    unsigned words;
    size_t n = fp_lexicon_squeeze_(text, len, out, &words);
    if (lex->flags & FP_LEXICON_FOLD)
        n = fp_utf8_fold(out, n, out);
    return n;
}

/* Appends word w's part of a key to buf at *n (cap bytes): its folded
 * form, or when the lexicon keeps case its text (a number's folded form:
 * its text with single spaces).  0 when it does not fit. */
static inline int fp_lexicon_append_word_(const fp_lexicon *lex, const fp_analysis *a,
                                          const fp_word *w, char *buf, size_t *n, size_t cap)
{
    int as_written = !(lex->flags & FP_LEXICON_FOLD) && w->word_class != FP_WORD_NUMBER;
    const char *part = as_written ? a->text + w->start : w->folded;
    size_t len = as_written ? w->end - w->start : strlen(w->folded);
    if (*n + len > cap)
        return 0;
    memcpy(buf + *n, part, len);
    *n += len;
    return 1;
}

/* The longest entry made of the words of a starting at word first, in one
 * block: its length in words (0: none), the entry in *entry (if not
 * NULL).  The words are joined as the text joins them: one space where it
 * has white space, nothing where they are glued. */
static inline size_t fp_lexicon_match(const fp_lexicon *lex, const fp_analysis *a,
                                      size_t first, const fp_lexicon_entry **entry)
{
    char key[FP_LEXICON_MAX_PHRASE + 1];
    size_t n = 0, best = 0;
    if (first >= a->n_words || !lex->n_entries)
        return 0;
    uint32_t block = fp_analysis_word(a, first)->block;
    for (size_t i = first; i < a->n_words; i++) {
        const fp_word *w = fp_analysis_word(a, i);
        if (i > first) {
            if (w->block != block)
                break;
            if (!(w->flags & FP_WORD_GLUED)) {
                if (n + 1 > lex->max_key_bytes)
                    break;
                key[n++] = ' ';
            }
        }
        if (!fp_lexicon_append_word_(lex, a, w, key, &n, lex->max_key_bytes))
            break;
        const fp_lexicon_slot *s = fp_lexicon_find_slot_(lex, key, n);
        if (s && s->entry >= 0) {
            best = i - first + 1;
            if (entry)
                *entry = &lex->entries[s->entry];
        }
        const fp_word *next = i + 1 < a->n_words ? fp_analysis_word(a, i + 1) : NULL;
        int space_follows = !next || next->block != block || !(next->flags & FP_WORD_GLUED);
        if (space_follows && !(s && (s->marks & FP_LEXICON_PREFIX_)))
            break; /* no entry goes on past white space from here */
    }
    return best;
}

/* The longest entry made of the words of a that ends with word last, in
 * one block: its length in words (0: none), the entry in *entry.  For
 * what stands before something ("số 12": "số" ends at the word before
 * the number). */
static inline size_t fp_lexicon_match_back(const fp_lexicon *lex, const fp_analysis *a,
                                           size_t last, const fp_lexicon_entry **entry)
{
    char key[FP_LEXICON_MAX_PHRASE + 1];
    size_t cap = lex->max_key_bytes, start = cap, best = 0; /* key is key[start, cap) */
    if (last >= a->n_words || !lex->n_entries)
        return 0;
    uint32_t block = fp_analysis_word(a, last)->block;
    for (size_t i = last + 1; i-- > 0;) {
        const fp_word *w = fp_analysis_word(a, i);
        if (w->block != block)
            break;
        if (i < last && !(fp_analysis_word(a, i + 1)->flags & FP_WORD_GLUED)) {
            if (start == 0)
                break;
            key[--start] = ' ';
        }
        char part[FP_LEXICON_MAX_PHRASE + 1];
        size_t part_len = 0;
        if (!fp_lexicon_append_word_(lex, a, w, part, &part_len, start))
            break;
        start -= part_len;
        memcpy(key + start, part, part_len);
        const fp_lexicon_slot *s = fp_lexicon_find_slot_(lex, key + start, cap - start);
        if (s && s->entry >= 0) {
            best = last - i + 1;
            if (entry)
                *entry = &lex->entries[s->entry];
        }
        int space_before = i == 0 || !(w->flags & FP_WORD_GLUED);
        if (space_before && !(s && (s->marks & FP_LEXICON_SUFFIX_)))
            break;
    }
    return best;
}

#endif /* FACTPIPE_LEXICON_H */
