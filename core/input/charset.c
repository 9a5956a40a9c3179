/* Encoding evidence: BOMs, charset labels, the <meta> prescan and UTF-8
 * statistics.  The decision itself is in decode.c. */
#include "input_internal.h"

#include <string.h>

const fp_charset fp_charset_utf8 = {"utf-8", NULL, FP_CHARSET_UTF8};
const fp_charset fp_charset_utf16le = {"utf-16le", NULL, FP_CHARSET_UTF16LE};
const fp_charset fp_charset_utf16be = {"utf-16be", NULL, FP_CHARSET_UTF16BE};
const fp_charset fp_charset_windows1252 = {"windows-1252", "WINDOWS-1252",
                                           FP_CHARSET_SINGLE_BYTE};
const fp_charset fp_charset_windows1258 = {"windows-1258", "WINDOWS-1258",
                                           FP_CHARSET_SINGLE_BYTE};
static const fp_charset charset_viscii = {"viscii", "VISCII",
                                          FP_CHARSET_SINGLE_BYTE};
static const fp_charset charset_tcvn = {"tcvn5712-1", "TCVN5712-1",
                                        FP_CHARSET_SINGLE_BYTE};

static const struct {
    const char *label;
    const fp_charset *charset;
} charset_labels[] = {
    {"utf-8", &fp_charset_utf8},
    {"utf8", &fp_charset_utf8},
    {"unicode-1-1-utf-8", &fp_charset_utf8},
    /* A <meta> that could be read as ASCII cannot be in UTF-16 (WHATWG). */
    {"utf-16", &fp_charset_utf8},
    {"utf-16le", &fp_charset_utf8},
    {"utf-16be", &fp_charset_utf8},
    {"windows-1258", &fp_charset_windows1258},
    {"cp1258", &fp_charset_windows1258},
    {"x-cp1258", &fp_charset_windows1258},
    /* WHATWG: all of these labels mean windows-1252. */
    {"windows-1252", &fp_charset_windows1252},
    {"cp1252", &fp_charset_windows1252},
    {"x-cp1252", &fp_charset_windows1252},
    {"iso-8859-1", &fp_charset_windows1252},
    {"iso8859-1", &fp_charset_windows1252},
    {"iso_8859-1", &fp_charset_windows1252},
    {"latin1", &fp_charset_windows1252},
    {"l1", &fp_charset_windows1252},
    {"us-ascii", &fp_charset_windows1252},
    {"ascii", &fp_charset_windows1252},
    {"viscii", &charset_viscii},
    {"csviscii", &charset_viscii},
    {"tcvn", &charset_tcvn},
    {"tcvn3", &charset_tcvn},
    {"tcvn-5712", &charset_tcvn},
    {"tcvn5712-1", &charset_tcvn},
};

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static unsigned char to_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

const fp_charset *fp_charset_from_label(const char *label, size_t len)
{
    while (len > 0 && is_space((unsigned char)label[0])) {
        label++;
        len--;
    }
    while (len > 0 && is_space((unsigned char)label[len - 1]))
        len--;
    for (size_t i = 0; i < sizeof charset_labels / sizeof charset_labels[0];
         i++) {
        const char *known = charset_labels[i].label;
        if (strlen(known) != len)
            continue;
        size_t j = 0;
        while (j < len && to_lower((unsigned char)label[j]) ==
                              (unsigned char)known[j])
            j++;
        if (j == len)
            return charset_labels[i].charset;
    }
    return NULL;
}

const fp_charset *fp_charset_from_bom(const unsigned char *bytes, size_t len,
                                      size_t *bom_len)
{
    *bom_len = 0;
    if (len >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        *bom_len = 3;
        return &fp_charset_utf8;
    }
    if (len >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) {
        *bom_len = 2;
        return &fp_charset_utf16le;
    }
    if (len >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) {
        *bom_len = 2;
        return &fp_charset_utf16be;
    }
    return NULL;
}

