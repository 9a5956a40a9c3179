/* `factpipe check-plugin`: arguments, and the child process the checks run
 * in.  A plugin is foreign code: it may crash, loop or eat memory.  Running
 * it in a forked child under RLIMIT_CPU and RLIMIT_AS, with a wall-clock
 * deadline enforced by the parent, turns each of those into a failed check
 * with a reason (docs/RELIABILITY.md, Isolation). */
#include "fp_check.h"
#include "../common/fp_sanitizer.h"
#include "../engine/fp_engine.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum {
    DEFAULT_TIMEOUT = 30,
    /* The child's exit status when it printed a FAIL verdict; any other
     * non-zero status means something (a plugin's exit(), a sanitizer)
     * ended it before it could. */
    CHILD_REPORTED_FAILURE = 3,
    MEMORY_LIMIT_BYTES_LOG2 = 32 /* 4 GiB of address space */
};

static const char usage_text[] =
    "Usage: factpipe check-plugin [OPTIONS] PLUGIN...\n"
    "Check that extractor plugins follow the plugin ABI: load each (with the\n"
    "same refusals as factpipe), print its descriptor and options, run it on\n"
    "built-in Vietnamese sample text under CPU, memory and time limits, once\n"
    "and from two threads at once, and check every fact it emits (span inside\n"
    "the text and on UTF-8 boundaries, valid non-empty value, declared kind).\n"
    "PLUGIN is a file (a path with '/' or a name ending in .so) or the name\n"
    "of an installed plugin, found as factpipe finds it: along\n"
    "FACTPIPE_PLUGIN_PATH, then in factpipe's own plugin folder.\n"
    "\n"
    "A plugin's relative file options (its lexicons) are looked up in its own\n"
    "data folder first: NAME/ next to NAME.so (a build tree), then\n"
    "<datadir>/factpipe/plugins/NAME/; then in factpipe's data folder.\n"
    "\n"
    "Options:\n"
    "  -c, --pipeline FILE   take the plugin's options from the [plugin NAME]\n"
    "                        section of FILE (default: the plugin's defaults)\n"
    "      --sample FILE     also run the plugin on FILE, your own sample text\n"
    "                        (one paragraph per line), once and from two\n"
    "                        threads, and list its facts; finding none fails\n"
    "                        the check (the plugin's matching never ran)\n"
    "      --expect N        with --sample: exactly N facts must be found\n"
    "                        (--expect 0: a sample the plugin finds nothing in)\n"
    "      --timeout SECONDS wall-clock limit per plugin (default 30)\n"
    "  -v, --verbose         list every fact found in the sample text\n"
    "  -h, --help            print this help\n"
    "\n"
    "Exit status: 0 every plugin passed; 1 some failed; 2 usage error.\n"
    "Example: factpipe check-plugin --sample sample.txt build/plugins/money.so\n";


static void set_limits(unsigned timeout)
{
    struct rlimit cpu = {timeout, timeout + 1};
    setrlimit(RLIMIT_CPU, &cpu);
#ifndef FP_UNDER_ASAN /* ASan reserves terabytes of shadow memory */
    struct rlimit as = {(rlim_t)1 << MEMORY_LIMIT_BYTES_LOG2,
                        (rlim_t)1 << MEMORY_LIMIT_BYTES_LOG2};
    setrlimit(RLIMIT_AS, &as);
#endif
}

/* Waits for child until the deadline; kills it past the deadline.
 * Returns its wait status, and *timed_out. */
static int wait_with_deadline(pid_t child, unsigned timeout, int *timed_out)
{
    struct timespec tick = {0, 10 * 1000 * 1000};
    long ticks = (long)timeout * 100;
    int status = 0;
    *timed_out = 0;
    for (;;) {
        pid_t got = waitpid(child, &status, WNOHANG);
        if (got == child || (got < 0 && errno != EINTR))
            return status;
        if (ticks-- <= 0 && !*timed_out) {
            *timed_out = 1;
            kill(child, SIGKILL);
        }
        nanosleep(&tick, NULL);
    }
}

/* fp_check_plugin in a child process under limits; reports a crash, a
 * timeout or a limit hit as a failure.  Returns 0 pass, 1 fail. */
