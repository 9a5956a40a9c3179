#include "pipeline_test_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int scratch_create(scratch *s)
{
    memset(s, 0, sizeof *s);
    char template[] = "/tmp/fp-pipeline-test-XXXXXX";
    if (!mkdtemp(template)) {
        perror("mkdtemp");
        return -1;
    }
    /* /tmp may be a symbolic link; the library returns canonical paths. */
    s->dir = realpath(template, NULL);
    if (!s->dir) {
        perror("realpath");
        rmdir(template);
        return -1;
    }
    return 0;
}

void scratch_remove(scratch *s)
{
    while (s->n_entries > 0) {
        char *path = s->entries[--s->n_entries];
        if (remove(path) != 0)
            perror(path);
        free(path);
    }
    if (s->dir && rmdir(s->dir) != 0)
        perror(s->dir);
    free(s->dir);
    s->dir = NULL;
}

char *scratch_path(const scratch *s, const char *name)
{
    size_t size = strlen(s->dir) + 1 + strlen(name) + 1;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/%s", s->dir, name);
    return path;
}

static const char *remember(scratch *s, char *path)
{
    for (size_t i = 0; i < s->n_entries; i++) { /* a file written again */
        if (strcmp(s->entries[i], path) == 0) {
            free(path);
            return s->entries[i];
        }
    }
    if (s->n_entries == SCRATCH_MAX_ENTRIES) {
        fprintf(stderr, "scratch: more than %d entries\n",
                SCRATCH_MAX_ENTRIES);
        remove(path);
        free(path);
        return NULL;
    }
    s->entries[s->n_entries++] = path;
    return path;
}

static int write_text(FILE *file, const char *path, const char *text)
{
    size_t len = strlen(text);
    int ok = fwrite(text, 1, len, file) == len;
    if (fclose(file) != 0)
        ok = 0;
    if (!ok)
        perror(path);
    return ok ? 0 : -1;
}

const char *scratch_file(scratch *s, const char *name, const char *text)
{
    char *path = scratch_path(s, name);
    if (!path)
        return NULL;
    FILE *file = fopen(path, "w");
    if (!file) {
        perror(path);
        free(path);
        return NULL;
    }
    const char *kept = remember(s, path);
    if (kept && write_text(file, path, text) != 0)
        return NULL;
    return kept;
}

const char *scratch_folder(scratch *s, const char *name)
{
    char *path = scratch_path(s, name);
    if (!path)
        return NULL;
    if (mkdir(path, 0755) != 0) {
        perror(path);
        free(path);
        return NULL;
    }
    return remember(s, path);
}

const char *scratch_pipeline(scratch *s, const char *text)
{
    char *path = scratch_path(s, "pipeline-XXXXXX");
    if (!path)
        return NULL;
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        free(path);
        return NULL;
    }
    FILE *file = fdopen(fd, "w");
    if (!file) {
        perror(path);
        close(fd);
        remove(path);
        free(path);
        return NULL;
    }
    const char *kept = remember(s, path);
    if (kept && write_text(file, path, text) != 0)
        return NULL;
    return kept;
}

void scratch_forget(scratch *s, const char *path)
{
    for (size_t i = s->n_entries; i-- > 0;) {
        if (s->entries[i] == path) {
            remove(s->entries[i]);
            free(s->entries[i]);
            memmove(&s->entries[i], &s->entries[i + 1],
                    (s->n_entries - i - 1) * sizeof s->entries[0]);
            s->n_entries--;
            return;
        }
    }
}
