/* Replays saved inputs through a harness without libFuzzer, so that ctest
 * runs every seed corpus (and every past crasher kept there) in the normal
 * and the ASan+UBSan builds.
 *
 * Usage: fuzz_NAME_replay FILE|FOLDER...  Folders are read one level deep
 * in sorted order; names starting with '.' are skipped.  Exit 0 when every
 * input ran (a bug aborts), 1 when an input could not be read. */
#include "fuzz_target.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *grown = realloc(data, cap *= 2);
            if (!grown)
                free(data);
            data = grown;
        }
    }
    int failed = ferror(f) || !data;
    fclose(f);
    if (failed) {
        fprintf(stderr, "%s: cannot read: %s\n", path,
                data ? strerror(errno) : "out of memory");
        free(data);
        return -1;
    }
    /* An exact-size copy, so ASan sees reads past the input's end. */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(data);
        fprintf(stderr, "%s: out of memory\n", path);
        return -1;
    }
    memcpy(exact, data, len);
    free(data);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_folder(const char *folder, size_t *count)
{
    struct dirent **entries;
    int n = scandir(folder, &entries, NULL, by_name);
    if (n < 0) {
        fprintf(stderr, "%s: cannot list: %s\n", folder, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char path[4096];
        if (entries[i]->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", folder, entries[i]->d_name);
            struct stat st;
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                if (replay_file(path) != 0)
                    rc = -1;
                else
                    (*count)++;
            }
        }
        free(entries[i]);
    }
    free(entries);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 2;
    }
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc |= replay_folder(argv[i], &count) != 0;
        else if (replay_file(argv[i]) != 0)
            rc = 1;
        else
            count++;
    }
    printf("%s: replayed %zu inputs\n", argv[0], count);
    return rc ? 1 : 0;
}
