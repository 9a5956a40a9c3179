/* The bottom layer of zoning, shared by every zoning source: the loaded
 * rules (fp_zone_rules.c) and the per-line tests built from them
 * (fp_zone_match.c).  Not part of the public zoning interface; the layers
 * above are fp_zone_meta.h and fp_zone_passes.h. */
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
    ZS_DATE_CLASS,           /* the article-date finder's element cues */
    ZS_DATE_PUBLISHED_CLASS,
    ZS_DATE_UPDATED_CLASS,
    ZS_DATE_REFUSED_CLASS,
    ZS_CHROME_LINE,
    ZS_CHROME_PREFIX,
    ZS_COUNTER,
    ZS_END_OF_ARTICLE,
    ZS_RELATED_HEADING,
    ZS_DATELINE,
    ZS_BYLINE,
    ZS_PORTAL_NAME,
    /* The article-date finder's sections (fp_pubdate_rules.c). */
    ZS_DATE_PUBLISHED,       /* line cues, matched before a date */
    ZS_DATE_UPDATED,
    ZS_DATE_REFUSED,
    ZS_DATE_KEY_PUBLISHED,   /* markup keys: meta, itemprop, JSON-LD */
    ZS_DATE_KEY_UPDATED,
    ZS_DATE_KEY,             /* a date of unsaid kind: "date", "DC.date" */
    ZS_DATE_ARTICLE_TYPE,    /* JSON-LD @type values */
    ZS_DATE_REFUSED_TYPE,
    ZS_DATE_MONTH,           /* "name = number" */
    ZS_DATE_ORDINAL,
    ZS_DATE_CONNECTOR,
    ZS_DATE_MONTH_FIRST,     /* languages writing 12/24/2012 (<html lang>) */
    ZS_RULES_OFF,            /* structure rules switched off (zone_rule) */
    ZS_COUNT
} zone_section;

/* The rules of page structure zoning applies (fp_zone_container.c,
 * fp_zone_html.c), each of which [rules-off] in the rules file may switch
 * off: bench/article_robustness.py measures what each is worth that way,
 * and the zoning tests show each one's effect.  The names are in
 * fp_zone_rules.c. */
typedef enum zone_rule {
    ZR_CLASS_FURNITURE,   /* chrome class and id words make furniture */
    ZR_TAG_FURNITURE,     /* nav, aside, footer... make furniture */
    ZR_HIDDEN_FURNITURE,  /* hidden elements are furniture */
    ZR_WRAPPERS,          /* furniture holding most prose may wrap the page */
    ZR_LINK_DISCOUNT,     /* a candidate's score shrinks with its links */
    ZR_ARTICLE_BOOST,     /* article cues raise a candidate's score */
    ZR_LONE_CHILD,        /* a container alone in its parent is the parent */
    ZR_ANCESTOR_CLIMB,    /* an ancestor scoring higher takes over */
    ZR_SIBLINGS,          /* the container's siblings that read alike join */
    ZR_SHORT_EDGES,       /* short lines count only between paragraphs */
    ZR_CAPTIONS,          /* caption markup makes captions */
    ZR_ARTICLE_HEADER,    /* the article's <header> holds its headline */
    ZR_LINK_LINES,        /* lines mostly of links are chrome */
    ZR_LEAD_OUTSIDE,      /* prose between headline and container is body */
    ZR_TEASER_LISTS,      /* lists of alike teasers are furniture */
    ZR_MARKUP_FALLBACK,   /* no article: tags alone make furniture */
    ZR_PICTURE_CAPTIONS,  /* short text boxed with a picture is a caption */
    ZR_CONTAINER_HEAD,    /* the container's lines above its first
                             paragraph are judged as its body */
    ZR_REPEATED_LEAD,     /* a lead outside the container that the body
                             repeats is no lead */
    ZR_FALLBACK_FURNITURE, /* zoned as plain text, an HTML page still
                              keeps its furniture out */
    ZR_LINKED_SENTENCES,  /* a line mostly of links whose own text is a
                             sentence is no link line */
    ZR_COUNT
} zone_rule;

/* The element-cue sections (words of id/class/role/itemprop, tag names)
 * come first: they are the ones matched against an element's words. */
#define ZS_N_CLASS_SECTIONS 11

/* The bytes an element cue may hold, in classes 1..38 (a-z, 0-9, '-',
 * '_'); 0 stands for no byte (past the end of a one-byte cue), and -1 is
 * returned for a byte no cue holds. */
enum { ZONE_CUE_CLASSES = 39 };
static inline int zone_cue_byte_class(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return 1 + (c - 'a');
    if (c >= '0' && c <= '9')
        return 27 + (c - '0');
    return c == '-' ? 37 : c == '_' ? 38 : -1;
}

/* The cues of one section as read from the file, with their line numbers
 * (for messages about entries that need more than a word). */
typedef struct cue_list {
    char **items;
    size_t *line_no;
    size_t n, cap;
} cue_list;

typedef struct pubdate_rules pubdate_rules;

/* Patterns compiled once at load time and only read afterwards, so one rules
 * object can serve several threads (each brings its own match data). */
typedef enum zone_pattern {
    ZP_PERSON_NAME, /* "Thu Lan", "Nguyễn Văn A - Minh Hà" */
    ZP_CAPITALS,    /* "THÔNG BÁO": letters, none of them small */
    ZP_COUNT
} zone_pattern;

