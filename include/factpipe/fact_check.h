/*
 * factpipe — the rules a fact must follow to be accepted, in one place.
 *
 * The core's emit(), `factpipe check-plugin` and the SDK's fake host all
 * decide with these functions, so a plugin test against the fake host
 * sees exactly the core's verdicts; a plugin may call them too.  The rules
 * are those of the XML output: whatever passes here, the writer writes
 * and schema/factpipe.rng accepts.  Header-only; needs only plugin.h.
 */
#ifndef FACTPIPE_FACT_CHECK_H
#define FACTPIPE_FACT_CHECK_H

#include <factpipe/plugin.h>
#include <factpipe/utf8.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* What a name given by a plugin names. */
typedef enum fp_name_role {
    FP_NAME_KIND,      /* a fact kind: an attribute value in the output */
    FP_NAME_ATTRIBUTE, /* a kind-specific attribute of <fact> */
    FP_NAME_CHILD      /* a kind-specific child element of <fact> */
} fp_name_role;

/* 0 when name may be used in its role, else -1 with the reason in why.
 * Every name is [a-z][a-z0-9-]*.  Attribute and child names are XML
 * names, so they may not start with "xml" (XML reserves those; "xmlns"
 * would even declare a namespace).  Attribute names may not be the ones
 * the core writes on every fact; child names may (an official's <title>,
 * a <text>: children are elements of their own). */
static inline int fp_check_fact_name(fp_name_role role, const char *name, char *why,
                                     size_t why_size)
{
    static const char *const core_attrs[] = {
        "kind", "value", "start", "end", "src-start", "src-end",
        "text", "plugin", "plugin-version", "zone",
    };
    const char *what = role == FP_NAME_KIND        ? "fact kind"
                       : role == FP_NAME_ATTRIBUTE ? "fact attribute"
                                                   : "fact child element";
    if (!name || !*name)
        return snprintf(why, why_size, "%s name is empty", what), -1;
    if (!(name[0] >= 'a' && name[0] <= 'z'))
        return snprintf(why, why_size, "%s name \"%.64s\" does not start with a lower-case "
                        "letter", what, name), -1;
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return snprintf(why, why_size, "%s name \"%.64s\" is not made of a-z, 0-9 and "
                            "'-'", what, name), -1;
    if (role != FP_NAME_KIND && strncmp(name, "xml", 3) == 0)
        return snprintf(why, why_size, "%s name \"%.64s\" starts with \"xml\", which XML "
                        "reserves", what, name), -1;
    if (role == FP_NAME_ATTRIBUTE)
        for (size_t i = 0; i < sizeof core_attrs / sizeof *core_attrs; i++)
            if (strcmp(name, core_attrs[i]) == 0)
                return snprintf(why, why_size, "%s name \"%s\" is reserved for the core",
                                what, name), -1;
    return 0;
}

/* The attributes or children of a fact: names, values, no attribute
 * twice (an element cannot carry one attribute twice). */
static inline int fp_check_fact_attrs(fp_name_role role, const fp_attr *list, size_t n,
                                      char *why, size_t why_size)
{
    const char *what = role == FP_NAME_ATTRIBUTE ? "attribute" : "child element";
    if (n && !list)
        return snprintf(why, why_size, "%zu %ss announced but a NULL list given", n, what),
               -1;
    for (size_t i = 0; i < n; i++) {
        if (fp_check_fact_name(role, list[i].name, why, why_size) != 0)
            return -1;
        if (!list[i].value || !fp_utf8_valid(list[i].value, strlen(list[i].value)))
            return snprintf(why, why_size, "%s \"%s\" has a NULL or invalid UTF-8 value",
                            what, list[i].name), -1;
        for (size_t k = 0; role == FP_NAME_ATTRIBUTE && k < i; k++)
            if (strcmp(list[k].name, list[i].name) == 0)
                return snprintf(why, why_size, "attribute \"%s\" given twice", list[i].name),
                       -1;
    }
    return 0;
}

/* 0 when the core accepts f as a fact of the text_len bytes at text (the
 * document's text), else -1 with one line in why saying what is wrong.
 * A NULL f->kind stands for the declared kind, which the loader checks. */
static inline int fp_check_fact(const fp_fact *f, const char *text, size_t text_len, char *why,
                                size_t why_size)
{
    if (!f)
        return snprintf(why, why_size, "no fact (NULL)"), -1;
    /* Facts of plugins built against ABI 1.0 end with n_children; fields
     * a later minor appends are optional. */
    if (f->struct_size < offsetof(fp_fact, n_children) + sizeof f->n_children)
        return snprintf(why, why_size, "struct_size %u is smaller than an ABI 1.0 fp_fact "
                        "(set it to sizeof(fp_fact))", (unsigned)f->struct_size), -1;
    if (f->start >= f->end || f->end > text_len)
        return snprintf(why, why_size, "span %zu..%zu is not a non-empty range inside the "
                        "%zu-byte text", f->start, f->end, text_len), -1;
    if (((unsigned char)text[f->start] & 0xC0) == 0x80 ||
        (f->end < text_len && ((unsigned char)text[f->end] & 0xC0) == 0x80))
        return snprintf(why, why_size, "span %zu..%zu cuts a UTF-8 character (offsets are "
                        "bytes: start and end on character boundaries)", f->start, f->end),
               -1;
    if (!f->value || !*f->value)
        return snprintf(why, why_size, "empty or NULL value"), -1;
    if (!fp_utf8_valid(f->value, strlen(f->value)))
        return snprintf(why, why_size, "value is not valid UTF-8"), -1;
    if (f->kind && fp_check_fact_name(FP_NAME_KIND, f->kind, why, why_size) != 0)
        return -1;
    if (fp_check_fact_attrs(FP_NAME_ATTRIBUTE, f->attrs, f->n_attrs, why, why_size) != 0 ||
        fp_check_fact_attrs(FP_NAME_CHILD, f->children, f->n_children, why, why_size) != 0)
        return -1;
    return 0;
}

#endif /* FACTPIPE_FACT_CHECK_H */
