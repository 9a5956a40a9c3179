#include "fp_html_markup.h"

#include "../common/fp_grow.h"

#include "fp_html_strings.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fp_markup_builder_init(fp_markup_builder *b)
{
    memset(b, 0, sizeof *b);
}

void fp_markup_builder_release(fp_markup_builder *b)
{
    fp_markup_free(&b->markup);
    memset(b, 0, sizeof *b);
}

void fp_markup_builder_take(fp_markup_builder *b, fp_markup *out)
{
    *out = b->markup;
    memset(b, 0, sizeof *b);
}

static const char *attribute(const xmlChar **attributes, const char *name)
{
    for (size_t i = 0; attributes && attributes[i]; i += 2)
        if (strcmp((const char *)attributes[i], name) == 0)
            return attributes[i + 1] ? (const char *)attributes[i + 1] : "";
    return NULL;
}

/* A trimmed copy cut at FP_MARKUP_MAX_VALUE bytes (at a character
 * boundary), lower-cased if asked; NULL for NULL.  *oom on failure. */
static char *copy_value(const char *s, int lower, int *oom)
{
    if (!s)
        return NULL;
    while (fp_is_ascii_space((unsigned char)*s))
        s++;
    size_t len = strlen(s);
    while (len && fp_is_ascii_space((unsigned char)s[len - 1]))
        len--;
    if (len > FP_MARKUP_MAX_VALUE) {
        len = FP_MARKUP_MAX_VALUE;
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        *oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        copy[i] = (char)(lower && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    copy[len] = '\0';
    return copy;
}

static int has_digit(const char *s)
{
    for (; s && *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

/* Does s contain word (ASCII, any case)?  For attribute values such as
 * rel="canonical" and type="application/ld+json". */
static int contains_nocase(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; s && *s; s++)
        if (strncasecmp(s, word, n) == 0)
            return 1;
    return 0;
}

static fp_markup_item *new_item(fp_markup_builder *b, fp_markup_kind kind,
                                const char *tag, fp_markup_place at)
{
    if (b->markup.n_items >= FP_MARKUP_MAX_ITEMS)
        return NULL;
    if (fp_grow((void **)&b->markup.items, &b->items_cap,
                b->markup.n_items + 1, sizeof *b->markup.items, 16) < 0)
        return NULL;
    fp_markup_item *item = &b->markup.items[b->markup.n_items++];
    memset(item, 0, sizeof *item);
    item->kind = kind;
    strncpy(item->tag, tag, sizeof item->tag - 1);
    item->element = at.element;
    item->text_start = at.text_pos;
    item->text_end = at.text_pos;
    return item;
}

/* <meta>: one item per key attribute whose content holds a digit (a date
 * needs one); og:url is kept apart as the page's URL. */
static int meta_start(fp_markup_builder *b, const xmlChar **attributes,
                      fp_markup_place at)
{
    static const char *const key_attributes[] = {"property", "name",
                                                 "itemprop", "http-equiv"};
    const char *content = attribute(attributes, "content");
    if (!content)
        content = attribute(attributes, "datetime");
    if (!content)
        return 0;
    int oom = 0;
    const char *property = attribute(attributes, "property");
    if (!b->markup.og_url && property && strcasecmp(property, "og:url") == 0)
        b->markup.og_url = copy_value(content, 0, &oom);
    if (!has_digit(content))
        return oom ? -1 : 0;
    int pubdate = attribute(attributes, "pubdate") != NULL;
    for (size_t k = 0; k < sizeof key_attributes / sizeof *key_attributes &&
                       !oom;
         k++) {
        const char *key = attribute(attributes, key_attributes[k]);
        if (!key || !*key)
            continue;
        fp_markup_item *item = new_item(b, FP_MARKUP_META, "meta", at);
        if (!item)
            return b->markup.n_items >= FP_MARKUP_MAX_ITEMS ? 0 : -1;
        item->pubdate = pubdate;
        item->key = copy_value(key, 1, &oom);
        item->value = copy_value(content, 0, &oom);
    }
    return oom ? -1 : 0;
}

static int link_start(fp_markup_builder *b, const xmlChar **attributes)
{
    const char *rel = attribute(attributes, "rel");
    const char *href = attribute(attributes, "href");
    if (b->markup.canonical || !rel || !href ||
        !contains_nocase(rel, "canonical"))
        return 0;
    int oom = 0;
    b->markup.canonical = copy_value(href, 0, &oom);
    return oom ? -1 : 0;
}

/* Is an itemprop value a date property?  schema.org names every date
 * property with "Date"/"date" (datePublished, uploadDate, dateModified);
 * which ones mean publication is config's to say. */
static int is_date_itemprop(const char *itemprop)
{
    return itemprop && contains_nocase(itemprop, "date");
}

/* Any other element: kept when it can state a date in an attribute
 * (datetime, a date itemprop, <abbr title>) or is a <time>. */
static int element_start(fp_markup_builder *b, const char *name,
                         const xmlChar **attributes, fp_markup_place at,
                         int32_t *item_index)
{
    int is_time = name[0] == 't' && strcmp(name, "time") == 0;
    /* Most elements: no attribute, or none that can hold a date. */
    if (!attributes && !is_time)
        return 0;
    const char *datetime = NULL, *itemprop = NULL, *content = NULL;
    int pubdate = 0;
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        const char *attr = (const char *)attributes[i];
        const char *value = attributes[i + 1] ? (const char *)attributes[i + 1]
                                              : "";
        if (attr[0] == 'd' && strcmp(attr, "datetime") == 0)
            datetime = value;
        else if (attr[0] == 'i' && strcmp(attr, "itemprop") == 0)
            itemprop = value;
        else if (attr[0] == 'c' && strcmp(attr, "content") == 0)
            content = value;
        else if (attr[0] == 'p' && strcmp(attr, "pubdate") == 0)
            pubdate = 1;
    }
    const char *title = NULL;
    if (name[0] == 'a' && strcmp(name, "abbr") == 0) {
        title = attribute(attributes, "title");
        if (title && !has_digit(title))
            title = NULL;
    }
    int date_itemprop = is_date_itemprop(itemprop);
    if (!is_time && !datetime && !date_itemprop && !title)
        return 0;
    fp_markup_item *item = new_item(b, FP_MARKUP_ELEMENT, name, at);
    if (!item)
        return b->markup.n_items >= FP_MARKUP_MAX_ITEMS ? 0 : -1;
    *item_index = (int32_t)(b->markup.n_items - 1);
    int oom = 0;
    item->pubdate = pubdate;
    item->key = date_itemprop ? copy_value(itemprop, 1, &oom) : NULL;
    const char *value = datetime ? datetime
                        : date_itemprop && content ? content
                                                   : title;
    item->value = copy_value(value, 0, &oom);
    bool hidden; /* a date item is read whether shown or not */
    item->cues = fp_html_element_cues(attributes, &hidden, &oom);
    return oom ? -1 : 0;
}

int fp_markup_element_start(fp_markup_builder *b, const char *name,
                            const xmlChar **attributes, fp_markup_place at,
                            int32_t *item, int *script_jsonld)
{
    *item = -1;
    *script_jsonld = 0;
    switch (name[0]) {
    case 'm':
        if (strcmp(name, "meta") == 0)
            return meta_start(b, attributes, at);
        break;
    case 'l':
        if (strcmp(name, "link") == 0)
            return link_start(b, attributes);
        break;
    case 's':
        if (strcmp(name, "script") == 0) {
            const char *type = attribute(attributes, "type");
            *script_jsonld = type && contains_nocase(type, "ld+json");
            if (*script_jsonld) {
                b->in_jsonld = 1;
                b->script_start = b->markup.jsonld_len;
            }
            return 0;
        }
        break;
    case 'h':
        if (strcmp(name, "html") == 0 && !b->markup.lang) {
            int oom = 0;
            b->markup.lang = copy_value(attribute(attributes, "lang"), 1, &oom);
            return oom ? -1 : 0;
        }
        break;
    default:
        break;
    }
    return element_start(b, name, attributes, at, item);
}

void fp_markup_element_end(fp_markup_builder *b, int32_t item,
                           const char *text, uint32_t text_pos)
{
    if (item < 0 || (size_t)item >= b->markup.n_items)
        return;
    fp_markup_item *it = &b->markup.items[item];
    /* The space or line break before the element's first byte was written
     * only once that byte came. */
    while (it->text_start < text_pos &&
           (text[it->text_start] == ' ' || text[it->text_start] == '\n'))
        it->text_start++;
    it->text_end = text_pos;
}

int fp_markup_script_text(fp_markup_builder *b, const xmlChar *chunk,
                          size_t len)
{
    fp_markup *m = &b->markup;
    if (!b->in_jsonld || b->jsonld_full)
        return 0;
    /* Room for the chunk and the '\n' that ends the script. */
    if (m->jsonld_len + len + 1 > FP_MARKUP_MAX_JSONLD) {
        /* A script cut in the middle would not parse: drop all of this
         * one, keep the whole ones before it. */
        b->jsonld_full = 1;
        m->jsonld_len = b->script_start;
        if (m->jsonld)
            m->jsonld[m->jsonld_len] = '\0';
        return 0;
    }
    if (fp_grow((void **)&m->jsonld, &b->jsonld_cap, m->jsonld_len + len + 2,
                1, 1024) < 0)
        return -1;
    memcpy(m->jsonld + m->jsonld_len, chunk, len);
    m->jsonld_len += len;
    m->jsonld[m->jsonld_len] = '\0';
    return 0;
}

void fp_markup_script_end(fp_markup_builder *b)
{
    fp_markup *m = &b->markup;
    if (b->in_jsonld && !b->jsonld_full && m->jsonld_len > b->script_start) {
        /* fp_markup_script_text kept room for it. */
        m->jsonld[m->jsonld_len++] = '\n';
        m->jsonld[m->jsonld_len] = '\0';
    }
    b->in_jsonld = 0;
}
