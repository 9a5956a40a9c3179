/* The review pages' stylesheet and kind colours (review_style.h). */
#include "review_style.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Highlights take their colour from --fc, set on each one; a zone's
 * label comes from its data-zone attribute, a tooltip from the title
 * attribute (shown by the browser on hover, and by CSS on focus, which a
 * tap gives on a phone).  Nothing here needs a script. */
const char fp_review_css[] =
    ":root{--ink:#1d2330;--muted:#5d6675;--line:#d9dde5;--paper:#fff;--chrome:#8a919c}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:#f3f4f7;color:var(--ink);"
    "font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}"
    "main{max-width:62rem;margin:0 auto;padding:1rem;display:flex;flex-direction:column;gap:1.5rem}"
    "section.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;"
    "padding:1rem 1.25rem;overflow-wrap:anywhere}"
    "h1{font-size:1.35rem;line-height:1.3;margin:.2rem 0 .6rem}"
    "h2{font-size:1.05rem;margin:1.2rem 0 .5rem}"
    "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:0;"
    "font-size:.9rem;color:var(--muted)}"
    "dl.meta dt{font-weight:600}dl.meta dd{margin:0}"
    ".notice{background:#fff4d6;border-left:4px solid #e0a800;padding:.4rem .7rem;margin:.6rem 0}"
    ".error{background:#fde8e8;border-left:4px solid #c53030;padding:.5rem .8rem;margin:.6rem 0;"
    "white-space:pre-wrap}"
    ".legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0;padding:0;list-style:none}"
    ".chip{display:inline-block;background:var(--fc);border-radius:999px;padding:.05rem .6rem;"
    "font-size:.85rem}"
    ".text{border-top:1px solid var(--line);margin-top:.8rem;padding-top:.4rem}"
    ".zone{position:relative;border-left:4px solid var(--zc,#c9ced8);padding:.1rem 0 .1rem .8rem;"
    "margin:1.35rem 0 .6rem}"
    ".zone::before{content:attr(data-zone);position:absolute;left:.8rem;top:-1.15rem;"
    "font:600 .68rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;"
    "color:var(--muted)}"
    ".zone.article::before{content:attr(data-zone) ' \\00b7  article'}"
    ".zone p{margin:.35rem 0;white-space:pre-wrap}"
    ".z-title{--zc:#6c7bd1;font-weight:600}.z-dateline,.z-byline{--zc:#9aa3b5;color:var(--muted)}"
    ".z-lead{--zc:#2f9e6f;font-weight:500}.z-body{--zc:#7cc4a3}"
    ".z-caption{--zc:#c8b27a;font-style:italic;font-size:.92rem}"
    ".z-chrome{--zc:#d3d6dc;color:var(--chrome);background:#f6f7f9;font-size:.9rem}"
    ".z-chrome mark.fact{opacity:.75}"
    ".omitted{color:var(--muted);font-size:.85rem;font-style:italic;margin:.5rem 0}"
    "mark.fact{background:var(--fc);color:inherit;border-radius:3px;padding:0 .1em;"
    "box-shadow:inset 0 -2px 0 rgba(0,0,0,.22);position:relative;cursor:help}"
    "mark.fact mark.fact{box-shadow:inset 0 -2px 0 rgba(0,0,0,.45)}"
    "mark.fact:focus{outline:2px solid var(--ink);outline-offset:1px}"
    "mark.fact:focus::after{content:attr(title);position:absolute;left:0;top:100%;z-index:2;"
    "min-width:12rem;max-width:80vw;white-space:pre-wrap;background:var(--ink);color:#fff;"
    "font:400 .8rem/1.4 system-ui,sans-serif;padding:.4rem .6rem;border-radius:6px;"
    "margin-top:.2rem}"
    ".table-wrap{overflow-x:auto}"
    "table{border-collapse:collapse;width:100%;font-size:.85rem}"
    "th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;"
    "vertical-align:top}"
    "th{background:#f7f8fa;position:sticky;top:0}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td .chip{white-space:nowrap}"
    "tr.failed td,tr.quarantined td{background:#fdf1f1}"
    ".index-title{order:-2;margin:.5rem 0 0}"
    ".totals{order:-1;background:var(--paper);border:1px solid var(--line);border-radius:8px;"
    "padding:.8rem 1.1rem}"
    ".totals p{margin:.2rem 0}"
    "a{color:#1f5fbf}"
    "@media (max-width:40rem){body{font-size:15px}main{padding:.5rem}"
    "section.doc{padding:.7rem;border-radius:0}dl.meta{grid-template-columns:1fr}"
    "dl.meta dt{margin-top:.3rem}.zone{padding-left:.5rem}"
    "th,td{padding:.25rem .3rem}}"
    "@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}"
    "section.doc{border:0;padding:0;break-before:page}section.doc:first-of-type{break-before:auto}"
    "mark.fact,.chip,.zone{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "mark.fact::after{display:none}th{position:static}tr{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}}"
    "\n";

/* The kinds factpipe ships, in colours told apart also in print. */
static const struct {
    const char *kind, *colour;
} shipped[] = {
    {"percentage", "#ffd166"}, {"count", "#8ecae6"}, {"date", "#b5e48c"},
    {"official", "#f4a3c4"}, {"docref", "#cdb4f6"},
};

void fp_review_kind_colour(const char *kind, char *out, size_t size)
{
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
        if (strcmp(kind, shipped[i].kind) == 0) {
            snprintf(out, size, "%s", shipped[i].colour);
            return;
        }
    }
    /* FNV-1a: a hue from the name, light enough to read text on. */
    uint32_t h = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)kind; *c; c++)
        h = (h ^ *c) * 16777619u;
    snprintf(out, size, "hsl(%u 70%% %u%%)", (unsigned)(h % 360), 78 + (unsigned)(h >> 16) % 8);
}

void fp_review_kind_style(fp_review_out *w, const char *kind)
{
    char colour[40];
    fp_review_kind_colour(kind, colour, sizeof colour);
    fp_review_attr_printf(w, "style", "--fc:%s", colour);
}
