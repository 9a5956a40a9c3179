/*
 * official — the officials extractor (the guideline (docs/GUIDELINE.md,
 * "official")).
 *
 * Finds people named in an official capacity: a personal name first, then
 * its capacity from the words around it — a title before or after the
 * name, a post stated as a predicate, a mandate, a list of candidates or
 * members, or an introduction as "đồng chí", "ông", "bà" in the article's
 * business — and reports one fact per person per document with the full
 * name as its value and one `title` child per title.
 *
 * Everything language-specific is data: title heads, the words that end
 * a title, organisation words, honorifics, the words around a name
 * (prefixes, ranks, predicates, list words...), surnames (Vietnamese,
 * and the Chinese and Korean ones read after a title), baptismal names
 * and name syllables,
 * place words, unit names, provinces and cities, countries, historical
 * figures and private-story cues are lexicon files
 * (config/lexicons/official-*.txt) loaded once in create(), and indexed
 * together by word (word_roles.c).
 * extract() runs a hand-written scanner over each block's words (scan.c)
 * — no regular expressions, one pass per block after one look-up per
 * word, bounded look-ahead, so linear in the text — and merges the
 * mentions per document by hash (people.c).  The instance is read-only
 * after create(); extract() allocates its own scratch space, so threads
 * may share an instance.
 */
#include <factpipe/plugin.h>

#include "lexicon.h"
#include "people.h"
#include "scan.h"
#include "tokens.h"

#include <stddef.h>
#include <stdlib.h>

enum {
    OPTION_TITLE_HEADS,
    OPTION_TITLE_STOPS,
    OPTION_ORG_ENDS,
    OPTION_ORG_STARTS,
    OPTION_HONORIFICS,
    OPTION_CONTEXT_WORDS,
    OPTION_SURNAMES,
    OPTION_NAME_SYLLABLES,
    OPTION_PLACE_WORDS,
    OPTION_ADMIN_UNITS,
    OPTION_COUNTRIES,
    OPTION_HISTORICAL_FIGURES,
    OPTION_PRIVATE_CUES,
    OPTION_PROVINCES,
    OPTION_FOREIGN_SURNAMES,
    OPTION_CHRISTIAN_NAMES,
    N_OPTIONS
};

#define LEXICON_OPTION(NAME, FILE, DESCRIPTION)                            \
    {.name = NAME, .type = FP_OPT_PATH,                                    \
     .default_value = "lexicons/" FILE, .description = DESCRIPTION}

static const fp_option official_options[N_OPTIONS] = {
    [OPTION_TITLE_HEADS] = LEXICON_OPTION(
        "title-heads", "official-title-heads.txt",
        "words a title starts with (Bí thư, Phó Chủ tịch, ...)"),
    [OPTION_TITLE_STOPS] = LEXICON_OPTION(
        "title-stops", "official-title-stops.txt",
        "verbs and function words that end a title (chủ trì, cho biết, ...)"),
    [OPTION_ORG_ENDS] = LEXICON_OPTION(
        "org-ends", "official-org-ends.txt",
        "words that close an organisation phrase (phường: unit, Quận ủy: body)"),
    [OPTION_ORG_STARTS] = LEXICON_OPTION(
        "org-starts", "official-org-starts.txt",
        "words an organisation's name starts with (Sở, Công ty, ...)"),
    [OPTION_HONORIFICS] = LEXICON_OPTION(
        "honorifics", "official-honorifics.txt",
        "honorifics with what they imply (đồng chí: always, ...)"),
    [OPTION_CONTEXT_WORDS] = LEXICON_OPTION(
        "context-words", "official-context-words.txt",
        "words around a name that tell its capacity (nguyên, là, ứng cử "
        "viên, sinh năm, ...)"),
    [OPTION_SURNAMES] = LEXICON_OPTION(
        "surnames", "official-surnames.txt",
        "Vietnamese surnames a personal name starts with"),
    [OPTION_NAME_SYLLABLES] = LEXICON_OPTION(
        "name-syllables", "official-name-syllables.txt",
        "middle and given name syllables, to bound long capitalized runs"),
    [OPTION_PLACE_WORDS] = LEXICON_OPTION(
        "place-words", "official-place-words.txt",
        "words before a place or institution name (đường, Trường THPT, ...)"),
    [OPTION_ADMIN_UNITS] = LEXICON_OPTION(
        "admin-units", "official-admin-units.txt",
        "province, district and ward names"),
    [OPTION_COUNTRIES] = LEXICON_OPTION(
        "countries", "official-countries.txt",
        "countries, regions and international bodies (Hàn Quốc, ...)"),
    [OPTION_HISTORICAL_FIGURES] = LEXICON_OPTION(
        "historical-figures", "official-historical-figures.txt",
        "historical figures, never officials of the article"),
    [OPTION_PRIVATE_CUES] = LEXICON_OPTION(
        "private-cues", "official-private-cues.txt",
        "words of a private story or a citizen's identity (khiếu nại, "
        "trú tại, ...)"),
    [OPTION_PROVINCES] = LEXICON_OPTION(
        "provinces", "official-provinces.txt",
        "provinces and cities, the place an organisation's name may end "
        "with (Bệnh viện Đa khoa Hà Tĩnh)"),
    [OPTION_FOREIGN_SURNAMES] = LEXICON_OPTION(
        "foreign-surnames", "official-foreign-surnames.txt",
        "Chinese (Sino-Vietnamese) and Korean surnames that start a name "
        "after a title or an honorific (Tập Cận Bình, Yoon Suk Yeol)"),
    [OPTION_CHRISTIAN_NAMES] = LEXICON_OPTION(
        "christian-names", "official-christian-names.txt",
        "baptismal names written before a Vietnamese name, part of it "
        "(Giuse Nguyễn Năng, Maria Trần Thị Hoa)"),
};

