/*
 * people — merge the mentions of a document into people and emit one
 * official fact per person who acts in an official capacity.
 *
 * Mentions with the same full name are one person; a mention by given
 * name alone ("ông Tâm") joins the person of that given name mentioned
 * last before it.  Titles are united in first-seen order; a later title
 * that the person already has in a longer form adds nothing, and a longer
 * form replaces a shorter one.  A person is an official with a title, or
 * with an honorific that says so (official-honorifics.txt).  Historical
 * figures and the byline author are not, and mentions in page chrome make
 * separate people, so that a name in a menu cannot move an article
 * official's span into the chrome the core drops.
 */
#ifndef OFFICIAL_PEOPLE_H
#define OFFICIAL_PEOPLE_H

#include "scan.h"

#include <factpipe/plugin.h>

/* Emits the officials among mentions.  FP_ERROR (with a message) when out
 * of memory or the host refuses a fact. */
int people_emit(const official_lexicons *lex, const mention_list *mentions,
                const fp_document *doc, const fp_host *host);

#endif /* OFFICIAL_PEOPLE_H */
