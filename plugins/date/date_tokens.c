/*
 * date_tokens.c — questions about the tokens of a block; see
 * date_tokens.h.
 */
#include "date_tokens.h"

bool free_before(const date_scanner *s, size_t i)
{
    if (i == 0 || s->tokens[i].space_before)
        return true;
    const date_token *prev = &s->tokens[i - 1];
    if (prev->type != TOKEN_PUNCT)
        return false;
    bool after_number = i >= 2 && !prev->space_before &&
                        s->tokens[i - 2].type == TOKEN_NUMBER;
    return !(after_number && (prev->punct == '/' || prev->punct == '.' ||
                              prev->punct == ',' || prev->punct == ':'));
}

bool free_after(const date_scanner *s, size_t last, uint32_t sep)
{
    const date_token *next = token_at(s, last + 1);
    if (next == NULL || next->space_before)
        return true;
    if (next->type != TOKEN_PUNCT || next->punct == '%')
        return false; /* "15/3abc", "từ 11-12%" */
    if (next->punct == ',' || next->punct == ':')
        return !is_glued_number(s, last + 2); /* "2,5", "14:30" */
    if (!is_joiner(next->punct) || !is_glued_number(s, last + 2))
        return true;
    return next->punct == PUNCT_DASH && sep != PUNCT_DASH && sep != 0;
}


bool is_plain_word(const date_scanner *s, size_t i)
{
    const date_token *t = token_at(s, i);
    if (t == NULL || t->type != TOKEN_WORD || t->relative != NULL ||
        t->weekday != NULL)
        return false;
    return t->grammar_word == NULL ||
           !(t->grammar_word->roles &
             ~(unsigned)(ROLE_QUANTITY | ROLE_HOUR | ROLE_MINUTE));
}
