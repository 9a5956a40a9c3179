/* The article's own date (the document's <meta><date>): read where real
 * pages put it — markup (<meta>, JSON-LD, microdata, <time>), the page's
 * URL, and date lines near the headline — and decided between by evidence
 * scores (fp_pubdate.c; docs/PUBDATE.md explains the scores).
 *
 * Internal to zoning.  Which words, keys and month names count lives in
 * the date-* sections of config/zones.conf (fp_pubdate_rules.c). */
#ifndef FP_PUBDATE_H
#define FP_PUBDATE_H

#include "fp_zone_internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A calendar day, with its time of day and UTC offset when given. */
typedef enum pubdate_tz {
    PD_TZ_NONE = 0, /* no offset: local time as written */
    PD_TZ_UTC,      /* "Z", "+00:00", "GMT" */
    PD_TZ_OFFSET    /* any other offset: local time as written */
} pubdate_tz;

typedef struct pubdate_stamp {
    int year, month, day;
    int hour, minute, second; /* -1 when not given */
    pubdate_tz tz;
} pubdate_stamp;

/* What a candidate says of itself. */
typedef enum pubdate_role {
    PD_ROLE_NEUTRAL = 0, /* a date, nothing says which */
    PD_ROLE_PUBLISHED,   /* "published", datePublished, <time pubdate> */
    PD_ROLE_UPDATED,     /* "updated", dateModified */
    PD_ROLE_REFUSED      /* "today is", "©", a comment's date */
} pubdate_role;

/* Where a candidate was read. */
typedef enum pubdate_evidence {
    PD_EV_URL = 0,    /* the page's URL: /2012/12/24/ */
    PD_EV_META,       /* <meta> in the head */
    PD_EV_JSONLD,     /* <script type="application/ld+json"> */
    PD_EV_MICRODATA,  /* an element's itemprop="datePublished" */
    PD_EV_TIME,       /* <time datetime>, <abbr title> */
    PD_EV_DATELINE,   /* a date line near the headline */
    PD_EV_LEAD,       /* the lead's own dateline: "BERLIN, 20.01.2022 –" */
    PD_EV_COUNT
} pubdate_evidence;

/* Its name in reports: "url", "meta", "json-ld", … */
const char *pubdate_evidence_name(pubdate_evidence evidence);

typedef struct pubdate_candidate {
    pubdate_stamp when;
    pubdate_evidence evidence;
    pubdate_role role;
    int score;
    size_t line; /* the text line it was read on; SIZE_MAX: not text */
} pubdate_candidate;

/* Bounds on the work per document (docs/PUBDATE.md). */
enum {
    PD_MAX_CANDIDATES = 64,
    PD_MAX_DATES_PER_LINE = 4,
    PD_WINDOW_BEFORE_TITLE = 12, /* lines above the headline searched */
    PD_WINDOW_AFTER_TITLE = 24,  /* and below it */
    PD_MAX_LINE_BYTES = 400,     /* longer lines are prose, not date lines */
    PD_MIN_HEADLINE_BYTES = 12,  /* a shorter <h1> is not matched to <title> */
    PD_MAX_HEADINGS = 64,        /* headings compared with <title> */
    PD_MAX_FAR_DATELINES = 16,   /* zoned date lines read outside the window */
    PD_DATE_CLASS_LEVELS = 3,    /* block ancestors searched for cues */
    PD_REFUSED_CLASS_LEVELS = 2
};

typedef struct pubdate_result {
    bool found;
    char iso[11];                /* YYYY-MM-DD */
    pubdate_evidence evidence;   /* of the winner */
    pubdate_candidate candidates[PD_MAX_CANDIDATES];
    size_t n_candidates;
} pubdate_result;

/* The article's date of a zoned text (t's lines carry their zones).
 * source_url: the document's name when it may be a URL (a WARC record's
 * target URI; anything that is not an absolute http(s) URL is ignored), or
 * NULL.  latest: the last acceptable day, YYYYMMDD as an integer (dates
 * after it are refused: a page cannot be published tomorrow). */
void pubdate_find(zone_matcher *m, const fp_text *t, const char *source_url,
                  int latest, pubdate_result *out);

/* The headline's line, which text evidence is measured from: the longest
 * <h1>-<h3> that the page's <title> repeats (the surest sign of a
 * headline), else zoning's title, else the first <h1>, else the
 * article's first line, else the first. */
size_t pubdate_anchor(const fp_text *t);

/* ---- scores (docs/PUBDATE.md) ------------------------------------------ */

/* How much each kind of evidence is worth.  Markup written for machines
 * outranks text; publication outranks a neutral date, which outranks a
 * modification; text loses a point per line away from the headline (two
 * above it), up to PD_MAX_DISTANCE_PENALTY. */
