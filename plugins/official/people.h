/*
 * people — merge the mentions of a document into people and emit one
 * official fact per person who acts in an official capacity.
 *
 * Mentions with the same full name (compared without case) are one
 * person; a mention by given name alone ("ông Tâm", "bộ trưởng Ngọ")
 * joins the person of that given name mentioned last before it, or else
 * the first mentioned after it; with none, it is a person of its own when
 * it has a capacity.  Titles are united in first-seen order; a later
 * title that the person already has in a longer form adds nothing, and a
 * longer form replaces a shorter one.  A person is an official when one
 * of its mentions says so: a title, a post stated as a predicate, a place
 * in a list of candidates or members outside a private story, or an
 * honorific that says so (official-honorifics.txt).  Historical figures
 * and the byline author are not, and mentions in page chrome make
 * separate people, so that a name in a menu cannot move an article
 * official's span into the chrome the core drops.  Merging is by hash:
 * linear in the mentions.
 */
#ifndef OFFICIAL_PEOPLE_H
#define OFFICIAL_PEOPLE_H

#include "scan.h"

#include <factpipe/plugin.h>

/* Emits the officials among mentions (in text order).  FP_ERROR (with a
 * message) when out of memory or the host refuses a fact. */
int people_emit(const official_lexicons *lex, const mention_list *mentions,
                const fp_document *doc, const fp_host *host);

#endif /* OFFICIAL_PEOPLE_H */
