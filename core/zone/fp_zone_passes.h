/* The two zoning passes fp_zone_document chooses between: plain text
 * (fp_zone_text.c) and HTML with elements (fp_zone_html.c). */
#ifndef FP_ZONE_PASSES_H
#define FP_ZONE_PASSES_H

#include "fp_zone_internal.h"

/* Zone a text with no HTML elements (also the fallback for HTML pages
 * where no article container stands out). */
int zone_plain_text(zone_matcher *m, fp_text *t, fp_meta *meta,
                    fp_error *err);
/* Zone an HTML page: returns 1 when it found an article container, 0 when
 * it did not (the caller then falls back to zone_plain_text), -1 on error. */
int zone_html(zone_matcher *m, fp_text *t, fp_meta *meta, fp_error *err);
/* After zone_plain_text on an HTML page without an article container:
 * lines in furniture by markup (menus, footers, comment forms) become
 * chrome, as long as prose remains outside them; -1 on error. */
int zone_html_furniture_out(zone_matcher *m, fp_text *t, fp_error *err);

#endif
