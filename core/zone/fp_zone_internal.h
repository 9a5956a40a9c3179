/* Shared between the zoning sources: the loaded rules and the per-line
 * tests built from them.  Not part of the public zoning interface. */
#ifndef FP_ZONE_INTERNAL_H
#define FP_ZONE_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fp_zone.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The sections of config/zones.conf, in the order they are documented. */
typedef enum zone_section {
    ZS_CHROME_CLASS,
    ZS_ARTICLE_CLASS,
    ZS_TITLE_CLASS,
    ZS_CHROME_TAG,
    ZS_ARTICLE_TAG,
    ZS_CAPTION_CLASS,
    ZS_CAPTION_TAG,
    ZS_CHROME_LINE,
    ZS_CHROME_PREFIX,
    ZS_COUNTER,
    ZS_END_OF_ARTICLE,
    ZS_DATELINE,
    ZS_BYLINE,
    ZS_PORTAL_NAME,
    ZS_COUNT
} zone_section;

/* The element-cue sections (words of id/class, tag names) come first so
 * they index class_cues. */
#define ZS_N_CLASS_SECTIONS 7

/* Patterns compiled once at load time and only read afterwards, so one rules
 * object can serve several threads (each brings its own match data). */
typedef enum zone_pattern {
    ZP_DATE_DMY,   /* 5/10/2018, 05-10-2018, 5.10.2018 */
    ZP_DATE_YMD,   /* 2018-10-05 */
    ZP_DATE_WORDS, /* ngày 5 tháng 10 năm 2018 */
    ZP_PERSON_NAME, /* "Thu Lan", "Nguyễn Văn A - Minh Hà" */
    ZP_CAPITALS,    /* "THÔNG BÁO": letters, none of them small */
    ZP_COUNT
} zone_pattern;

struct fp_zone_rules {
    /* The element cues of every element section in one sorted list of
     * distinct lower-case ASCII words, each with its length and the
     * sections (bits 1 << section) it is a cue of.  The cues starting with
     * byte b are [element_cue_first[b], element_cue_first[b + 1]), so a
     * part of an id or class is compared only with the few cues that can
     * start it, once for all sections. */
    char **element_cues;
    size_t n_element_cues;
    size_t *element_cue_len;
    unsigned *element_cue_sections;
    size_t element_cue_first[257];
    /* For the line sections anchored at the start of the line: whether a
     * cue may begin with each ASCII byte (both cases of a letter).  A line
     * whose first byte past the leading ASCII separators is an ASCII
     * character no cue begins with cannot match, and PCRE2 is not asked.
     * false for sections that cannot be screened this way (unanchored, or
     * a cue starting with a separator or with U+017F / U+212A, which match
     * 's' and 'k' without regard to case). */
    bool cue_start_screened[ZS_COUNT];
    bool cue_may_start_with[ZS_COUNT][128];
    /* One alternation per line-cue section; NULL when the section is empty. */
    pcre2_code *section_pattern[ZS_COUNT];
    /* A counter cue and its number anywhere in a line ("… Lượt xem: 432"). */
    pcre2_code *counter_inside;
    pcre2_code *pattern[ZP_COUNT];
    pcre2_match_context *match_context; /* match limits */
};

/* A view of one line's text. */
typedef struct zone_span {
    const char *s;
    size_t len;
} zone_span;

/* Per-call scratch: the match data is not shareable between threads. */
typedef struct zone_matcher {
    const fp_zone_rules *rules;
    pcre2_match_data *match;
} zone_matcher;

int zone_matcher_init(zone_matcher *m, const fp_zone_rules *rules,
                      fp_error *err);
void zone_matcher_free(zone_matcher *m);

/* Does the line match the cues of a line section?  On a match *match_end
 * (if not NULL) is the byte offset in the line where the match ended. */
bool zone_line_matches(zone_matcher *m, zone_section section, zone_span line,
                       size_t *match_end);
bool zone_pattern_matches(zone_matcher *m, zone_pattern pattern,
                          zone_span line);

/* Does an element's cue string ("id class role itemprop" words, or its
 * tag) carry a cue of an element section? */
bool zone_cues_match(const fp_zone_rules *rules, zone_section section,
                     const char *cues);
/* The same for several sections in one pass: of the sections whose bits
 * (1 << section) are set in wanted, those with a cue in cues. */
unsigned zone_cue_sections(const fp_zone_rules *rules, const char *cues,
                           unsigned wanted);

/* The first full calendar date in the line, as "YYYY-MM-DD" in iso[11];
 * false when there is none (or none that exists: 31/02 is refused). */
bool zone_find_date(zone_matcher *m, zone_span line, char iso[11]);

/* ASCII characters the line templates' leading filler [\s\p{P}\p{S}]
 * matches: the six ASCII white-space characters, punctuation and
 * symbols. */
