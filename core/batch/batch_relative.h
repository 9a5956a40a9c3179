/* The relative name of each input (batch_relative.c): its path under the
 * deepest folder that holds every input, the name its documents' files
 * take under -o DIR/ (batch_names.h encodes it).  One folder: its files'
 * paths under it; s/a and s/b: a/... and b/...; two files x/i.html and
 * y/i.html: x/i.html and y/i.html, never one over the other.
 *
 * Each input is first made an anchor: its path made absolute (against
 * the current folder) with empty and "." parts dropped and no leading
 * '/'; ".." is kept as it stands (it names a place only once links are
 * followed), so distinct inputs keep distinct anchors.  The common folder
 * is the longest whole-part prefix of every noted input's folder (a
 * folder input itself, a file's parent). */
#ifndef FP_BATCH_RELATIVE_H
#define FP_BATCH_RELATIVE_H

typedef struct fp_input_base {
    char *cwd;  /* for the anchors of relative inputs */
    char *base; /* the common folder so far */
    int has_base;
} fp_input_base;

/* Narrows the common folder to hold input (is_folder: a folder, else a
 * file or a name that is not there).  0, or -1 out of memory. */
int fp_input_base_note(fp_input_base *b, const char *input, int is_folder);
/* The relative name of input (every input noted first): its anchor with
 * the common folder taken off; "" for the common folder itself.
 * malloc'ed, or NULL out of memory. */
char *fp_input_base_relative(fp_input_base *b, const char *input);
void fp_input_base_free(fp_input_base *b);

#endif
