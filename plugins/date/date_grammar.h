/*
 * date_grammar — finds Vietnamese date expressions in the tokens of one
 * block and reports each with its ISO 8601 value (the guideline,
 * docs/GUIDELINE.md, "date").
 *
 * The grammar is built from words the lexicons give meaning to (roles):
 * "ngày" introduces a day, "tháng" a month, "năm" a year, "quý" a quarter,
 * "từ … đến" an interval, "nhiệm kỳ" a span of years; "sáng", "chiều",
 * weekdays, "phiên" make a bare "15/3" a date; "Tết", "âm lịch", a year
 * of the sixty-year cycle mark lunar dates, which are not facts.  See
 * config/lexicons/date-words.txt.
 */
#ifndef DATE_GRAMMAR_H
#define DATE_GRAMMAR_H

#include "date_calendar.h"
#include "date_lexicon.h"
#include "date_text.h"

#include <stdbool.h>
#include <stdint.h>

/* Roles of the grammar words (date-words.txt), a bit set per phrase. */
enum date_role {
    ROLE_DAY = 1u << 0,       /* ngày, mồng: a day number follows */
    ROLE_MONTH = 1u << 1,     /* tháng: a month follows */
    ROLE_YEAR = 1u << 2,      /* năm, SN: a year follows */
    ROLE_QUARTER = 1u << 3,   /* quý: a quarter follows */
    ROLE_FROM = 1u << 4,      /* từ: an interval starts */
    ROLE_TO = 1u << 5,        /* đến: an interval's second end follows */
    ROLE_CUE = 1u << 6,       /* sáng, chiều: a bare "15/3" is a date */
    ROLE_WEAK_CUE = 1u << 7,  /* vào: likewise, unless a noun follows */
    ROLE_PERIOD = 1u << 8,    /* nhiệm kỳ, giai đoạn: "2016 - 2021" */
    ROLE_LUNAR = 1u << 9,     /* Tết, âm lịch: a lunar date, not a fact */
    ROLE_RECURRING = 1u << 10, /* hằng năm: a day of every year */
    ROLE_FOLLOW = 1u << 11,   /* vừa qua, tới: may follow a date */
    ROLE_PAST = 1u << 12,     /* vừa qua: the day named lies behind */
    ROLE_AND = 1u << 13,      /* và: "ngày 24 và 25/3" are two dates */
    ROLE_YEAR_CUE = 1u << 14, /* tầm nhìn, cuối: a bare year after is one */
    ROLE_CYCLE_YEAR = 1u << 15, /* Mậu Thân: a year number follows */
    ROLE_QUANTITY = 1u << 16, /* ba, mỗi: "ba tháng" is a duration */
    ROLE_EVENT = 1u << 17,    /* cách mạng: "Cách mạng Tháng Tám" a name */
    ROLE_OFTEN_LUNAR = 1u << 18, /* mồng: lunar where Tết was spoken of */
    ROLE_HOUR = 1u << 19,     /* giờ, h: a time of day, dropped */
    ROLE_MINUTE = 1u << 20,   /* phút */
    ROLE_EDGE = 1u << 21,     /* cuối, đầu: may stand before an end of a
                                 span ("từ tháng 7 đến cuối tháng 9") */
    ROLE_SHORT = 1u << 22,    /* Q: a quarter word written short; its
                                 number may stick to it, a year follows */
    ROLE_DAY_CUE = 1u << 23,  /* phiên, đợt: a day and month after it is
                                 a date, a month in figures is not */
    ROLE_SEASON = 1u << 24    /* mùa khô, niên vụ: the year it lies in or
                                 the two successive ones it spans */
};

/* Units of relative expressions (date-relative.txt). */
enum date_relative_unit { RELATIVE_DAY = 1, RELATIVE_MONTH, RELATIVE_YEAR };

typedef struct date_grammar {
    date_lexicon words;    /* date-words.txt: roles */
    date_lexicon months;   /* date-months.txt: month numbers */
    date_lexicon weekdays; /* date-weekdays.txt: 1 Monday … 7 Sunday */
    date_lexicon relative; /* date-relative.txt: unit and offset */
    bool resolve_relative; /* report "hôm qua", "năm nay", ... */
    /* The first words of words, relative and weekdays: most words of a
     * text are in none of the three, and one bit says so for all three
     * at once. */
    date_word_set listed_first_words;
    /* The first words of the phrases of words that name a month or a
     * quarter ("tháng", "quý"): with numbers, all a date is read from. */
    date_word_set month_first_words;
} date_grammar;

/* Fills grammar's word sets once its lexicons are loaded. */
void date_grammar_index(date_grammar *grammar);


/* Receives one date: its byte span in the document and its value.
 * Returns FP_OK or FP_ERROR (stops the scan). */
typedef int (*date_sink)(void *context, size_t start, size_t end,
                         const char *value);

/* Reports every date among tokens[0, n) (as date_tokenize() made them)
 * in text order, after noting in each token the lexicon phrases that
 * start there.  text is the document
 * text the tokens point into (its capitals tell names); folded holds the
 * lower-cased words and the numbers of the tokens at the same offsets
 * (date_tokenize writes it).  Returns FP_OK, or FP_ERROR when the sink
 * did. */
int date_scan_tokens(const date_grammar *grammar, const char *text,
                     const char *folded, date_token *tokens, size_t n,
                     article_date article, int two_digit_reference,
                     date_sink sink, void *context);

#endif /* DATE_GRAMMAR_H */
