/* Merging the facts of all plugins into one text-ordered, deterministic
 * list.  Where facts of different plugins claim overlapping text, the one
 * whose plugin has the higher pipeline priority wins; at equal priority both
 * stay (two kinds may well describe the same words).  Facts of one plugin
 * never displace each other. */
#ifndef FP_MERGE_H
#define FP_MERGE_H

#include "../common/fp_facts.h"

/* Sort list by (start, end, plugin, emission order), mark the facts that
 * lose an overlap as dropped, and remove them.  Never fails. */
void fp_merge_facts(fp_fact_list *list);

#endif