enum {
    PD_SCORE_JSONLD_ARTICLE = 82, /* datePublished of an Article object */
    PD_SCORE_META = 80,           /* article:published_time… */
    PD_SCORE_MICRODATA = 80,      /* itemprop="datePublished" */
    PD_SCORE_URL = 79,            /* /2012/12/24/: often the draft's day */
    PD_SCORE_TIME_PUBLISHED = 78, /* <time pubdate>, class "published" */
    PD_SCORE_JSONLD_OTHER = 76,   /* datePublished of another object */
    PD_SCORE_TEXT_PUBLISHED = 74, /* "Ngày đăng:", "Published on" */
    PD_SCORE_TEXT_DATELINE = 68,  /* a line that is mostly a date */
    PD_SCORE_META_NEUTRAL = 66,   /* <meta name="date">, DC.date */
    PD_SCORE_TEXT_CLASS = 64,     /* a date in a date/byline box */
    PD_SCORE_TIME_NEAR = 62,      /* a <time> near the headline */
    PD_SCORE_ZONED_UPDATED = 60,  /* zoning's date line, "Cập nhật:" */
    PD_SCORE_TEXT_SHORT = 58,     /* a date in a short non-prose line */
    PD_SCORE_LEAD = 54,           /* "BERLIN, 20.01.2022 – …" */
    PD_SCORE_TIME_FAR = 40,       /* a <time> anywhere else */
    PD_SCORE_TEXT_UPDATED = 34,   /* "Cập nhật:", "Updated" */
    PD_SCORE_UPDATED = 30,        /* dateModified, og:updated_time */
    PD_MAX_DISTANCE_PENALTY = 20,
    PD_ZONED_MAX_PENALTY = 4,     /* for zoning's own date lines */
    PD_CONSENSUS_BONUS = 3,       /* per other kind of evidence agreeing … */
    PD_MIN_SECONDING_SCORE = 45,  /* … with a candidate worth this much */
    PD_MAX_CONSENSUS_BONUS = 6
};

/* The state of one search. */
typedef struct pubdate_finder {
    zone_matcher *m;
    const fp_text *t;
    int latest;         /* YYYYMMDD: later dates are refused */
    unsigned find_flags; /* how to read its text dates: PD_FIND_* */
    size_t anchor;      /* the headline's line, or the article's first */
    pubdate_result *out;
} pubdate_finder;

/* Record a candidate (refused roles, impossible and future dates are
 * dropped; past PD_MAX_CANDIDATES the weakest goes). */
void pubdate_add(pubdate_finder *f, const pubdate_stamp *when,
                 pubdate_evidence evidence, pubdate_role role, int score,
                 size_t line);
/* Lines away from the headline, as a penalty. */
int pubdate_distance_penalty(const pubdate_finder *f, size_t line);
/* Does element e or one of its `levels` nearest ancestors carry a cue of
 * a class section? */
bool pubdate_element_cued(const pubdate_finder *f, int32_t e,
                          zone_section section, int levels);
/* Date lines near the headline, the date lines zoning found, the lead's
 * dateline (fp_pubdate_text.c). */
void pubdate_text_evidence(pubdate_finder *f);

/* ---- reading dates (fp_pubdate_parse.c) -------------------------------- */

/* A date expression found in text: bytes [start, end) of the span. */
typedef struct pubdate_match {
    pubdate_stamp when;
    size_t start, end;
} pubdate_match;

/* How to read text dates. */
enum {
    PD_FIND_MONTH_FIRST = 1, /* an ambiguous a/b/yyyy is month first */
    PD_FIND_SHORT_YEAR = 2   /* also 24.12.12, 24/12/12 (the nearer
                                century that is not in the future) */
};

/* The first full calendar date in s at or after byte from (numeric
 * 24/12/2012, 2012-12-24, month names from config: "24 December 2012",
 * "ngày 24 tháng 12 năm 2012"), read as flags say (PD_FIND_*); an
 * ambiguous a/b/yyyy is day first by default.  false when there is none
 * (days that do not exist are not dates). */
bool pubdate_find_in_text(zone_matcher *m, zone_span s, size_t from,
                          unsigned flags, pubdate_match *out);
/* Has s digits enough for a full date?  A cheap test before any pattern. */
bool pubdate_may_hold_date(zone_span s);

/* A machine-written value: ISO 8601 with or without time and offset,
 * "2023/11/02 20:59:53", "11/01/2023 12:43:42" (month first, as machines
 * write it), RFC 1123 "Tue, 21 Oct 2019 10:00:00 GMT", or text as above. */
bool pubdate_read_value(zone_matcher *m, const char *value, pubdate_stamp *out);

/* A full date in a URL's path: /2012/12/24/, /20121224/ (a whole
 * segment), or 2012-12-24 inside a segment. */
bool pubdate_read_url(const char *url, pubdate_stamp *out);

bool pubdate_valid_day(int year, int month, int day);
/* YYYYMMDD as an integer, for comparisons. */
static inline int pubdate_day_number(const pubdate_stamp *s)
{
    return s->year * 10000 + s->month * 100 + s->day;
}

/* ---- the rules (fp_pubdate_rules.c) ------------------------------------ */