struct fp_zone_rules {
    /* The element cues of every element section in one sorted list of
     * distinct words of a-z, 0-9, '-' and '_' (the loader refuses other
     * bytes), each with its length and the sections (bits 1 << section)
     * it is a cue of.  The cues whose first two bytes are of classes
     * (a, b) (zone_cue_byte_class; b is 0 for a one-byte cue) are
     * [element_cue_from[a][b], element_cue_to[a][b]), so a part of an id
     * or class is compared only with the few cues sharing its first two
     * bytes (and the one-byte cue of its first), once for all sections. */
    char **element_cues;
    size_t n_element_cues;
    size_t *element_cue_len;
    unsigned *element_cue_sections;
    uint32_t element_cue_from[ZONE_CUE_CLASSES][ZONE_CUE_CLASSES];
    uint32_t element_cue_to[ZONE_CUE_CLASSES][ZONE_CUE_CLASSES];
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
    pubdate_rules *pubdate;             /* the article-date finder's */
    unsigned rules_off;                 /* bits 1 << zone_rule */
};

static inline bool zone_rule_on(const fp_zone_rules *rules, zone_rule rule)
{
    return !(rules->rules_off & (1u << rule));
}

/* The name of a rule as [rules-off] writes it. */
const char *zone_rule_name(zone_rule rule);

/* Compile a section's cues into tmpl (one "%s" where the alternation
 * goes): a trie of them (zone_trie_alternation) for the sections only
 * asked whether a line matches, else longest cue first.  cues are sorted
 * in place.  NULL with err set on failure. */
pcre2_code *zone_compile_section(const char *tmpl, zone_section section,
                                 cue_list *cues, const char *path,
                                 fp_error *err);
/* Write cue to buf (when not NULL) as a PCRE2 literal: ASCII punctuation
 * escaped, a run of spaces matching any run of white space.  Returns the
 * length written (or needed). */
size_t zone_escape_cue(char *buf, const char *cue);
/* The alternation of words (sorted by strcmp) as a trie of their
 * zone_escape_cue literals, the shorter of two words last
 * (fp_zone_trie.c); NULL when memory runs out. */
char *zone_trie_alternation(const char *const *words, size_t n);
/* Compile a whole pattern (PCRE2 UTF, UCP, caseless), JIT when possible.
 * NULL with err set ("PATH: cannot compile WHAT …") on failure. */
pcre2_code *zone_compile_pattern(const char *source, const char *what,
                                 const char *path, fp_error *err);
/* The article-date finder's rules, from its sections of the file
 * (fp_pubdate_rules.c); NULL with err set on failure. */
pubdate_rules *pubdate_rules_build(cue_list lists[ZS_COUNT], const char *path,
                                   fp_error *err);
void pubdate_rules_free(pubdate_rules *rules);
/* The name of a section as written in the file. */
const char *zone_section_name(zone_section section);

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

/* Cue strings and tags repeat within a page (the items of a list share a
 * class; most blocks are div, li or p): a memo works out
 * zone_cue_sections(rules, s, wanted) once for each distinct string s.
 * Direct-mapped by the string's hash, each slot keeps the string it
 * answers for and is taken only when that string equals s, so a
 * collision costs a recount, never a wrong answer.  The strings looked up
 * must stay unchanged while the memo is in use (a page's elements). */
enum { ZONE_CUE_MEMO_SLOTS = 64 };
typedef struct zone_cue_memo {
    const fp_zone_rules *rules;
    unsigned wanted;
    const char *key[ZONE_CUE_MEMO_SLOTS];
    unsigned sections[ZONE_CUE_MEMO_SLOTS];
} zone_cue_memo;

void zone_cue_memo_init(zone_cue_memo *memo, const fp_zone_rules *rules,
                        unsigned wanted);
/* zone_cue_sections(memo->rules, cues, memo->wanted), remembered. */
unsigned zone_cue_memo_sections(zone_cue_memo *memo, const char *cues);

/* The first full calendar date in the line, as "YYYY-MM-DD" in iso[11];
 * false when there is none (or none that exists: 31/02 is refused).  The
 * forms are the article-date finder's (pubdate_find_in_text). */
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
/* A heading of a list of other articles or of tags ("Bài viết cùng chủ
 * đề", "Từ khóa"): chrome, with the list under it (fp_zone_text.c). */
bool zone_is_related_heading(zone_matcher *m, zone_span line);
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
/* A menu or breadcrumb scraped to text: three or more short names
 * between " | " ("Thời sự | Chính trị | Kinh tế"), two or more between
 * arrows ("Trang chủ » Kinh tế"), or items that are each furniture
 * ("Bình luận (0) | Chia sẻ") (fp_zone_lines.c). */
bool zone_is_menu_line(zone_matcher *m, zone_span line);
/* Splitting a line at separators (" | ", " » "): the set, with what
 * zone_next_separator remembers between calls on one line. */
enum { ZONE_MAX_SEPARATORS = 4 };
typedef struct zone_separators {
    const char *const *items;
    size_t n;
    size_t len[ZONE_MAX_SEPARATORS];
    size_t next[ZONE_MAX_SEPARATORS];
} zone_separators;
zone_separators zone_separators_of(const char *const *items, size_t n);
/* Where the first separator of the set starts at or after from (the
 * earliest in the set when two start there), its length in *sep_len;
 * line.len and 0 when there is none.  Calls on one line go forward: from
 * never decreases (a new line needs a new set). */
size_t zone_next_separator(zone_separators *set, zone_span line, size_t from,
                           size_t *sep_len);
/* A short line that is a date and a few words ("Hà Nội, ngày 07 tháng
 * 10 năm 2024", "Thể thao | 14/12/2025 - 22:40"). */
bool zone_is_date_shaped(zone_matcher *m, zone_span line);
/* A line shaped like an item of a list of other articles: a short line,
 * bulleted or without a final stop. */
bool zone_is_list_item(zone_span line);
/* The characters (code points) of a UTF-8 span. */
size_t zone_count_chars(zone_span s);

#endif