static const lexicon_kind honorific_kinds[] = {
    {"always", HONORIFIC_ALWAYS},
    {"unless-private", HONORIFIC_UNLESS_PRIVATE},
    {"needs-title", HONORIFIC_NEEDS_TITLE},
    {"reverence", HONORIFIC_REVERENCE},
    {"not-honorific", HONORIFIC_NOT},
};

static const lexicon_kind context_kinds[] = {
    {"prefix", CONTEXT_PREFIX},       {"former", CONTEXT_FORMER},
    {"adverb", CONTEXT_ADVERB},       {"predicate", CONTEXT_PREDICATE},
    {"list", CONTEXT_LIST},           {"item", CONTEXT_ITEM},
    {"alias", CONTEXT_ALIAS},         {"birth", CONTEXT_BIRTH},
    {"age", CONTEXT_AGE},             {"joins", CONTEXT_JOINS},
    {"mandate", CONTEXT_MANDATE},     {"rank", CONTEXT_RANK},
    {"chain", CONTEXT_CHAIN},         {"role", CONTEXT_ROLE},
    {"field", CONTEXT_FIELD},         {"possessive", CONTEXT_POSSESSIVE},
    {"plural", CONTEXT_PLURAL},       {"suffix", CONTEXT_SUFFIX},
    {"particle", CONTEXT_PARTICLE},
};

static const lexicon_kind private_kinds[] = {
    {"story", PRIVATE_STORY},
    {"identity", PRIVATE_IDENTITY},
    {"role", PRIVATE_ROLE},
};

#define N_KINDS(kinds) (sizeof(kinds) / sizeof *(kinds))

static const lexicon_kind foreign_kinds[] = {
    {"chinese", FOREIGN_CHINESE},
    {"romanized", FOREIGN_ROMANIZED},
};

static const lexicon_kind org_end_kinds[] = {
    {"unit", ORG_END_UNIT},
    {"body", ORG_END_BODY},
    {"inside", ORG_INSIDE},
};

/* Where each option's lexicon lives in the instance, and its kinds. */
typedef struct option_lexicon {
    size_t offset;
    const lexicon_kind *kinds;
    size_t n_kinds;
} option_lexicon;

#define SLOT(FIELD) offsetof(official_lexicons, FIELD)

_Static_assert((int)N_OPTIONS <= (int)WORD_ROLES_MAX_LEXICONS,
               "word_roles has four bits per lexicon in 64");

