/* Whole-document checks mirroring schema/factpipe.rng: whatever passes
 * here is written as output the schema accepts. */
#include "fp_xml_check.h"

#include <factpipe/fact_check.h>
#include <string.h>

static const char *const zone_names[] = {
    "title", "dateline", "lead", "body", "byline", "chrome",
};

/* Whether zone is one of the zone names the schema allows for facts. */
static int is_zone_name(const char *zone)
{
    for (size_t i = 0; i < sizeof zone_names / sizeof *zone_names; i++) {
        if (strcmp(zone, zone_names[i]) == 0)
            return 1;
    }
    return 0;
}

/* The standoff zones also name captions (BODY lines of a picture). */
static int is_standoff_zone_name(const char *zone)
{
    return strcmp(zone, "caption") == 0 || is_zone_name(zone);
}

static int is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
    }
    return 1;
}

/* YYYY-MM-DD, YYYY-MM or YYYY: the forms fp_document_meta.date promises. */
static int is_meta_date(const char *date)
{
    size_t len = strlen(date);
    if (len != 4 && len != 7 && len != 10)
        return 0;
    if (!is_digits(date, 4))
        return 0;
    for (size_t dash = 4; dash < len; dash += 3) {
        if (date[dash] != '-' || !is_digits(date + dash + 1, 2))
            return 0;
    }
    return 1;
}

/* The first ten characters are YYYY-MM-DD. */
static int is_meta_date_prefix(const char *date)
{
    char day[11];
    memcpy(day, date, 10);
    day[10] = '\0';
    return is_meta_date(day);
}

static int is_non_empty(const char *s)
{
    return s && *s;
}

static int check_fact_extensions(const fp_out_fact *fact, fp_error *err)
{
    if (fact->n_attrs > 0 && !fact->attrs)
        return fp_error_set(err, "%zu attributes announced but none given",
                            fact->n_attrs);
    for (size_t i = 0; i < fact->n_attrs; i++) {
        const fp_attr *attr = &fact->attrs[i];
        if (fp_xml_check_attr_name(attr->name, err) < 0)
            return -1;
        if (!attr->value)
            return fp_error_set(err, "attribute \"%s\" has no value",
                                attr->name);
        /* A repeated attribute would make the element ill-formed. */
        for (size_t j = 0; j < i; j++) {
            if (strcmp(fact->attrs[j].name, attr->name) == 0)
                return fp_error_set(err, "attribute \"%s\" given twice",
                                    attr->name);
        }
    }
    if (fact->n_children > 0 && !fact->children)
        return fp_error_set(err, "%zu child elements announced but none "
                            "given", fact->n_children);
    for (size_t i = 0; i < fact->n_children; i++) {
        const fp_attr *child = &fact->children[i];
        if (fp_xml_check_child_name(child->name, err) < 0)
            return -1;
        if (!child->value)
            return fp_error_set(err, "child element \"%s\" has no text",
                                child->name);
    }
    return 0;
}

static int check_fact(const fp_out_fact *fact, fp_error *err)
{
    char why[160];
    if (fp_check_fact_name(FP_NAME_KIND, fact->kind, why, sizeof why) != 0)
        return fp_error_set(err, "%s", why);
    if (!is_non_empty(fact->value))
        return fp_error_set(err, "%s fact has an empty value", fact->kind);
    if (!fact->text)
        return fp_error_set(err, "%s fact has no surface text", fact->kind);
    if (!is_non_empty(fact->plugin) || !is_non_empty(fact->plugin_version))
        return fp_error_set(err, "%s fact does not name its plugin and "
                            "plugin version", fact->kind);
    if (fact->zone && !is_zone_name(fact->zone))
        return fp_error_set(err, "%s fact has unknown zone \"%.64s\"",
                            fact->kind, fact->zone);
    if (check_fact_extensions(fact, err) < 0)
        return fp_error_prefix(err, "%s fact from plugin %s: ", fact->kind,
                               fact->plugin);
    return 0;
}

/* Zones are standoff on <text>: in text order, not overlapping. */
static int check_zones(const fp_out_doc *doc, fp_error *err)
{
    if (doc->n_zones > 0 && (!doc->zones || !doc->text))
        return fp_error_set(err, "%s: %zu zones given without %s", doc->source,
                            doc->n_zones, doc->zones ? "the text" : "a list");
    size_t previous_end = 0;
    for (size_t i = 0; i < doc->n_zones; i++) {
        const fp_out_zone *zone = &doc->zones[i];
        if (!zone->kind || !is_standoff_zone_name(zone->kind))
            return fp_error_set(err, "%s: zone %zu has unknown kind \"%.64s\"",
                                doc->source, i + 1,
                                zone->kind ? zone->kind : "(null)");
        if (zone->end < zone->start || zone->start < previous_end)
            return fp_error_set(err, "%s: zone %zu (%zu..%zu) ends before it "
                                "starts or overlaps the one before (ending "
                                "at %zu)",
                                doc->source, i + 1, zone->start, zone->end,
                                previous_end);
        previous_end = zone->end;
    }
    return 0;
}

int fp_xml_check_doc(const fp_out_doc *doc, fp_error *err)
{
    if (!doc)
        return fp_error_set(err, "no document given");
    if (!is_non_empty(doc->source))
        return fp_error_set(err, "document has no source name");
    if (doc->format && strcmp(doc->format, "html") != 0 &&
        strcmp(doc->format, "text") != 0)
        return fp_error_set(err, "%s: format \"%.64s\" is neither html nor "
                            "text", doc->source, doc->format);
    if (doc->error)
        return 0; /* only source, format, encoding and error are written */

    if (!doc->format)
        return fp_error_set(err, "%s: document has no format", doc->source);
    if (doc->date && !is_meta_date(doc->date))
        return fp_error_set(err, "%s: date \"%.64s\" is not YYYY-MM-DD, "
                            "YYYY-MM or YYYY", doc->source, doc->date);
    if (doc->url && !*doc->url)
        return fp_error_set(err, "%s: empty url", doc->source);
    /* The writer's own callers format record dates; only the date part is
     * checked here, the schema checks the rest. */
    if (doc->record_date &&
        (strlen(doc->record_date) < 10 || !is_meta_date_prefix(doc->record_date)))
        return fp_error_set(err, "%s: record date \"%.64s\" does not start with "
                            "YYYY-MM-DD", doc->source, doc->record_date);
    if (check_zones(doc, err) < 0)
        return -1;
    if (doc->n_facts > 0 && !doc->facts)
        return fp_error_set(err, "%s: %zu facts announced but none given",
                            doc->source, doc->n_facts);
    for (size_t i = 0; i < doc->n_facts; i++) {
        if (check_fact(&doc->facts[i], err) < 0)
            return fp_error_prefix(err, "%s: fact %zu: ", doc->source, i + 1);
    }
    return 0;
}
