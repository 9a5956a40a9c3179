/* The table of fact_cases.h.  Offsets into fact_case_text: "chiếm" is
 * bytes 0..7 ("ế" is bytes 3..6), "21,1%" bytes 8..13. */
#include "fact_cases.h"

#include <stddef.h>

const char fact_case_text[] = "chiếm 21,1% tổng số";
#define TEXT_LEN (sizeof fact_case_text - 1)

#define FACT(...) (&(const fp_fact){sizeof(fp_fact), __VA_ARGS__})
#define ATTRS(...) (const fp_attr[]){__VA_ARGS__}

const fact_case fact_cases[] = {
    /* Accepted. */
    {"a plain fact", FACT(NULL, 8, 13, "21.1", NULL, 0, NULL, 0), NULL},
    {"the whole text", FACT(NULL, 0, TEXT_LEN, "x", NULL, 0, NULL, 0), NULL},
    {"an explicit kind", FACT("percentage", 8, 13, "21.1", NULL, 0, NULL, 0), NULL},
    {"an attribute", FACT(NULL, 8, 13, "21.1", ATTRS({"unit", "phần"}), 1, NULL, 0), NULL},
    {"an attribute with an empty value",
     FACT(NULL, 8, 13, "21.1", ATTRS({"unit", ""}), 1, NULL, 0), NULL},
    {"a child named like a core attribute (text)",
     FACT(NULL, 8, 13, "21.1", NULL, 0, ATTRS({"text", "t"}), 1), NULL},
    {"a child named plugin-version",
     FACT(NULL, 8, 13, "21.1", NULL, 0, ATTRS({"plugin-version", "t"}), 1), NULL},
    {"a child repeated", FACT(NULL, 0, 7, "x", NULL, 0,
                              ATTRS({"title", "Bí thư"}, {"title", "Chủ tịch"}), 2), NULL},
    {"a control character in the value (written as U+FFFD)",
     FACT(NULL, 8, 13, "a\x01", NULL, 0, NULL, 0), NULL},
    {"a four-byte character in the value",
     FACT(NULL, 8, 13, "\xF0\x9F\x98\x80", NULL, 0, NULL, 0), NULL},

    /* Refused: the fact itself. */
    {"no fact", NULL, "no fact"},
    {"a struct_size of 8", &(const fp_fact){8, NULL, 0, 3, "1", NULL, 0, NULL, 0},
     "struct_size"},
    {"a struct_size one field short",
     &(const fp_fact){offsetof(fp_fact, n_children), NULL, 0, 3, "1", NULL, 0, NULL, 0},
     "struct_size"},
    {"an empty span", FACT(NULL, 5, 5, "1", NULL, 0, NULL, 0), "non-empty range"},
    {"a span past the end", FACT(NULL, 5, TEXT_LEN + 1, "1", NULL, 0, NULL, 0),
     "non-empty range"},
    {"a span ending inside ế", FACT(NULL, 0, 4, "1", NULL, 0, NULL, 0), "cuts a UTF-8"},
    {"a span starting inside ế", FACT(NULL, 4, 8, "1", NULL, 0, NULL, 0), "cuts a UTF-8"},
    {"an empty value", FACT(NULL, 0, 3, "", NULL, 0, NULL, 0), "empty or NULL value"},
    {"no value", FACT(NULL, 0, 3, NULL, NULL, 0, NULL, 0), "empty or NULL value"},
    {"a value not UTF-8", FACT(NULL, 0, 3, "\xFF", NULL, 0, NULL, 0), "not valid UTF-8"},
    {"an overlong value", FACT(NULL, 0, 3, "\xC0\xAF", NULL, 0, NULL, 0), "not valid UTF-8"},
    {"a surrogate value", FACT(NULL, 0, 3, "\xED\xA0\x80", NULL, 0, NULL, 0),
     "not valid UTF-8"},
    {"a value cut short", FACT(NULL, 0, 3, "a\xE1\xBA", NULL, 0, NULL, 0), "not valid UTF-8"},
    {"a kind with a space", FACT("Bad Kind", 0, 3, "1", NULL, 0, NULL, 0),
     "fact kind name \"Bad Kind\""},
    {"an empty kind", FACT("", 0, 3, "1", NULL, 0, NULL, 0), "fact kind name is empty"},

    /* Refused: attribute and child names, by the XML output's rules. */
    {"the core's attribute value", FACT(NULL, 0, 3, "1", ATTRS({"value", "x"}), 1, NULL, 0),
     "reserved for the core"},
    {"the core's attribute plugin-version",
     FACT(NULL, 0, 3, "1", ATTRS({"plugin-version", "2"}), 1, NULL, 0), "reserved"},
    {"the core's attribute zone", FACT(NULL, 0, 3, "1", ATTRS({"zone", "body"}), 1, NULL, 0),
     "reserved"},
    {"an attribute xmlfoo", FACT(NULL, 0, 3, "1", ATTRS({"xmlfoo", "x"}), 1, NULL, 0),
     "starts with \"xml\""},
    {"an attribute xmlns", FACT(NULL, 0, 3, "1", ATTRS({"xmlns", "urn:x"}), 1, NULL, 0),
     "starts with \"xml\""},
    {"a child xmlfoo", FACT(NULL, 0, 3, "1", NULL, 0, ATTRS({"xmlfoo", "x"}), 1),
     "starts with \"xml\""},
    {"an upper-case attribute", FACT(NULL, 0, 3, "1", ATTRS({"Unit", "x"}), 1, NULL, 0),
     "lower-case letter"},
    {"an attribute starting with a digit",
     FACT(NULL, 0, 3, "1", ATTRS({"1unit", "x"}), 1, NULL, 0), "lower-case letter"},
    {"an attribute with a space", FACT(NULL, 0, 3, "1", ATTRS({"a b", "x"}), 1, NULL, 0),
     "a-z, 0-9"},
    {"an attribute without a name", FACT(NULL, 0, 3, "1", ATTRS({NULL, "x"}), 1, NULL, 0),
     "name is empty"},
    {"an attribute without a value", FACT(NULL, 0, 3, "1", ATTRS({"unit", NULL}), 1, NULL, 0),
     "NULL or invalid UTF-8 value"},
    {"an attribute value not UTF-8",
     FACT(NULL, 0, 3, "1", ATTRS({"unit", "\xC3("}), 1, NULL, 0),
     "NULL or invalid UTF-8 value"},
    {"a child value not UTF-8", FACT(NULL, 0, 3, "1", NULL, 0, ATTRS({"title", "\xC3("}), 1),
     "NULL or invalid UTF-8 value"},
    {"a child without a value", FACT(NULL, 0, 3, "1", NULL, 0, ATTRS({"title", NULL}), 1),
     "NULL or invalid UTF-8 value"},
    {"attributes counted but not given", FACT(NULL, 0, 3, "1", NULL, 2, NULL, 0),
     "NULL list"},
    {"children counted but not given", FACT(NULL, 0, 3, "1", NULL, 0, NULL, 1), "NULL list"},
    {"an attribute given twice",
     FACT(NULL, 0, 3, "1", ATTRS({"unit", "a"}, {"note", "b"}, {"unit", "c"}), 3, NULL, 0),
     "given twice"},
};

const size_t n_fact_cases = sizeof fact_cases / sizeof *fact_cases;
