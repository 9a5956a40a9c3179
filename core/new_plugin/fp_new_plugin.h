/* factpipe new-plugin: writes the skeleton of an extractor plugin — its
 * source, CMake project, unit test against the fake host, lexicon, sample
 * text with its expected facts, drop-in pipeline section and README —
 * that builds against the installed SDK, passes its test and
 * `factpipe check-plugin --sample` untouched.
 *
 * The files are templates installed with factpipe's data
 * (<datadir>/factpipe/new-plugin/, files NAME.in; in the source tree
 * config/new-plugin/): every file ending in ".in" is written without that
 * suffix, "NAME" in its file name and the placeholders @NAME@, @KIND@ and
 * @FACTPIPE_VERSION@ in its text replaced. */
#ifndef FP_NEW_PLUGIN_H
#define FP_NEW_PLUGIN_H

#include "../common/fp_error.h"

#include <stdio.h>

typedef struct fp_new_plugin_options {
    const char *name;          /* [a-z][a-z0-9_]*, as the loader wants */
    const char *kind;          /* NULL: the name with '_' as '-' */
    const char *dir;           /* NULL: ./NAME; must not exist */
    const char *template_dir;  /* NULL: <data folder>/new-plugin */
} fp_new_plugin_options;

/* 0 when name may name a plugin, else -1 with why in err: the loader's
 * rule ([a-z][a-z0-9_]*, at most 64 characters), and not a name CMake
 * keeps for itself ("test", "install", ...). */
int fp_new_plugin_check_name(const char *name, fp_error *err);

/* Writes the skeleton: creates the folder (refusing one that exists, of
 * any kind), writes every template into it, and lists what it wrote on
 * out.  On failure nothing is left behind.  0, or -1 with err set. */
int fp_new_plugin_write(const fp_new_plugin_options *options, FILE *out, fp_error *err);

/* The `factpipe new-plugin` subcommand: argv[0] is "new-plugin".  Returns
 * the exit status: 0 written, 1 not written (the message says why), 2
 * usage error. */
int fp_new_plugin_main(int argc, char **argv);

#endif