typedef enum pubdate_form {
    PD_FORM_NUMERIC = 0, /* 24/12/2012, 24.12.2012, 24-12-2012 */
    PD_FORM_YMD,         /* 2012-12-24, 2012/12/24 */
    PD_FORM_DAY_MONTH,   /* 24 December 2012, 24. Dezember 2012 */
    PD_FORM_MONTH_DAY,   /* December 24, 2012 */
    PD_FORM_SHORT_YEAR,  /* 24.12.12, 24/12/12 (PD_FIND_SHORT_YEAR) */
    PD_FORM_COUNT
} pubdate_form;

/* Every form in one pattern; first_group[form] is the number of the
 * form's first capture group, 0 when the pattern lacks it (no month names
 * in config). */
typedef struct pubdate_dates {
    pcre2_code *re;
    int first_group[PD_FORM_COUNT];
} pubdate_dates;

const pubdate_dates *pubdate_dates_pattern(const pubdate_rules *r);

/* The same forms without PD_FORM_MONTH_DAY, whose month name may start
 * at almost any letter of a caseless UTF line and makes the one pattern
 * two to three times slower: a window where no month-first date can be
 * (pubdate_month_day_may_match) is searched with this pattern instead,
 * with the same result.  re is NULL when the forms have no month names
 * (the one pattern has no PD_FORM_MONTH_DAY then either). */
const pubdate_dates *pubdate_digit_led_pattern(const pubdate_rules *r);
/* PD_FORM_MONTH_DAY alone (for the tests of the screen); re may be NULL
 * as above. */
const pubdate_dates *pubdate_month_day_pattern(const pubdate_rules *r);

/* Could a month-first date ("March 3rd, 2019") match in s[0, to) starting
 * at or after from?  Such a date holds a day of one or two digits, then
 * only ordinal letters, '.', ',' and white space, then a year of four
 * digits; a window without that shape (almost every numeric or
 * Vietnamese date line) cannot hold one.  True whenever one could. */
bool pubdate_month_day_may_match(const pubdate_rules *r, zone_span s,
                                 size_t from, size_t to);

/* pubdate_find_in_text without the screen above: every window searched
 * with all forms (the tests compare the two). */
bool pubdate_find_in_text_unscreened(zone_matcher *m, zone_span s,
                                     size_t from, unsigned flags,
                                     pubdate_match *out);

/* Month names (fp_pubdate_months.c), compared folded: ASCII and Latin-1
 * letters lower-cased ("MÄRZ" = "märz"), white space runs (NBSP too) one
 * space. */
typedef struct pubdate_month {
    char *name; /* folded */
    int number;
} pubdate_month;

typedef struct pubdate_months {
    pubdate_month *items; /* sorted by name */
    size_t n;
} pubdate_months;

const pubdate_months *pubdate_rules_months(const pubdate_rules *r);
/* Fold s[0, len) into out (NUL-terminated, at most size - 1 bytes). */
size_t pubdate_fold(const char *s, size_t len, char *out, size_t size);
int pubdate_months_build(pubdate_months *months, const cue_list *list,
                         const char *path, fp_error *err);
void pubdate_months_free(pubdate_months *months);
/* The number of a month name as matched in text, or -1. */
int pubdate_month_number(const pubdate_months *months, const char *word,
                         size_t len);
/* The pattern of every name (without a group of its own), or NULL when
 * memory ran out. */
char *pubdate_months_trie(const pubdate_months *months);
/* The role of a markup key (meta name/property, itemprop, JSON-LD key):
 * published, updated, neutral ([date-key]: a date of unsaid kind), or
 * refused when config does not list it (not a date key at all). */
pubdate_role pubdate_key_role(const pubdate_rules *r, const char *key,
                              size_t len);
/* Does a page in this language (<html lang>, e.g. "en-US") write its
 * numeric dates month first? */
bool pubdate_month_first(const pubdate_rules *r, const char *lang);
/* A JSON-LD @type: 1 an article, -1 refused (a comment…), 0 other. */
int pubdate_type_rank(const pubdate_rules *r, const char *type, size_t len);
/* The role the nearest cue before byte at of line gives a date there:
 * a cue of [date-published], [date-updated] or [date-refused] ending at
 * most PD_CUE_REACH bytes before it. */
enum { PD_CUE_REACH = 48 };
pubdate_role pubdate_cue_role(zone_matcher *m, zone_span line, size_t at);

/* ---- JSON-LD (fp_pubdate_json.c) --------------------------------------- */

/* One date-keyed string of a JSON object: the key, the value, and the
 * rank of the object's @type (pubdate_type_rank). */
typedef void (*pubdate_json_fn)(void *user, const char *key, size_t key_len,
                                const char *value, size_t value_len,
                                int type_rank);

/* Scan JSON-LD text in one pass (nesting past PD_JSON_MAX_DEPTH is read
 * but not reported) and report each string value whose key
 * pubdate_key_role knows, once its object has closed. */
enum { PD_JSON_MAX_DEPTH = 32, PD_JSON_MAX_DATES = 32 };
void pubdate_scan_jsonld(const pubdate_rules *r, const char *json, size_t len,
                         pubdate_json_fn fn, void *user);

#endif
