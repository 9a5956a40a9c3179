/* The JSON Lines format (--format jsonl): one JSON object per document per
 * line, in input order; schema/factpipe.schema.json describes it.  The
 * data are the XML's, member for member:
 *
 *   {"source", "format", "encoding", "meta": {"title", "date", "byline",
 *    "url", "record-date"}, "partial", "error", "facts": [{"kind",
 *    "value", "start", "end", "src-start", "src-end", "text", "plugin",
 *    "plugin-version", "zone", <kind-specific attributes>: "string",
 *    <child elements>: ["string", ...]}]}
 *
 * Every member is always there (null when the XML leaves it out), so data
 * tools see one shape; a failed document has its "error" and no facts.
 * With --include-text a processed document also has "text" and "zones"
 * ([{"kind", "start", "end"}], the XML's <zone> standoff), before "facts".
 * A child element takes one array member named after it, its values in
 * order.  A document the XML writer would refuse is refused here too (the
 * same checks), and so is one where a child element's name is already a
 * member of its fact (a core member or one of its attributes): JSON has
 * one value per name. */
#include "fp_json.h"
#include "fp_output_format.h"
#include "fp_xml_check.h"

#include <string.h>

static const char *const core_fact_members[] = {
    "kind", "value", "start", "end", "src-start", "src-end",
    "text", "plugin", "plugin-version", "zone",
};

static int is_member_of(const fp_out_fact *fact, const char *name)
{
    for (size_t i = 0; i < sizeof core_fact_members / sizeof *core_fact_members; i++)
        if (strcmp(core_fact_members[i], name) == 0)
            return 1;
    for (size_t i = 0; i < fact->n_attrs; i++)
        if (strcmp(fact->attrs[i].name, name) == 0)
            return 1;
    return 0;
}

static int check_child_names(const fp_out_doc *doc, fp_error *err)
{
    for (size_t i = 0; i < doc->n_facts; i++) {
        const fp_out_fact *fact = &doc->facts[i];
        for (size_t c = 0; c < fact->n_children; c++)
            if (is_member_of(fact, fact->children[c].name))
                return fp_error_set(err, "%s: fact %zu: %s fact from plugin %s has a child "
                                    "element \"%s\", a name its fact already uses: JSON "
                                    "cannot hold both", doc->source, i + 1, fact->kind,
                                    fact->plugin, fact->children[c].name);
    }
    return 0;
}

/* The children named like children[c], once, at their first occurrence. */
static void write_children_named(fp_json *w, const fp_out_fact *fact, size_t first)
{
    const char *name = fact->children[first].name;
    for (size_t c = 0; c < first; c++)
        if (strcmp(fact->children[c].name, name) == 0)
            return; /* written with the first one */
    fp_json_key(w, name);
    fp_json_array_begin(w);
    for (size_t c = first; c < fact->n_children; c++)
        if (strcmp(fact->children[c].name, name) == 0)
            fp_json_string(w, fact->children[c].value);
    fp_json_array_end(w);
}

static void write_fact(fp_json *w, const fp_out_fact *fact)
{
    fp_json_object_begin(w);
    fp_json_member_string(w, "kind", fact->kind);
    fp_json_member_string(w, "value", fact->value);
    fp_json_member_uint(w, "start", fact->start);
    fp_json_member_uint(w, "end", fact->end);
    fp_json_member_uint(w, "src-start", fact->src_start);
    fp_json_member_uint(w, "src-end", fact->src_end);
    fp_json_member_string(w, "text", fact->text);
    fp_json_member_string(w, "plugin", fact->plugin);
    fp_json_member_string(w, "plugin-version", fact->plugin_version);
    fp_json_member_string(w, "zone", fact->zone);
    for (size_t i = 0; i < fact->n_attrs; i++)
        fp_json_member_string(w, fact->attrs[i].name, fact->attrs[i].value);
    for (size_t c = 0; c < fact->n_children; c++)
        write_children_named(w, fact, c);
    fp_json_object_end(w);
}

static void write_meta(fp_json *w, const fp_out_doc *doc)
{
    fp_json_key(w, "meta");
    fp_json_object_begin(w);
    fp_json_member_string(w, "title", doc->error ? NULL : doc->title);
    fp_json_member_string(w, "date", doc->error ? NULL : doc->date);
    fp_json_member_string(w, "byline", doc->error ? NULL : doc->byline);
    fp_json_member_string(w, "url", doc->error ? NULL : doc->url);
    fp_json_member_string(w, "record-date", doc->error ? NULL : doc->record_date);
    fp_json_object_end(w);
}

static void write_text(fp_json *w, const fp_out_doc *doc)
{
    fp_json_member_string(w, "text", doc->text);
    fp_json_key(w, "zones");
    fp_json_array_begin(w);
    for (size_t i = 0; i < doc->n_zones; i++) {
        fp_json_object_begin(w);
        fp_json_member_string(w, "kind", doc->zones[i].kind);
        fp_json_member_uint(w, "start", doc->zones[i].start);
        fp_json_member_uint(w, "end", doc->zones[i].end);
        fp_json_object_end(w);
    }
    fp_json_array_end(w);
}

static int write_document(FILE *out, const fp_out_doc *doc, fp_error *err)
{
    fp_json w;
    fp_json_init(&w, out);
    fp_json_object_begin(&w);
    fp_json_member_string(&w, "source", doc->source);
    fp_json_member_string(&w, "format", doc->format);
    fp_json_key(&w, "encoding");
    /* An empty encoding says nothing, as in the XML. */
    fp_json_string(&w, doc->encoding && *doc->encoding ? doc->encoding : NULL);
    write_meta(&w, doc);
    fp_json_key(&w, "partial");
    fp_json_bool(&w, !doc->error && doc->partial);
    fp_json_member_string(&w, "error", doc->error);
    if (!doc->error && doc->text)
        write_text(&w, doc);
    fp_json_key(&w, "facts");
    fp_json_array_begin(&w);
    for (size_t i = 0; !doc->error && i < doc->n_facts; i++)
        write_fact(&w, &doc->facts[i]);
    fp_json_array_end(&w);
    fp_json_object_end(&w);
    if (fp_json_end(&w, err) != 0)
        return fp_error_prefix(err, "%s: ", doc->source);
    if (fputc('\n', out) == EOF)
        return fp_error_set(err, "%s: cannot write the JSON output", doc->source);
    return 0;
}

static int jsonl_render(FILE *out, const fp_out_doc *doc, fp_error *err)
{
    if (fp_xml_check_doc(doc, err) != 0 || (!doc->error && check_child_names(doc, err) != 0))
        return -1;
    return write_document(out, doc, err);
}

const fp_output_format fp_output_format_jsonl = {
    .name = "jsonl",
    .extension = ".json",
    .summary = "JSON Lines: one JSON object per document and line",
    .failures = "their \"error\" members",
    .head = fp_output_no_head,
    .between = NULL,
    .tail = fp_output_no_tail,
    .render = jsonl_render,
};