static int check_plugin_isolated(const char *path, const fp_check_options *o, FILE *out)
{
    unsigned timeout = o->timeout_seconds ? o->timeout_seconds
                                          : DEFAULT_TIMEOUT;
    fflush(out);
    pid_t child = fork();
    if (child < 0) {
        fprintf(out, "FAIL %s: cannot start the check process: %s\n", path,
                strerror(errno));
        return 1;
    }
    if (child == 0) {
        set_limits(timeout);
        int rc = fp_check_plugin(path, o, out) ? CHILD_REPORTED_FAILURE : 0;
        fflush(out);
        /* The child shares the parent's stdio buffers and atexit handlers;
         * _exit leaves them to the parent. */
        _exit(rc);
    }
    int timed_out;
    int status = wait_with_deadline(child, timeout, &timed_out);
    if (timed_out) {
        fprintf(out, "FAIL %s: still running after %u s; a plugin must "
                "finish a document in well under that (infinite loop?)\n",
                path, timeout);
        return 1;
    }
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        fprintf(out, "FAIL %s: the plugin crashed: signal %d (%s)%s\n", path,
                sig, strsignal(sig),
                sig == SIGXCPU ? ": it used more CPU time than the limit"
                               : "");
        return 1;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code != 0 && code != CHILD_REPORTED_FAILURE)
        fprintf(out, "FAIL %s: the check process ended with status %d before "
                "its verdict (did the plugin call exit(), or a sanitizer stop "
                "it? see above)\n", path, code);
    return code == 0 ? 0 : 1;
}

/* The file to check for one PLUGIN argument (malloc'ed), or NULL with a
 * message naming the folders searched. */
static char *plugin_file(const char *arg, fp_error *err)
{
    size_t len = strlen(arg);
    if (strchr(arg, '/') || (len > 3 && strcmp(arg + len - 3, ".so") == 0)) {
        char *copy = strdup(arg);
        if (!copy)
            fp_error_set(err, "out of memory");
        return copy;
    }
    fp_plugin_path path = {0};
    char *file = NULL;
    if (fp_plugin_path_add_defaults(&path, err) == 0)
        file = fp_plugin_path_find(&path, arg, err);
    fp_plugin_path_free(&path);
    return file;
}

int fp_check_main(int argc, char **argv)
{
    enum { OPT_TIMEOUT = 256, OPT_SAMPLE, OPT_EXPECT };
    static const struct option longs[] = {
        {"pipeline", required_argument, NULL, 'c'},
        {"sample", required_argument, NULL, OPT_SAMPLE},
        {"expect", required_argument, NULL, OPT_EXPECT},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    fp_check_options o = {NULL, DEFAULT_TIMEOUT, 0, NULL, -1};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "c:vh", longs, NULL)) != -1) {
        char *end;
        switch (opt) {
        case 'c': o.pipeline_path = optarg; break;
        case 'v': o.verbose = 1; break;
        case OPT_TIMEOUT:
            errno = 0;
            unsigned long t = strtoul(optarg, &end, 10);
            if (errno || *end || t == 0 || t > 3600 || optarg[0] == '-') {
                fprintf(stderr, "factpipe check-plugin: --timeout takes whole "
                        "seconds from 1 to 3600, not '%s'\n", optarg);
                return 2;
            }
            o.timeout_seconds = (unsigned)t;
            break;
        case OPT_SAMPLE: o.sample_path = optarg; break;
        case OPT_EXPECT: {
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || end == optarg || n < 0 || n > 1000000 || optarg[0] == '+') {
                fprintf(stderr, "factpipe check-plugin: --expect takes a number of facts "
                        "from 0 to 1000000, not '%s'\n", optarg);
                return 2;
            }
            o.expect_facts = n;
            break;
        }
        case 'h': fputs(usage_text, stdout); return 0;
        default:
            fprintf(stderr, "Try 'factpipe check-plugin --help'.\n");
            return 2;
        }
    }
    if (o.expect_facts >= 0 && !o.sample_path) {
        fprintf(stderr, "factpipe check-plugin: --expect counts the facts of --sample FILE; "
                "give the sample too\n");
        return 2;
    }
    if (o.sample_path && access(o.sample_path, R_OK) != 0) {
        fprintf(stderr, "factpipe check-plugin: --sample %s: %s\n", o.sample_path,
                strerror(errno));
        return 2;
    }
    if (optind >= argc) {
        fprintf(stderr, "factpipe check-plugin: no PLUGIN given\n"
                "Try 'factpipe check-plugin --help'.\n");
        return 2;
    }
    int failed = 0;
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            fputc('\n', stdout);
        fp_error err = {{0}};
        char *file = plugin_file(argv[i], &err);
        if (!file) {
            fprintf(stdout, "FAIL %s: %s\n", argv[i], err.message);
            failed = 1;
            continue;
        }
        failed |= check_plugin_isolated(file, &o, stdout);
        free(file);
    }
    return failed ? 1 : 0;
}
