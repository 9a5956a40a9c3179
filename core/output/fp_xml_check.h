/* Checks run on a whole document before any of it is written, so that bad
 * input is refused while the writer's state is still clean: libxml2's text
 * writer cannot take back an element it has started. */
#ifndef FP_XML_CHECK_H
#define FP_XML_CHECK_H

#include "fp_xml.h"

/* 0 when doc can be written as schema-valid XML; -1 with the reason. */
int fp_xml_check_doc(const fp_out_doc *doc, fp_error *err);

#endif
