/* factpipe check-plugin: a conformance check of one plugin file.
 *
 * Loads the plugin with the loader's own refusals, prints its descriptor
 * and options, creates it (options from a pipeline's [plugin NAME] section
 * or the defaults), runs it on built-in Vietnamese sample text — once, then
 * from two threads at once on the same instance — and checks every fact it
 * emits: span inside the text and on UTF-8 character boundaries, a
 * non-empty valid UTF-8 value, the declared kind, well-formed attribute
 * names.  The two threads must give the same facts as the single run.
 * With --sample FILE it also runs the plugin on the author's text, where
 * finding no fact fails (the matching never ran) unless --expect 0.
 * The run happens in a child process under CPU, memory and wall-clock
 * limits, so a plugin that crashes or loops fails the check instead of
 * taking the checker down. */
#ifndef FP_CHECK_H
#define FP_CHECK_H

#include <stdio.h>

typedef struct fp_check_options {
    const char *pipeline_path; /* NULL: the plugin's defaults */
    unsigned timeout_seconds;  /* wall clock for the whole run; 0: 30 */
    int verbose;               /* also list every fact */
    /* The author's own sample text (NULL: none), run like the built-in
     * one, once and from two threads; it must give at least one fact, or
     * exactly expect_facts when that is not negative. */
    const char *sample_path;
    long expect_facts;
} fp_check_options;

/* Runs every check in this process, printing the report to out.
 * Returns 0 when the plugin passes, 1 when it fails (the report says why). */
int fp_check_plugin(const char *path, const fp_check_options *options,
                    FILE *out);

/* The `factpipe check-plugin` subcommand: argv[0] is "check-plugin".
 * Returns the exit status: 0 pass, 1 fail, 2 usage error. */
int fp_check_main(int argc, char **argv);

/* The built-in sample text: Vietnamese bulletin sentences with numbers,
 * percentages, dates, names and titles, document references; one block
 * per line. */
extern const char fp_check_sample_text[];

#endif
