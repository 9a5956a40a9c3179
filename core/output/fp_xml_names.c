/* Names plugins give to kind-specific attributes and child elements.  They
 * end up as XML names verbatim, so a bad one would make the whole output
 * ill-formed, or, for an attribute, collide with one the core writes.  The
 * rules are the ones emit() applies (<factpipe/fact_check.h>). */
#include "fp_xml.h"

#include <factpipe/fact_check.h>

static int check_name(fp_name_role role, const char *name, fp_error *err)
{
    char why[160];
    if (fp_check_fact_name(role, name, why, sizeof why) == 0)
        return 0;
    return fp_error_set(err, "%s", why);
}

int fp_xml_check_attr_name(const char *name, fp_error *err)
{
    return check_name(FP_NAME_ATTRIBUTE, name, err);
}

int fp_xml_check_child_name(const char *name, fp_error *err)
{
    return check_name(FP_NAME_CHILD, name, err);
}
