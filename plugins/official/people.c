/*
 * people.c — see people.h.
 */
#include "people.h"

#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { PERSON_MAX_TITLES = 12 };

typedef struct person {
    const mention *first; /* first mention: value and span */
    const char *titles[PERSON_MAX_TITLES]; /* owned by the mentions */
    size_t n_titles;
    bool official;     /* one of its mentions names a capacity */
    bool titled_after;
} person;

/* A hash index from (folded name, chrome) to a person.  Keys point into
 * the folded names kept by people_emit. */
typedef struct name_index {
    const char **keys;
    bool *chrome;
    size_t *person;
    size_t capacity;
} name_index;

typedef struct merger {
    const official_lexicons *lex;
    const mention *mentions;
    char **folded;      /* per mention: its name folded, then its given */
    const char **given; /* per mention: the folded given name */
    const char **bare;  /* per mention: the folded name after its
                           baptismal name, or NULL without one */
    person *people;
    size_t n_people;
    name_index by_name, given_latest, given_first;
} merger;

static bool index_init(name_index *index, size_t n)
{
    size_t capacity = 16;
    while (capacity < 2 * n + 1)
        capacity *= 2;
    index->keys = calloc(capacity, sizeof *index->keys);
    index->chrome = calloc(capacity, sizeof *index->chrome);
    index->person = calloc(capacity, sizeof *index->person);
    index->capacity = capacity;
    return index->keys && index->chrome && index->person;
}

static void index_free(name_index *index)
{
    free(index->keys);
    free(index->chrome);
    free(index->person);
}

static size_t index_slot(const name_index *index, const char *key,
                         bool chrome)
{
    size_t mask = index->capacity - 1;
    size_t slot = (size_t)(lexicon_hash(key) ^ chrome) & mask;
    while (index->keys[slot] != NULL &&
           !(index->chrome[slot] == chrome &&
             strcmp(index->keys[slot], key) == 0))
        slot = (slot + 1) & mask;
    return slot;
}

/* The person filed under key, or SIZE_MAX. */
static size_t index_find(const name_index *index, const char *key,
                         bool chrome)
{
    size_t slot = index_slot(index, key, chrome);
    return index->keys[slot] ? index->person[slot] : SIZE_MAX;
}

/* The index never holds more keys than mentions, half its capacity. */
static void index_set(name_index *index, const char *key, bool chrome,
                      size_t who)
{
    size_t slot = index_slot(index, key, chrome);
    index->keys[slot] = key;
    index->chrome[slot] = chrome;
    index->person[slot] = who;
}

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

/* Whether this mention gives the person a post: a title, a predicate, a
 * place in a list of candidates or members outside a private story. */
static bool names_post(const mention *m)
{
    return m->n_titles > 0 || m->predicate || (m->listed && !m->story);
}

/* Whether this mention alone names the person in an official capacity
 * (the guideline (docs/GUIDELINE.md, "official")). */
static bool names_capacity(const mention *m)
{
    if (names_post(m))
        return true;
    switch (m->honorific) {
    case HONORIFIC_ALWAYS:
        return true;
    case HONORIFIC_UNLESS_PRIVATE:
        /* "ông Sáu Vô", "ông Li Wei": no public figure without a post */
        return m->surnamed && !m->story && !m->identity;
    default:
        return false;
    }
}

static void merge(person *p, const mention *m)
{
    for (size_t i = 0; i < m->n_titles; i++)
        add_title(p, m->titles[i]);
    p->official |= names_capacity(m);
    p->titled_after |= m->titled_after;
}

static size_t new_person(merger *mg, const mention *m)
{
    person *p = &mg->people[mg->n_people];
    memset(p, 0, sizeof *p);
    p->first = m;
    return mg->n_people++;
}

/* Folds each mention's name and finds its given name (its last word). */
static bool fold_names(merger *mg, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *name = mg->mentions[i].name;
        size_t len = strlen(name), cap = 3 * len + 1;
        mg->folded[i] = malloc(cap);
        if (mg->folded[i] == NULL ||
            !text_fold(name, len, mg->folded[i], cap))
            return false;
        const char *space = strrchr(mg->folded[i], ' ');
        mg->given[i] = space ? space + 1 : mg->folded[i];
        const char *bare = mg->folded[i];
        for (size_t w = 0; bare != NULL && w < mg->mentions[i].baptismal; w++)
            if ((bare = strchr(bare, ' ')) != NULL)
                bare++;
        mg->bare[i] = mg->mentions[i].baptismal > 0 ? bare : NULL;
    }
    return true;
}

/* Full names first, in text order; a given name alone joins the person
 * of that given name mentioned last before it, a name after a baptismal
 * name the person of that name ("Giuse Nguyễn Năng", "Nguyễn Năng").
 * The others wait. */
