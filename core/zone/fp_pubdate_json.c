/* JSON-LD: the dates of each object, reported with the rank of the
 * object's @type once the object has closed (its @type may come after its
 * dates).  One pass over the text, no tree: a stack of open containers and
 * the few dates still waiting for their object to close.  Malformed JSON
 * only loses dates: unmatched closers are ignored, unclosed objects never
 * report. */
#include "fp_pubdate.h"

#include <string.h>

typedef struct json_container {
    bool object;       /* '{' (else '[') */
    bool type_array;   /* an array that is the value of "@type" */
    int type_rank;     /* the object's @type: 1 article, -1 refused, 0 */
    bool typed;
} json_container;

typedef struct json_date {
    const char *key, *value;
    size_t key_len, value_len;
    size_t depth; /* of its object */
} json_date;

typedef struct json_scan {
    const pubdate_rules *rules;
    json_container stack[PD_JSON_MAX_DEPTH];
    size_t depth;       /* may exceed PD_JSON_MAX_DEPTH: not tracked then */
    json_date dates[PD_JSON_MAX_DATES];
    size_t n_dates;
    bool expect_key;    /* the next string of the object is a key */
    const char *key;    /* the current member's key */
    size_t key_len;
} json_scan;

static json_container *top(json_scan *s)
{
    return s->depth > 0 && s->depth <= PD_JSON_MAX_DEPTH
               ? &s->stack[s->depth - 1]
               : NULL;
}

static bool key_is(const json_scan *s, const char *word)
{
    size_t n = strlen(word);
    return s->key && s->key_len == n && memcmp(s->key, word, n) == 0;
}

/* The object o's @type is (also) this value: an article type wins over
 * the others, a refused one over untyped. */
static void note_type(const json_scan *s, json_container *o, const char *v,
                      size_t len)
{
    int rank = pubdate_type_rank(s->rules, v, len);
    if (!o->typed || rank > o->type_rank ||
        (rank < 0 && o->type_rank == 0))
        o->type_rank = rank;
    o->typed = true;
}

static void string_value(json_scan *s, const char *v, size_t len)
{
    json_container *c = top(s);
    if (!c)
        return;
    if (c->type_array) {
        /* "@type": ["Article", "NewsArticle"] */
        if (s->depth >= 2)
            note_type(s, &s->stack[s->depth - 2], v, len);
        return;
    }
    if (!c->object || !s->key)
        return;
    if (key_is(s, "@type")) {
        note_type(s, c, v, len);
    } else if (s->n_dates < PD_JSON_MAX_DATES &&
               pubdate_key_role(s->rules, s->key, s->key_len) !=
                   PD_ROLE_REFUSED) {
        s->dates[s->n_dates++] =
            (json_date){s->key, v, s->key_len, len, s->depth};
    }
}

/* An object closes: report its dates, in the order they were written. */
static void close_object(json_scan *s, const json_container *o,
                         pubdate_json_fn fn, void *user)
{
    size_t kept = 0;
    for (size_t i = 0; i < s->n_dates; i++) {
        json_date *d = &s->dates[i];
        if (d->depth == s->depth)
            fn(user, d->key, d->key_len, d->value, d->value_len,
               o->type_rank);
        else
            s->dates[kept++] = *d;
    }
    s->n_dates = kept;
}

static void open_container(json_scan *s, bool object)
{
    if (s->depth < PD_JSON_MAX_DEPTH) {
        json_container *parent = top(s);
        s->stack[s->depth] = (json_container){
            .object = object,
            .type_array = !object && parent && parent->object &&
                          key_is(s, "@type"),
        };
    }
    s->depth++;
    s->expect_key = object;
    s->key = NULL;
}

/* End of the string starting after the opening quote at p, or end. */
static const char *string_end(const char *p, const char *end)
{
    while (p < end && *p != '"')
        p += *p == '\\' && p + 1 < end ? 2 : 1;
    return p;
}

void pubdate_scan_jsonld(const pubdate_rules *r, const char *json, size_t len,
                         pubdate_json_fn fn, void *user)
{
    if (!r || !json)
        return;
    json_scan s;
    memset(&s, 0, sizeof s);
    s.rules = r;
    const char *p = json, *end = json + len;
    while (p < end) {
        char c = *p;
        if (c == '"') {
            const char *close = string_end(p + 1, end);
            size_t n = (size_t)(close - (p + 1));
            json_container *t = top(&s);
            if (s.expect_key && t && t->object) {
                s.key = p + 1;
                s.key_len = n;
                s.expect_key = false;
            } else {
                string_value(&s, p + 1, n);
            }
            p = close + 1;
            continue;
        }
        if (c == '{' || c == '[') {
            open_container(&s, c == '{');
        } else if (c == '}' || c == ']') {
            if (s.depth > 0) {
                json_container *t = top(&s);
                if (t && t->object)
                    close_object(&s, t, fn, user);
                s.depth--;
            }
            /* The member whose value this was is complete. */
            s.expect_key = false;
            s.key = NULL;
        } else if (c == ',') {
            json_container *t = top(&s);
            s.expect_key = t && t->object;
            if (s.expect_key)
                s.key = NULL;
        }
        p++;
    }
}
