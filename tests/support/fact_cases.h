/* One table of facts and the verdict the core's rules give each, run
 * against every host that checks facts: the core's emit()
 * (tests/host/test_host_emit.c), check-plugin's host
 * (tests/check/test_check_host.c) and the fake host
 * (tests/support/test_fake_host.c).  They all decide with
 * <factpipe/fact_check.h>; the table keeps them from drifting apart. */
#ifndef FACT_CASES_H
#define FACT_CASES_H

#include <factpipe/plugin.h>
#include <stddef.h>

/* The document text every case is emitted into. */
extern const char fact_case_text[];

typedef struct fact_case {
    const char *name;   /* what the case shows */
    const fp_fact *fact; /* NULL: emit(NULL) */
    const char *refusal; /* NULL: accepted; else a part of the reason */
} fact_case;

extern const fact_case fact_cases[];
extern const size_t n_fact_cases;

#endif
