/* What both zoning passes fill in: meta fields, the lead, the trailing
 * byline.  Defined in fp_zone.c for now (the zoning work in progress
 * edits it; the bodies move to a file of their own once it lands). */
#ifndef FP_ZONE_META_H
#define FP_ZONE_META_H

#include "fp_zone_internal.h"

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