void fp_utf8_scan(const unsigned char *bytes, size_t len, fp_utf8_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    size_t i = 0;
    while (i < len) {
        i += fp_ascii_prefix(bytes + i, len - i);
        if (i == len)
            break;
        size_t bad = 0;
        uint32_t cp;
        size_t n = fp_utf8_common_sequence(bytes + i, len - i, &cp);
        if (n == 0)
            n = fp_utf8_decode(bytes + i, len - i, &cp, &bad);
        if (n > 0) {
            stats->multibyte++;
            /* The NFC quick check rides along: the sequence is decoded
             * here anyway, so a page of precomposed Vietnamese needs no
             * NFC pass at all. */
            if (!fp_nfc_is_inert((int32_t)cp))
                stats->not_inert++;
            i += n;
        } else if (i + bad == len && bytes[i] >= 0xC2 && bytes[i] < 0xF5) {
            stats->truncated_tail = 1; /* ran out of bytes, not into one */
            i += bad;
        } else {
            stats->invalid++;
            i += bad;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* <meta> prescan, after the WHATWG "prescan a byte stream" algorithm,
 * simplified: comments and other tags are skipped, attribute values are
 * read quoted or bare. */

typedef struct prescan {
    const unsigned char *s;
    size_t len, pos;
} prescan;

static int starts_with_ci(const prescan *p, const char *word)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (to_lower(p->s[p->pos + i]) != (unsigned char)word[i])
            return 0;
    return 1;
}

/* Read one attribute of the current tag into name/value (lower-cased name,
 * values truncated to the buffers).  Returns 0 at the tag's end. */
static int next_attribute(prescan *p, char *name, size_t name_size,
                          char *value, size_t value_size)
{
    size_t n = 0, v = 0;
    while (p->pos < p->len && (is_space(p->s[p->pos]) || p->s[p->pos] == '/'))
        p->pos++;
    if (p->pos >= p->len || p->s[p->pos] == '>')
        return 0;
    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (is_space(c) || c == '/' || c == '>' || (c == '=' && n > 0))
            break;
        if (n + 1 < name_size)
            name[n++] = (char)to_lower(c);
        p->pos++;
    }
    name[n] = '\0';
    value[0] = '\0';
    while (p->pos < p->len && is_space(p->s[p->pos]))
        p->pos++;
    if (p->pos >= p->len || p->s[p->pos] != '=')
        return 1;
    p->pos++;
    while (p->pos < p->len && is_space(p->s[p->pos]))
        p->pos++;
    if (p->pos < p->len && (p->s[p->pos] == '"' || p->s[p->pos] == '\'')) {
        unsigned char quote = p->s[p->pos++];
        while (p->pos < p->len && p->s[p->pos] != quote) {
            if (v + 1 < value_size)
                value[v++] = (char)p->s[p->pos];
            p->pos++;
        }
        if (p->pos < p->len)
            p->pos++;
    } else {
        while (p->pos < p->len && !is_space(p->s[p->pos]) &&
               p->s[p->pos] != '>') {
            if (v + 1 < value_size)
                value[v++] = (char)p->s[p->pos];
            p->pos++;
        }
    }
    value[v] = '\0';
    return 1;
}

static int equals_ci(const char *text, const char *lower_word)
{
    while (*text &&
           to_lower((unsigned char)*text) == (unsigned char)*lower_word) {
        text++;
        lower_word++;
    }
    return *text == '\0' && *lower_word == '\0';
}

/* The charset named in a Content-Type value: "text/html; charset=utf-8". */
static const fp_charset *charset_from_content(const char *content)
{
    size_t len = strlen(content);
    for (size_t i = 0; i + 7 <= len; i++) {
        size_t j = 0;
        while (j < 7 && to_lower((unsigned char)content[i + j]) ==
                            (unsigned char)"charset"[j])
            j++;
        if (j < 7)
            continue;
        size_t k = i + 7;
        while (k < len && is_space((unsigned char)content[k]))
            k++;
        if (k >= len || content[k] != '=')
            continue;
        k++;
        while (k < len && is_space((unsigned char)content[k]))
            k++;
        size_t start = k;
        char quote = 0;
        if (k < len && (content[k] == '"' || content[k] == '\'')) {
            quote = content[k];
            start = ++k;
            while (k < len && content[k] != quote)
                k++;
        } else {
            while (k < len && !is_space((unsigned char)content[k]) &&
                   content[k] != ';')
                k++;
        }
        return fp_charset_from_label(content + start, k - start);
    }
    return NULL;
}

static const fp_charset *meta_tag_charset(prescan *p)
{
    char name[32], value[256], content[256] = "";
    const fp_charset *declared = NULL;
    int is_content_type = 0, have_charset_attr = 0;
    while (next_attribute(p, name, sizeof name, value, sizeof value)) {
        if (strcmp(name, "charset") == 0 && !have_charset_attr) {
            have_charset_attr = 1;
            declared = fp_charset_from_label(value, strlen(value));
        } else if (strcmp(name, "http-equiv") == 0) {
            is_content_type = equals_ci(value, "content-type");
        } else if (strcmp(name, "content") == 0 && content[0] == '\0') {
            memcpy(content, value, sizeof content);
        }
    }
    if (have_charset_attr)
        return declared;
    if (is_content_type && content[0] != '\0')
        return charset_from_content(content);
    return NULL;
}

const fp_charset *fp_meta_charset(const unsigned char *bytes, size_t len)
{
    prescan p = {bytes, len < FP_PRESCAN_BYTES ? len : FP_PRESCAN_BYTES, 0};
    char name[32], value[256];
    while (p.pos < p.len) {
        if (p.s[p.pos] != '<') {
            p.pos++;
            continue;
        }
        if (starts_with_ci(&p, "<!--")) {
            p.pos += 2; /* "<!-->" closes at once, as in browsers */
            while (p.pos < p.len && !starts_with_ci(&p, "-->"))
                p.pos++;
            p.pos += 3;
            continue;
        }
        if (starts_with_ci(&p, "<meta") && p.pos + 5 < p.len &&
            (is_space(p.s[p.pos + 5]) || p.s[p.pos + 5] == '/')) {
            p.pos += 5;
            const fp_charset *declared = meta_tag_charset(&p);
            if (declared)
                return declared;
            continue;
        }
        p.pos++;
        unsigned char c = p.pos < p.len ? to_lower(p.s[p.pos]) : 0;
        if ((c >= 'a' && c <= 'z') || c == '/') {
            /* another tag: skip its attributes, whose values may hold '<' */
            while (p.pos < p.len && !is_space(p.s[p.pos]) &&
                   p.s[p.pos] != '>')
                p.pos++;
            while (next_attribute(&p, name, sizeof name, value, sizeof value))
                ;
        } else if (c == '!' || c == '?') {
            while (p.pos < p.len && p.s[p.pos] != '>')
                p.pos++;
        }
    }
    return NULL;
}