static inline bool zone_ascii_filler(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x21 && c <= 0x2F) ||
           (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

/* Line shape tests that need no cues. */
bool zone_is_blank(zone_span line);
bool zone_is_digit_counter(zone_span line);   /* "1 8 1 6 5 2 6 7" */
bool zone_is_percent_widget(zone_span line);  /* "56.6 %37.2 %0.0 %…" */
bool zone_has_sentence_punct(zone_span line);
bool zone_ends_sentence(zone_span line); /* . ! ? 。, maybe quoted */
zone_span zone_trim(zone_span line);

/* Is the line page furniture whatever surrounds it (tool links, counters,
 * widgets, footer lines)? */
bool zone_is_chrome_line(zone_matcher *m, zone_span line);
bool zone_is_end_of_article(zone_matcher *m, zone_span line);
/* A dateline: starts with a dateline cue and holds a full date. */
bool zone_is_dateline(zone_matcher *m, zone_span line, char iso[11]);
/* The zone of a date line: DATELINE, or CHROME when the portal ran a
 * counter into it ("Đăng lúc: 08:52 - 25/03/2019 Lượt xem: 3158"), since a
 * line has one zone and the counter must not pass for an article number.
 * The date is the article's either way. */
fp_zone_kind zone_dateline_zone(zone_matcher *m, zone_span line);
/* A byline: a short line starting with a byline cue. */
bool zone_is_byline_cue(zone_matcher *m, zone_span line);
/* A short line that is only a person's name or names. */
bool zone_is_person_name(zone_matcher *m, zone_span line);

/* What zoning an HTML page works from: the elements' cues and the page
 * furniture, the prose of each line, and the article region found from
 * them (fp_zone_container.c). */
typedef enum zone_cue {
    ZONE_CUE_CHROME = -1,
    ZONE_CUE_NONE = 0,
    ZONE_CUE_ARTICLE = 1
} zone_cue;

typedef struct zone_html_page {
    zone_matcher *m;
    fp_text *t;
    int8_t *cue;          /* per element: its own cue (class words, tag) */
    uint8_t *furniture;   /* per element: it or an ancestor is page
                             furniture (chrome cue or tag, hidden) */
    uint32_t *prose;      /* per line: prose bytes, 0 when not prose */
    uint8_t *caption;     /* per element: it or an ancestor holds a
                             picture's caption */
    uint8_t *wrapper;     /* per element: chrome by its markup but holding
                             most of the page's prose */
    bool any_wrapper;
    uint32_t *n_children; /* per element: child blocks */
    uint32_t *n_content_children; /* per element: child blocks that are
                                     not furniture */
    uint8_t *has_own_lines; /* per element: lines right in it */
    uint64_t *prose_before; /* per line + 1: prose bytes of the lines
                               before it */
    uint8_t *in_region;   /* per line: inside the article region */
    int32_t container;    /* the element chosen as the article's */
    size_t first, last;   /* the region's first and last line */
} zone_html_page;

/* Set up the per-element and per-line facts; -1 when memory runs out. */
int zone_html_page_init(zone_html_page *p, zone_matcher *m, fp_text *t,
                        fp_error *err);
void zone_html_page_free(zone_html_page *p);

/* Choose the article's container and the region around it (its sibling
 * paragraphs); true when one stands out. */
bool zone_find_article_region(zone_html_page *p);

/* Is line i page furniture by its elements (a chrome-cued box, a nav, a
 * hidden element)? */
bool zone_line_in_furniture(const zone_html_page *p, size_t i);

/* Does line i caption a picture (figure, figcaption, a caption class)? */
bool zone_line_in_caption(const zone_html_page *p, size_t i);


/* Zone a text with no HTML elements (also the fallback for HTML pages
 * where no article container stands out). */
int zone_plain_text(zone_matcher *m, fp_text *t, fp_meta *meta,
                    fp_error *err);
/* Zone an HTML page: returns 1 when it found an article container, 0 when
 * it did not (the caller then falls back to zone_plain_text), -1 on error. */
int zone_html(zone_matcher *m, fp_text *t, fp_meta *meta, fp_error *err);

/* Helpers for filling fp_meta. */
zone_span zone_line_span(const fp_text *t, size_t i);
int zone_meta_set(char **field, zone_span value, fp_error *err);
/* The byline value: the text after a byline cue, or the whole line. */
int zone_meta_set_byline(zone_matcher *m, fp_meta *meta, zone_span line,
                         fp_error *err);
/* Name the last line before the trailing dateline / chrome BYLINE when it
 * looks like an author's name, and record meta->byline. */
int zone_find_trailing_byline(zone_matcher *m, fp_text *t, fp_meta *meta,
                              fp_error *err);
/* Mark the first prose BODY line after the title as the LEAD. */
void zone_mark_lead(fp_text *t);
/* The article title from <title>, with the portal's name stripped. */
int zone_title_from_html_title(zone_matcher *m, const char *html_title,
                               fp_meta *meta, fp_error *err);

#endif
