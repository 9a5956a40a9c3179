/* The table of a document's facts (review_table.h). */
#include "review_table.h"
#include "review_style.h"

#include <string.h>

static void cell(fp_review_out *w, const char *cls, const char *text)
{
    fp_review_start(w, "td");
    if (cls)
        fp_review_attr(w, "class", cls);
    fp_review_text(w, text, strlen(text));
    fp_review_end(w);
}

static void write_fact_row(fp_review_out *w, const fp_review_facts *f, size_t i)
{
    const fp_out_fact *fact = &f->doc->facts[i];
    fp_review_start(w, "tr");
    fp_review_attr(w, "data-kind", fact->kind);
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu", i + 1);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_start(w, "span");
    fp_review_attr(w, "class", "chip");
    fp_review_kind_style(w, fact->kind);
    fp_review_text(w, fact->kind, strlen(fact->kind));
    fp_review_end(w);
    fp_review_end(w);
    cell(w, NULL, fact->value);
    fp_review_start(w, "td");
    for (size_t a = 0; a < fact->n_attrs; a++)
        fp_review_text_printf(w, "%s%s: %s", a ? "; " : "", fact->attrs[a].name, fact->attrs[a].value);
    for (size_t c = 0; c < fact->n_children; c++)
        fp_review_text_printf(w, "%s%s: %s", c || fact->n_attrs ? "; " : "", fact->children[c].name,
                              fact->children[c].value);
    fp_review_end(w);
    cell(w, NULL, fact->text);
    cell(w, NULL, fact->zone ? fact->zone : f->places[i].located ? "" : "(not in the text)");
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu–%zu", fact->start, fact->end);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu–%zu", fact->src_start, fact->src_end);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_text_printf(w, "%s %s", fact->plugin, fact->plugin_version);
    fp_review_end(w);
    fp_review_end(w); /* tr */
    fp_review_newline(w);
}

void fp_review_fact_table(fp_review_out *w, const fp_review_facts *f)
{
    if (f->doc->n_facts == 0)
        return;
    fp_review_start(w, "h2");
    fp_review_text_printf(w, "Facts (%zu)", f->doc->n_facts);
    fp_review_end(w);
    fp_review_start(w, "div");
    fp_review_attr(w, "class", "table-wrap");
    fp_review_start(w, "table");
    fp_review_attr(w, "class", "facts");
    fp_review_start(w, "thead");
    fp_review_start(w, "tr");
    static const char *const heads[] = {"#", "kind", "value", "details", "text", "zone",
                                        "characters", "bytes", "plugin"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        fp_review_element(w, "th", heads[i]);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
    fp_review_start(w, "tbody");
    for (size_t i = 0; i < f->doc->n_facts; i++)
        write_fact_row(w, f, i);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
}

