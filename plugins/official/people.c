/*
 * people.c — see people.h.
 */
#include "people.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

enum { PERSON_MAX_TITLES = 12 };

typedef struct person {
    const mention *first; /* first full-name mention: value and span */
    size_t last_start;    /* start of its latest mention so far */
    const char *titles[PERSON_MAX_TITLES]; /* owned by the mentions */
    size_t n_titles;
    honorific_kind honorific; /* strongest honorific outside private talk */
    bool titled_after;
} person;

/* Whether `longer` is `shorter` followed by more words. */
static bool extends(const char *longer, const char *shorter)
{
    size_t n = strlen(shorter);
    return strncmp(longer, shorter, n) == 0 &&
           (longer[n] == ' ' || longer[n] == ',');
}

static void add_title(person *p, const char *title)
{
    for (size_t i = 0; i < p->n_titles; i++) {
        if (strcmp(p->titles[i], title) == 0 || extends(p->titles[i], title))
            return; /* known, or a short form of a known title */
        if (extends(title, p->titles[i])) {
            p->titles[i] = title; /* the fuller form of a title seen */
            return;
        }
    }
    if (p->n_titles < PERSON_MAX_TITLES)
        p->titles[p->n_titles++] = title;
}

static void merge(person *p, const mention *m)
{
    for (size_t i = 0; i < m->n_titles; i++)
        add_title(p, m->titles[i]);
    honorific_kind honorific = m->honorific;
    if (honorific == HONORIFIC_UNLESS_PRIVATE && m->private_context)
        honorific = HONORIFIC_NEEDS_TITLE;
    if (honorific > p->honorific)
        p->honorific = honorific;
    p->titled_after |= m->titled_after;
    p->last_start = m->start;
}

static person *find_by_name(person *people, size_t n, const mention *m)
{
    for (size_t i = 0; i < n; i++)
        if (people[i].first->chrome == m->chrome &&
            strcmp(people[i].first->name, m->name) == 0)
            return &people[i];
    return NULL;
}

/* The last word of a full name: its given name. */
static const char *given_name(const char *name)
{
    const char *space = strrchr(name, ' ');
    return space ? space + 1 : name;
}

/* The person a given-name mention refers to: of that given name, in the
 * same part of the page, the one whose latest mention comes last before
 * it, or else the first one mentioned after it. */
static person *find_by_given_name(person *people, size_t n, const mention *m)
{
    person *best = NULL;
    for (size_t i = 0; i < n; i++) {
        person *p = &people[i];
        if (p->first->chrome != m->chrome ||
            strcmp(given_name(p->first->name), m->name) != 0)
            continue;
        bool before = p->first->start < m->start;
        if (best == NULL ||
            (before && (best->first->start > m->start ||
                        p->last_start > best->last_start)))
            best = p;
    }
    return best;
}

static bool folded_equal_listed(const lexicon *lex, const char *name)
{
    char folded[LEXICON_MAX_ENTRY];
    return text_fold(name, strlen(name), folded, sizeof folded) &&
           lexicon_find(lex, folded, NULL);
}

/* Whether the byline ("Thu Lan", "Tin, ảnh: Thanh Hà") names this person
 * as its author. */
static bool is_byline_author(const fp_document *doc, const char *name)
{
    const char *byline = doc->meta ? doc->meta->byline : NULL;
    if (byline == NULL)
        return false;
    size_t n = strlen(name);
    for (const char *at = strstr(byline, name); at != NULL;
         at = strstr(at + 1, name)) {
        bool starts = at == byline || at[-1] == ' ' || at[-1] == ':' ||
                      at[-1] == ',';
        bool ends = at[n] == '\0' || at[n] == ' ' || at[n] == ',' ||
                    at[n] == '-' || at[n] == ')';
        if (starts && ends)
            return true;
    }
    return false;
}

static bool is_official(const official_lexicons *lex, const fp_document *doc,
                        const person *p, const person *people, size_t n)
{
    if (p->n_titles == 0 && p->honorific < HONORIFIC_UNLESS_PRIVATE)
        return false;
    if (is_byline_author(doc, p->first->name))
        return false;
    if (!p->titled_after &&
        folded_equal_listed(&lex->historical_figures, p->first->name))
        return false;
    /* A person named in chrome and in the article is the article's. */
    if (p->first->chrome)
        for (size_t i = 0; i < n; i++)
            if (!people[i].first->chrome &&
                strcmp(people[i].first->name, p->first->name) == 0)
                return false;
    return true;
}

static int emit_person(const person *p, const fp_host *host)
{
    fp_attr children[PERSON_MAX_TITLES];
    for (size_t i = 0; i < p->n_titles; i++)
        children[i] = (fp_attr){"title", p->titles[i]};
    fp_fact fact = {
        .struct_size = (uint32_t)sizeof fact,
        .kind = NULL,
        .start = p->first->start,
        .end = p->first->end,
        .value = p->first->name,
        .children = children,
        .n_children = p->n_titles,
    };
    if (fp_emit(host, &fact) != FP_OK)
        return fp_errorf(host, "the host refused official \"%s\" at bytes "
                         "%zu-%zu", fact.value, fact.start, fact.end);
    return FP_OK;
}

int people_emit(const official_lexicons *lex, const mention_list *mentions,
                const fp_document *doc, const fp_host *host)
{
    if (mentions->count == 0)
        return FP_OK;
    person *people = calloc(mentions->count, sizeof *people);
    if (people == NULL)
        return fp_errorf(host, "%s: out of memory merging %zu mentions",
                         doc->source, mentions->count);
    size_t n = 0;
    for (size_t i = 0; i < mentions->count; i++) {
        const mention *m = &mentions->items[i];
        if (m->given_only)
            continue;
        person *p = find_by_name(people, n, m);
        if (p == NULL) {
            p = &people[n++];
            p->first = m;
        }
        merge(p, m);
    }
    for (size_t i = 0; i < mentions->count; i++) {
        const mention *m = &mentions->items[i];
        person *p = m->given_only ? find_by_given_name(people, n, m) : NULL;
        if (p != NULL)
            merge(p, m);
    }
    int rc = FP_OK;
    for (size_t i = 0; i < n && rc == FP_OK; i++)
        if (is_official(lex, doc, &people[i], people, n))
            rc = emit_person(&people[i], host);
    free(people);
    return rc;
}
