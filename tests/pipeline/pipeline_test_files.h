/* Scratch files for the pipeline tests: one folder under /tmp per test,
 * holding pipeline files and the files they point at, removed afterwards
 * so that the tests leave nothing behind even when run repeatedly. */
#ifndef PIPELINE_TEST_FILES_H
#define PIPELINE_TEST_FILES_H

#include <stddef.h>

#define SCRATCH_MAX_ENTRIES 64

typedef struct scratch {
    char *dir; /* absolute and canonical, so tests can compare paths */
    /* Everything created inside dir, removed in reverse order. */
    char *entries[SCRATCH_MAX_ENTRIES];
    size_t n_entries;
} scratch;

/* Both return 0, or -1 after printing why (test set-up, not library). */
int scratch_create(scratch *s);
void scratch_remove(scratch *s);

/* dir/name holding text; returns its path, owned by s. */
const char *scratch_file(scratch *s, const char *name, const char *text);
/* The folder dir/name; returns its path, owned by s. */
const char *scratch_folder(scratch *s, const char *name);
/* A pipeline file with a unique name (mkstemp) holding text. */
const char *scratch_pipeline(scratch *s, const char *text);
/* Removes a file made by scratch_pipeline() now, for table-driven tests
 * that write one file per row. */
void scratch_forget(scratch *s, const char *path);

/* dir/name as a malloc'ed string. */
char *scratch_path(const scratch *s, const char *name);

#endif
