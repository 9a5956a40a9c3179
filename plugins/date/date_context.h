/*
 * date_context — whether a date piece stands for a date where it is
 * written, from the words around it.  Bare figures are ambiguous in
 * Vietnamese text: "15/3" may be a fraction, "21 - 3" a score or a range,
 * "2030" a count, "tháng 6" the sixth month or (as "6 tháng") six months.
 * The words before and after decide (the guideline, docs/GUIDELINE.md,
 * "date"):
 *   - a part of the day, a weekday, a relative day, a holiday or "ngày"
 *     makes a day and month a date: "sáng 15/3", "thứ Hai (15/3)", "hôm
 *     qua 23-3", "quốc khánh 2 - 9", "ngày Nước thế giới (22 - 3)"; so
 *     does the session or batch held on it ("phiên 22/10", "đợt 3/2"),
 *     which numbers a month in figures instead ("đợt 1/2024");
 *   - a weak cue ("vào", "từ", "đến") does too, unless a noun follows that
 *     the numbers count: "đến 20/3." but "đến 3/5 xã";
 *   - a bare year needs a word of time before it: "đến 2030", "tầm nhìn
 *     2045", "Mậu Thân 1968";
 *   - "tháng" after a number word is a unit ("ba tháng"), after an event
 *     word part of a name ("Cách mạng Tháng Tám"), whose year is a date;
 *   - what comes after "rằm", or after "mồng" in a sentence about Tết, is
 *     a lunar day.
 */
#ifndef DATE_CONTEXT_H
#define DATE_CONTEXT_H

#include "date_parts.h"

typedef enum cue_strength { CUE_NONE, CUE_WEAK, CUE_STRONG } cue_strength;

/* How the words right before token first (an opening bracket or a comma
 * between allowed) make a day and month written there a date. */
cue_strength cue_before(const date_scanner *s, size_t first);

/* A date ending at token end is not followed by what its numbers would
 * count: an end, punctuation other than '%', a number, or a word of the
 * date grammar ("vào 15/3 tới"). */
bool nothing_counted_after(const date_scanner *s, size_t end);

/* Whether part is a month that names an event, written with the event's
 * year ("Cách mạng Tháng Tám năm 1945"): the year is a date, the month is
 * not. */
bool month_names_event(const date_scanner *s, const date_part *part);

/* Whether part, read at its own place, is a date.  in_span: it is an end
 * of an interval or an item of a list, which the words joining it already
 * show to be a date, so no cue is asked of it. */
bool part_is_date(const date_scanner *s, const date_part *part,
                  bool in_span);

#endif /* DATE_CONTEXT_H */
