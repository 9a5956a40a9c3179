/* `factpipe new-plugin NAME [--kind KIND] [--dir DIR]`: arguments, and
 * what to do next once the skeleton is written. */
#include "fp_new_plugin.h"

#include "../engine/fp_engine.h"

#include <getopt.h>
#include <string.h>

static const char usage_text[] =
    "Usage: factpipe new-plugin [OPTIONS] NAME\n"
    "Write the skeleton of an extractor plugin NAME into a new folder: NAME.c\n"
    "(one option, one lexicon, the loop over the document's words, emit),\n"
    "CMakeLists.txt (the installed SDK: find_package(factpipe) and\n"
    "factpipe_add_plugin), test_NAME.c (a cmocka test against the fake host),\n"
    "units.txt (its lexicon), sample.txt with sample.expected (its facts),\n"
    "NAME.pipeline (its drop-in pipeline section, with its priority) and\n"
    "README.md (the steps from here to an installed plugin).  It builds,\n"
    "passes its test and `factpipe check-plugin` untouched.\n"
    "NAME is a lower-case letter followed by lower-case letters, digits or\n"
    "'_', at most 64 characters (the plugin file is NAME.so); not a target\n"
    "name CMake keeps (all, test, install, ...) nor that of a plugin factpipe\n"
    "already has (installing it would replace that one).\n"
    "\n"
    "Options:\n"
    "      --kind KIND       the kind of its facts (default: NAME, '_' as '-');\n"
    "                        a lower-case letter followed by lower-case\n"
    "                        letters, digits or '-', at most 64\n"
    "      --dir DIR         the folder to write (default: ./NAME); it must\n"
    "                        not exist: nothing is ever overwritten\n"
    "  -h, --help            print this help\n"
    "\n"
    "The templates are factpipe's data: %s/new-plugin/.\n"
    "Exit status: 0 written; 1 not written (the message says why); 2 usage\n"
    "error.\n";

/* The prefix factpipe was installed in, when its data folder is
 * <prefix>/share/factpipe: what CMAKE_PREFIX_PATH needs. */
static int installed_prefix(char *prefix, size_t size)
{
    const char *data = fp_default_config_dir();
    static const char tail[] = "/share/factpipe";
    size_t len = strlen(data), tail_len = sizeof tail - 1;
    if (len <= tail_len || strcmp(data + len - tail_len, tail) != 0 || len - tail_len >= size)
        return -1;
    memcpy(prefix, data, len - tail_len);
    prefix[len - tail_len] = '\0';
    return 0;
}

static void print_next_steps(const char *name, const char *dir)
{
    char prefix[4096];
    char prefix_arg[4200] = "";
    if (installed_prefix(prefix, sizeof prefix) == 0 && strcmp(prefix, "/usr") != 0)
        snprintf(prefix_arg, sizeof prefix_arg, " -DCMAKE_PREFIX_PATH=%s", prefix);
    printf("\nNext (%s/README.md says more):\n"
           "  cmake -S %s -B %s/build%s\n"
           "  cmake --build %s/build && ctest --test-dir %s/build\n"
           "  factpipe check-plugin --sample %s/sample.txt %s/build/plugins/%s.so\n"
           "  cmake --install %s/build    # the plugin, its data and its pipeline section\n",
           dir, dir, dir, prefix_arg, dir, dir, dir, dir, name, dir);
    if (!prefix_arg[0] && installed_prefix(prefix, sizeof prefix) != 0)
        printf("(This factpipe runs from its build tree: build the plugin against an "
               "installed factpipe,\n cmake --install BUILD --prefix PREFIX, with "
               "-DCMAKE_PREFIX_PATH=PREFIX.)\n");
}

int fp_new_plugin_main(int argc, char **argv)
{
    enum { OPT_KIND = 256, OPT_DIR };
    static const struct option longs[] = {
        {"kind", required_argument, NULL, OPT_KIND},
        {"dir", required_argument, NULL, OPT_DIR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    fp_new_plugin_options o = {0};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (opt) {
        case OPT_KIND: o.kind = optarg; break;
        case OPT_DIR: o.dir = optarg; break;
        case 'h': printf(usage_text, fp_default_config_dir()); return 0;
        default:
            fprintf(stderr, "Try 'factpipe new-plugin --help'.\n");
            return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "factpipe new-plugin: %s\nTry 'factpipe new-plugin --help'.\n",
                optind >= argc ? "no NAME given" : "give one NAME");
        return 2;
    }
    o.name = argv[optind];
    fp_error err = {{0}};
    if (fp_new_plugin_write(&o, stdout, &err) != 0) {
        fprintf(stderr, "factpipe new-plugin: %s\n", err.message);
        return 1;
    }
    print_next_steps(o.name, o.dir ? o.dir : o.name);
    return 0;
}
