/* A deliberately hostile extractor for the batch tests (docs/RELIABILITY.md, Isolation):
 * a marker in a document's text makes it crash, abort, loop, exhaust
 * memory, exit, fork and crash, take 1.5 s, spam stdout or fail, so the tests can
 * check that such a document costs itself only; it also notes each worker
 * start.  Built outside <build>/plugins: no
 * pipeline finds it by accident. */
#include <factpipe/plugin.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Each worker start appends a line to $POISON_STARTS, when set: the tests
 * count the workers a run started. */
static int poison_create(const fp_config *config, const fp_host *host, void **state)
{
    *state = NULL;
    const char *starts = getenv("POISON_STARTS");
    FILE *f = starts ? fopen(starts, "a") : NULL;
    if (f) {
        fprintf(f, "%d\n", (int)getpid());
        fclose(f);
    }
    return FP_OK;
}

static int has(const fp_document *doc, const char *marker)
{
    return strstr(doc->text, marker) != NULL;
}

/* Takes address space in 64 MiB blocks, untouched so the machine's memory
 * is never used, until malloc fails (the worker's RLIMIT_AS), then writes
 * through the NULL like careless code does.  When 64 GiB come without a
 * failure nothing bounds the worker: the plugin gives everything back and
 * returns normally, which the test sees as a missing limit. */
static int exhaust_memory(void)
{
    enum { BLOCK = 64 << 20, BLOCKS = 1024 };
    static char *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = malloc(BLOCK);
        if (!blocks[i]) {
            volatile char *careless = blocks[i];
            *careless = 1;
        }
    }
    for (int i = 0; i < BLOCKS; i++)
        free(blocks[i]);
    return FP_OK;
}

/* Forks a child that holds the worker's pipes open and waits for ever
 * (its pid appended to $POISON_PIDFILE), then crashes: the worker's death
 * must be seen without an end of file on its pipe. */
static void fork_then_crash(void)
{
    pid_t child = fork();
    if (child == 0)
        for (;;)
            pause();
    const char *pidfile = getenv("POISON_PIDFILE");
    FILE *f = pidfile && child > 0 ? fopen(pidfile, "a") : NULL;
    if (f) {
        fprintf(f, "%d\n", (int)child);
        fclose(f);
    }
    raise(SIGSEGV);
}

static int poison_extract(void *state, const fp_document *doc, const fp_host *host)
{
    if (has(doc, "POISON-FORK"))
        fork_then_crash();
    if (has(doc, "POISON-OOM"))
        return exhaust_memory();
    if (has(doc, "POISON-SEGV"))
        raise(SIGSEGV);
    if (has(doc, "POISON-ABORT"))
        abort();
    if (has(doc, "POISON-EXIT"))
        _exit(0);
    if (has(doc, "POISON-LOOP"))
        for (volatile unsigned long spin = 0;; spin++)
            ;
    if (has(doc, "POISON-SLOW")) /* over a 1 s --timeout, within a 5 s one */
        usleep(1500 * 1000);
    if (has(doc, "POISON-STDOUT")) {
        for (int i = 0; i < 1000; i++)
            printf("<not-xml>spam %d</not-xml>\n", i);
        fflush(stdout);
    }
    if (has(doc, "POISON-FAIL"))
        return fp_errorf(host, "refused a document marked POISON-FAIL");
    return FP_OK;
}

static void poison_destroy(void *state)
{
}

FP_PLUGIN_DEFINE_NO_OPTIONS(poison, "0.0.1", "poison",
                            "Crashes, loops or fails on marked documents", poison_create,
                            poison_extract, poison_destroy)