static const option_lexicon option_lexicons[N_OPTIONS] = {
    [OPTION_TITLE_HEADS] = {SLOT(title_heads), NULL, 0},
    [OPTION_TITLE_STOPS] = {SLOT(title_stops), NULL, 0},
    [OPTION_ORG_ENDS] = {SLOT(org_ends), org_end_kinds,
                         N_KINDS(org_end_kinds)},
    [OPTION_ORG_STARTS] = {SLOT(org_starts), NULL, 0},
    [OPTION_HONORIFICS] = {SLOT(honorifics), honorific_kinds,
                           N_KINDS(honorific_kinds)},
    [OPTION_CONTEXT_WORDS] = {SLOT(context_words), context_kinds,
                              N_KINDS(context_kinds)},
    [OPTION_SURNAMES] = {SLOT(surnames), NULL, 0},
    [OPTION_NAME_SYLLABLES] = {SLOT(name_syllables), NULL, 0},
    [OPTION_PLACE_WORDS] = {SLOT(place_words), NULL, 0},
    [OPTION_ADMIN_UNITS] = {SLOT(admin_units), NULL, 0},
    [OPTION_COUNTRIES] = {SLOT(countries), NULL, 0},
    [OPTION_HISTORICAL_FIGURES] = {SLOT(historical_figures), NULL, 0},
    [OPTION_PRIVATE_CUES] = {SLOT(private_cues), private_kinds,
                             N_KINDS(private_kinds)},
    [OPTION_PROVINCES] = {SLOT(provinces), NULL, 0},
    [OPTION_FOREIGN_SURNAMES] = {SLOT(foreign_surnames), foreign_kinds,
                                 N_KINDS(foreign_kinds)},
    [OPTION_CHRISTIAN_NAMES] = {SLOT(christian_names), NULL, 0},
};

static lexicon *lexicon_in(official_lexicons *lex, size_t option)
{
    return (lexicon *)((char *)lex + option_lexicons[option].offset);
}

static void official_destroy(void *state)
{
    official_lexicons *lex = state;
    if (lex == NULL)
        return;
    for (size_t i = 0; i < N_OPTIONS; i++)
        lexicon_free(lexicon_in(lex, i));
    word_roles_free(&lex->roles);
    free(lex);
}

static int official_create(const fp_config *config, const fp_host *host,
                           void **state)
{
    *state = NULL;
    if (config->struct_size < sizeof(fp_config) ||
        config->n_values != N_OPTIONS)
        return fp_errorf(host, "expected %d option values, got %zu",
                         N_OPTIONS, config->n_values);
    official_lexicons *lex = calloc(1, sizeof *lex);
    if (lex == NULL)
        return fp_errorf(host, "out of memory");
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const char *path = config->values[i].string;
        if (path == NULL) {
            official_destroy(lex);
            return fp_errorf(host, "option %s has no file; give a lexicon "
                             "path", official_options[i].name);
        }
        if (lexicon_load(lexicon_in(lex, i), path, option_lexicons[i].kinds,
                         option_lexicons[i].n_kinds, host) != FP_OK) {
            official_destroy(lex);
            return FP_ERROR;
        }
        lexicon_in(lex, i)->id = (unsigned)i;
        if (!word_roles_add(&lex->roles, lexicon_in(lex, i))) {
            official_destroy(lex);
            return fp_errorf(host, "out of memory indexing lexicon %s",
                             path);
        }
    }
    *state = lex;
    return FP_OK;
}

static int official_extract(void *state, const fp_document *doc,
                            const fp_host *host)
{
    const official_lexicons *lex = state;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;

    scan_scratch scratch = {0};
    mention_list mentions = {0};
    scan_carry carry = {0};
    int rc = FP_OK;
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++) {
        const fp_block *span = &doc->blocks[i];
        /* The author of the article is no official of it. */
        if (span->zone == FP_ZONE_BYLINE)
            continue;
        if (!scan_block(lex, doc->text + span->start, span->end - span->start,
                        span->start, span->zone == FP_ZONE_CHROME, &scratch,
                        &carry, &mentions))
            rc = fp_errorf(host, "%s: out of memory reading block %zu",
                           doc->source, i);
    }
    if (rc == FP_OK)
        rc = people_emit(lex, &mentions, doc, host);
    mention_list_free(&mentions);
    scan_scratch_free(&scratch);
    return rc;
}

FP_PLUGIN_DEFINE(official, "1.3.0", "official",
                 "Officials: named people with their titles (Bí thư Quận ủy "
                 "Lê Thị Mỹ Hạnh)",
                 official_options, official_create,
                 official_extract, official_destroy)