static void merge_full_names(merger *mg, size_t n, size_t *waiting,
                             size_t *n_waiting)
{
    for (size_t i = 0; i < n; i++) {
        const mention *m = &mg->mentions[i];
        size_t p;
        if (m->given_only) {
            p = index_find(&mg->given_latest, mg->given[i], m->chrome);
            if (p == SIZE_MAX) {
                waiting[(*n_waiting)++] = i;
                continue;
            }
        } else {
            const char *bare = mg->bare[i];
            p = index_find(&mg->by_name, mg->folded[i], m->chrome);
            if (p == SIZE_MAX && bare != NULL)
                p = index_find(&mg->by_name, bare, m->chrome);
            if (p == SIZE_MAX) {
                p = new_person(mg, m);
                index_set(&mg->by_name, mg->folded[i], m->chrome, p);
                if (bare != NULL &&
                    index_find(&mg->by_name, bare, m->chrome) == SIZE_MAX)
                    index_set(&mg->by_name, bare, m->chrome, p);
                if (index_find(&mg->given_first, mg->given[i], m->chrome) ==
                    SIZE_MAX)
                    index_set(&mg->given_first, mg->given[i], m->chrome, p);
            }
        }
        index_set(&mg->given_latest, mg->given[i], m->chrome, p);
        merge(&mg->people[p], m);
    }
}

/* A given name mentioned before any full name of it joins the first
 * person of that given name; with none, it is a person of its own
 * ("bộ trưởng Ngọ") when it has a capacity, and later mentions of the
 * same given name join it. */
static void merge_waiting(merger *mg, const size_t *waiting, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = waiting[k];
        const mention *m = &mg->mentions[i];
        size_t p = index_find(&mg->given_first, mg->given[i], m->chrome);
        if (p == SIZE_MAX)
            p = index_find(&mg->by_name, mg->folded[i], m->chrome);
        if (p == SIZE_MAX) {
            /* "Đồng chí Hạnh" alone is someone named before, not here */
            if (!names_post(m))
                continue;
            p = new_person(mg, m);
            index_set(&mg->by_name, mg->folded[i], m->chrome, p);
        }
        merge(&mg->people[p], m);
    }
}

static bool folded_equal_listed(const lexicon *lex, const char *folded)
{
    return strlen(folded) < LEXICON_MAX_ENTRY &&
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

static bool is_official(const merger *mg, const fp_document *doc,
                        const person *p, const char *folded)
{
    if (!p->official || is_byline_author(doc, p->first->name))
        return false;
    if (!p->titled_after &&
        folded_equal_listed(&mg->lex->historical_figures, folded))
        return false;
    /* A person named in chrome and in the article is the article's. */
    return !p->first->chrome ||
           index_find(&mg->by_name, folded, false) == SIZE_MAX;
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

static int by_start(const void *a, const void *b)
{
    size_t x = ((const person *)a)->first->start;
    size_t y = ((const person *)b)->first->start;
    return (x > y) - (x < y);
}

static void merger_free(merger *mg, size_t n)
{
    if (mg->folded != NULL)
        for (size_t i = 0; i < n; i++)
            free(mg->folded[i]);
    free(mg->folded);
    free(mg->given);
    free(mg->bare);
    free(mg->people);
    index_free(&mg->by_name);
    index_free(&mg->given_latest);
    index_free(&mg->given_first);
}

int people_emit(const official_lexicons *lex, const mention_list *mentions,
                const fp_document *doc, const fp_host *host)
{
    size_t n = mentions->count;
    if (n == 0)
        return FP_OK;
    merger mg = {.lex = lex, .mentions = mentions->items};
    mg.folded = calloc(n, sizeof *mg.folded);
    mg.given = calloc(n, sizeof *mg.given);
    mg.bare = calloc(n, sizeof *mg.bare);
    mg.people = calloc(n, sizeof *mg.people);
    size_t *waiting = calloc(n, sizeof *waiting);
    /* by_name holds a name and its name without a baptismal name */
    bool ready = mg.folded && mg.given && mg.bare && mg.people && waiting &&
                 index_init(&mg.by_name, 2 * n) &&
                 index_init(&mg.given_latest, n) &&
                 index_init(&mg.given_first, n) && fold_names(&mg, n);
    if (!ready) {
        free(waiting);
        merger_free(&mg, n);
        return fp_errorf(host, "%s: out of memory merging %zu mentions",
                         doc->source, n);
    }
    size_t n_waiting = 0;
    merge_full_names(&mg, n, waiting, &n_waiting);
    merge_waiting(&mg, waiting, n_waiting);
    free(waiting);
    /* Decide before sorting: the folded name is the first mention's. */
    for (size_t i = 0; i < mg.n_people; i++) {
        person *p = &mg.people[i];
        size_t m = (size_t)(p->first - mg.mentions);
        p->official = is_official(&mg, doc, p, mg.folded[m]);
    }
    qsort(mg.people, mg.n_people, sizeof *mg.people, by_start);
    int rc = FP_OK;
    for (size_t i = 0; i < mg.n_people && rc == FP_OK; i++)
        if (mg.people[i].official)
            rc = emit_person(&mg.people[i], host);
    merger_free(&mg, n);
    return rc;
}
