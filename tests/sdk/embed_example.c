/* A program embedding libfactpipe (pkg-config factpipe): processes each
 * file given, the first one also from memory, into one XML document. */
#include <factpipe/factpipe.h>

#include <stdio.h>
#include <stdlib.h>

static int process_from_memory(factpipe *fp, const char *path, char *why,
                               size_t why_size)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    static char bytes[1 << 20];
    size_t n = fread(bytes, 1, sizeof bytes, in);
    fclose(in);
    return factpipe_process_bytes(fp, bytes, n, "memory.txt", stdout, why,
                                  why_size);
}

int main(int argc, char **argv)
{
    factpipe_config config = {.struct_size = sizeof config};
    char why[1024];
    factpipe *fp = factpipe_new(&config, why, sizeof why);
    if (!fp) {
        fprintf(stderr, "embed_example: %s\n", why);
        return 2;
    }
    int failed = factpipe_write_begin(stdout) != 0;
    for (int i = 1; i < argc; i++)
        failed |= factpipe_process_file(fp, argv[i], NULL, stdout, why,
                                        sizeof why) != 0;
    if (argc > 1)
        failed |= process_from_memory(fp, argv[1], why, sizeof why) != 0;
    failed |= factpipe_write_end(stdout) != 0;
    fprintf(stderr, "embed_example: libfactpipe %s%s%s\n", factpipe_version(),
            failed ? ", failed: " : "", failed ? why : "");
    factpipe_free(fp);
    return failed;
}
