/* HTML or plain text?  Markup sniffing on the first bytes. */
#include "fp_input.h"
#include "input_internal.h"

#include <string.h>

/* Tags that, first in a file, make it a page.  Each must be followed by a
 * space, '>' or '/' ("<p>" is a paragraph, "<pho" is not a tag). */
static const char *const leading_tags[] = {
    "html", "head", "body", "meta", "title", "div", "table", "p", "span",
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "br", "ul", "ol", "li", "link",
    "script", "style", "font", "b", "i", "pre", "center", "form", "iframe",
    "section", "article", "header", "nav", "main", "base", "img", "tr",
    "td", "strong", "em",
};

/* Anywhere in the first 4 KiB these mean HTML. */
static const char *const telltale_markup[] = {"<html", "<body", "</p>",
                                              "<br"};

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static int has_prefix_ci(const unsigned char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != (unsigned char)word[i])
            return 0;
    return 1;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int starts_like_markup(const unsigned char *s, size_t len)
{
    if (len < 2 || s[0] != '<')
        return 0;
    if (has_prefix_ci(s, len, "<!doctype html") ||
        has_prefix_ci(s, len, "<!--") || has_prefix_ci(s, len, "<?xml"))
        return 1;
    for (size_t i = 0; i < sizeof leading_tags / sizeof leading_tags[0]; i++) {
        size_t n = strlen(leading_tags[i]);
        if (has_prefix_ci(s + 1, len - 1, leading_tags[i]) &&
            (len == n + 1 || is_space(s[n + 1]) || s[n + 1] == '>' ||
             s[n + 1] == '/'))
            return 1;
    }
    return 0;
}

static fp_format sniff_ascii(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(s[i]))
        i++;
    if (starts_like_markup(s + i, len - i))
        return FP_FORMAT_HTML;
    for (i = 0; i < len; i++) {
        if (s[i] != '<')
            continue;
        for (size_t k = 0;
             k < sizeof telltale_markup / sizeof telltale_markup[0]; k++)
            if (has_prefix_ci(s + i, len - i, telltale_markup[k]))
                return FP_FORMAT_HTML;
    }
    return FP_FORMAT_TEXT;
}

fp_format fp_sniff_format(const unsigned char *bytes, size_t len)
{
    size_t bom_len = 0;
    const fp_charset *bom = fp_charset_from_bom(bytes, len, &bom_len);
    bytes += bom_len;
    len -= bom_len;
    if (bom == &fp_charset_utf16le || bom == &fp_charset_utf16be) {
        /* Look at the ASCII characters of the UTF-16: one per code unit,
         * anything outside ASCII as a byte no markup test matches. */
        unsigned char view[FP_PRESCAN_BYTES];
        size_t n = 0;
        int high_first = bom == &fp_charset_utf16be;
        for (size_t i = 0; i + 1 < len && n < sizeof view; i += 2) {
            unsigned char high = bytes[i + !high_first];
            unsigned char low = bytes[i + high_first];
            view[n++] = (high == 0 && low < 0x80) ? low : 0x80;
        }
        return sniff_ascii(view, n);
    }
    return sniff_ascii(bytes, len < FP_PRESCAN_BYTES ? len : FP_PRESCAN_BYTES);
}
