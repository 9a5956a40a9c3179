#include "fp_html_guard.h"

#include <string.h>
#include <strings.h>

/* What a byte can end while a start tag is read: libxml2's IS_BLANK_CH
 * (blank), and the bytes that may end a tag name or an attribute name
 * ('>' and '/', which ends one only before '>'; '=' only a name).  One
 * table lookup per byte: this scan runs over every page in full. */
enum { BLANK = 1, ENDS_TAG_NAME = 2, ENDS_ATTRIBUTE_NAME = 4 };

static const unsigned char byte_class[256] = {
    [' '] = BLANK | ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['\t'] = BLANK | ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['\n'] = BLANK | ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['\r'] = BLANK | ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['>'] = ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['/'] = ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME,
    ['='] = ENDS_ATTRIBUTE_NAME,
};

static int is_blank(unsigned char c)
{
    return byte_class[c] & BLANK;
}

static int is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t skip_blanks(const unsigned char *s, size_t i, size_t len)
{
    while (i < len && is_blank(s[i]))
        i++;
    return i;
}

static int tag_ends_at(const unsigned char *s, size_t i, size_t len)
{
    return s[i] == '>' || (s[i] == '/' && i + 1 < len && s[i + 1] == '>');
}

/* Skip bytes up to one of class `stops` that ends the run: a blank, '>',
 * "/>", or (for ENDS_ATTRIBUTE_NAME) '='.  A '/' not before '>' is part
 * of the run. */
static size_t skip_run(const unsigned char *s, size_t i, size_t len,
                       unsigned char stops)
{
    for (;;) {
        while (i < len && !(byte_class[s[i]] & stops))
            i++;
        if (i < len && s[i] == '/' && !tag_ends_at(s, i, len)) {
            i++;
            continue;
        }
        return i;
    }
}

/* An attribute value after '=' (blanks skipped): quoted up to the
 * matching quote, else up to a blank or '>'.  Returns where it ends. */
static size_t skip_value(const unsigned char *s, size_t i, size_t len)
{
    if (i < len && (s[i] == '"' || s[i] == '\'')) {
        const unsigned char *close = memchr(s + i + 1, s[i], len - i - 1);
        return close ? (size_t)(close - s) + 1 : len;
    }
    while (i < len && !(byte_class[s[i]] & BLANK) && s[i] != '>')
        i++;
    return i;
}

/* A start tag whose '<' is at `open`: count its attributes the way
 * htmlParseStartTag reads them.  Every non-blank token before the tag's
 * end counts, including names libxml2 would reject: counting too many
 * only matters far past any real page.  Returns where the tag ends. */
static size_t scan_start_tag(const unsigned char *s, size_t open, size_t len,
                             size_t *n_attributes)
{
    size_t i = skip_run(s, open + 1, len, ENDS_TAG_NAME), n = 0;
    for (;;) {
        i = skip_blanks(s, i, len);
        if (i >= len || tag_ends_at(s, i, len))
            break;
        n++;
        i = skip_run(s, i, len, ENDS_ATTRIBUTE_NAME);
        i = skip_blanks(s, i, len);
        if (i < len && s[i] == '=')
            i = skip_value(s, skip_blanks(s, i + 1, len), len);
    }
    *n_attributes = n;
    return i;
}

/* Does the start tag at `open` name a raw-text element (script, style),
 * whose content the parser reads as text, not tags? */
static const char *raw_text_name(const unsigned char *s, size_t open,
                                 size_t len)
{
    static const char *const names[] = {"script", "style"};
    if (open + 1 >= len || (s[open + 1] | 0x20) != 's')
        return NULL; /* asked at every tag: most start otherwise */
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        size_t n = strlen(names[k]);
        if (open + 1 + n < len &&
            strncasecmp((const char *)s + open + 1, names[k], n) == 0 &&
            byte_class[s[open + 1 + n]] & ENDS_TAG_NAME)
            return names[k];
    }
    return NULL;
}

/* Where the raw text from i ends: at "</name" (any case), or len. */
static size_t skip_raw_text(const unsigned char *s, size_t i, size_t len,
                            const char *name)
{
    size_t n = strlen(name);
    while (i < len) {
        const unsigned char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            return len;
        size_t at = (size_t)(lt - s);
        if (at + 2 + n <= len && s[at + 1] == '/' &&
            strncasecmp((const char *)s + at + 2, name, n) == 0)
            return at;
        i = at + 1;
    }
    return len;
}

void fp_html_attribute_load(const char *html, size_t len,
                            fp_attribute_load *load)
{
    const unsigned char *s = (const unsigned char *)html;
    memset(load, 0, sizeof *load);
    size_t i = 0;
    while (i < len) {
        const unsigned char *open = memchr(s + i, '<', len - i);
        if (!open)
            break;
        size_t at = (size_t)(open - s);
        /* Only '<' + letter opens a start tag; end tags, comments and
         * declarations carry no attribute list libxml2 checks. */
        if (at + 1 >= len || !is_ascii_letter(s[at + 1])) {
            i = at + 1;
            continue;
        }
        size_t n;
        i = scan_start_tag(s, at, len, &n);
        /* A script's "a<b" is no tag to the parser. */
        const char *raw = raw_text_name(s, at, len);
        if (raw)
            i = skip_raw_text(s, i, len, raw);
        load->pairs += (uint64_t)n * (n ? n - 1 : 0) / 2;
        if (n > load->most) {
            load->most = n;
            load->most_offset = at;
        }
    }
}
