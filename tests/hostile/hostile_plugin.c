/* Plugins that misbehave before they ever see a document, one per define
 * (the CMakeLists builds each under its own name):
 *   EVIL_CONSTRUCTOR  a constructor that creates the file $FP_EVIL_MARKER:
 *                     runs at dlopen, before any descriptor check
 *   CREATE_PRINTF     create() writes to stdout
 *   CREATE_EXIT       create() calls exit(0)
 *   CREATE_SEGV       create() segfaults
 *   CREATE_THREAD     create() leaves a thread running that writes to stdout
 *   CREATE_FAIL       create() refuses with a reason
 * Otherwise each is a plugin that finds nothing. */
#include <factpipe/plugin.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef CREATE_THREAD
#include <pthread.h>
#endif

#ifndef PLUGIN_NAME
#error "PLUGIN_NAME must be defined"
#endif

#ifdef EVIL_CONSTRUCTOR
__attribute__((constructor)) static void evil(void)
{
    const char *marker = getenv("FP_EVIL_MARKER");
    FILE *f = marker ? fopen(marker, "w") : NULL;
    if (f)
        fclose(f);
}
#endif

#ifdef CREATE_THREAD
static void *chatter(void *unused)
{
    (void)unused;
    for (;;) {
        printf("<thread-spam/>\n");
        fflush(stdout);
        usleep(1000);
    }
    return NULL;
}
#endif

static int create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config;
    *state = NULL;
#ifdef CREATE_PRINTF
    printf("<not-xml>printed by create</not-xml>\n");
    fflush(stdout);
#endif
#ifdef CREATE_EXIT
    exit(0);
#endif
#ifdef CREATE_SEGV
    raise(SIGSEGV);
#endif
#ifdef CREATE_THREAD
    pthread_t t;
    if (pthread_create(&t, NULL, chatter, NULL) == 0)
        pthread_detach(t);
#endif
#ifdef CREATE_FAIL
    return fp_errorf(host, "cannot open its model: the file is missing (a test plugin)");
#else
    (void)host;
    return FP_OK;
#endif
}

static int extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state;
    (void)doc;
    (void)host;
    return FP_OK;
}

static void destroy(void *state)
{
    (void)state;
}

/* One more level, so that PLUGIN_NAME is expanded before ## pastes it. */
#define DEFINE(NAME) FP_PLUGIN_DEFINE_NO_OPTIONS(NAME, "0.0.1", "hostile", \
                                                 "A plugin that misbehaves on purpose (tests)", \
                                                 create, extract, destroy)
DEFINE(PLUGIN_NAME)
