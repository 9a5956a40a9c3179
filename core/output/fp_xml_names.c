/* Names plugins give to kind-specific attributes and child elements.  They
 * end up as XML names verbatim, so a bad one would make the whole output
 * ill-formed, or, for an attribute, collide with one the core writes. */
#include "fp_xml.h"

#include <string.h>

/* The attributes the core writes on every <fact>; schema/factpipe.rng
 * excludes the same list from the kind-specific ones. */
static const char *const reserved_fact_attrs[] = {
    "kind", "value", "start", "end", "src-start", "src-end",
    "text", "plugin", "plugin-version", "zone",
};

static int check_plugin_name(const char *what, const char *name,
                             fp_error *err)
{
    if (!name || !*name)
        return fp_error_set(err, "%s name is empty", what);
    if (!(name[0] >= 'a' && name[0] <= 'z'))
        return fp_error_set(err, "%s name \"%.64s\" does not start with a "
                            "lower-case letter", what, name);
    for (const char *c = name; *c; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
              *c == '-'))
            return fp_error_set(err, "%s name \"%.64s\" is not made of "
                                "a-z, 0-9 and '-'", what, name);
    }
    /* XML reserves names starting with "xml"; "xmlns" would even turn the
     * attribute into a namespace declaration. */
    if (strncmp(name, "xml", 3) == 0)
        return fp_error_set(err, "%s name \"%.64s\" starts with \"xml\", "
                            "which XML reserves", what, name);
    return 0;
}

int fp_xml_check_attr_name(const char *name, fp_error *err)
{
    if (check_plugin_name("fact attribute", name, err) < 0)
        return -1;
    size_t n_reserved = sizeof reserved_fact_attrs / sizeof *reserved_fact_attrs;
    for (size_t i = 0; i < n_reserved; i++) {
        if (strcmp(name, reserved_fact_attrs[i]) == 0)
            return fp_error_set(err, "fact attribute name \"%s\" is "
                                "reserved for the core", name);
    }
    return 0;
}

int fp_xml_check_child_name(const char *name, fp_error *err)
{
    return check_plugin_name("fact child element", name, err);
}
