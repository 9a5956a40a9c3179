/* One extractor plugin's extract() on fuzzed text, through the fake host
 * (tests/support/fake_host.h) with the plugin's sources compiled in.
 *
 * Which plugin: the compile definition FUZZ_PLUGIN names it (percentage,
 * date, ...); its entry point is fp_plugin_<FUZZ_PLUGIN>_get_desc.
 * Options other than the defaults come from tests/fuzz/<plugin>.settings
 * when it exists: one name=value per line, "@SOURCE_DIR@" standing for
 * the source tree (for lexicon paths).
 *
 * The text is valid UTF-8 without NUL, as the core hands plugins (the
 * input is passed through fp_xml_sanitize, which also replaces control
 * characters the core would keep: a little less than the core allows),
 * split into one block per line.  A fact the fake host
 * refuses (span outside the text or cutting a character, empty or invalid
 * value, bad attribute name) is a bug in the plugin. */
#include "fuzz_target.h"

#include "fake_host.h"
#include "output/fp_xml.h"

#include <string.h>

#define GLUE3(a, b, c) a##b##c
#define GET_DESC(name) GLUE3(fp_plugin_, name, _get_desc)
#define STRINGIFY(x) #x
#define NAME_OF(x) STRINGIFY(x)

const fp_plugin_desc *GET_DESC(FUZZ_PLUGIN)(void);

enum { MAX_SETTINGS = 32 };

/* Settings from <plugin>.settings (static, kept for the process). */
static const char *const *read_settings(void)
{
    static char *settings[MAX_SETTINGS + 1];
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fuzz/%s.settings",
             FP_FUZZ_SOURCE_DIR, NAME_OF(FUZZ_PLUGIN));
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char line[2048];
    size_t n = 0;
    while (n < MAX_SETTINGS && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char value[4096];
        const char *marker = strstr(line, "@SOURCE_DIR@");
        if (marker)
            snprintf(value, sizeof value, "%.*s%s%s", (int)(marker - line),
                     line, FP_FUZZ_SOURCE_DIR, marker + strlen("@SOURCE_DIR@"));
        else
            snprintf(value, sizeof value, "%s", line);
        settings[n++] = strdup(value);
    }
    fclose(f);
    return (const char *const *)settings;
}

static fp_fake_host host;
static fp_fake_plugin plugin;

static void create_plugin(void)
{
    static int created;
    if (created)
        return;
    created = 1;
    fp_fake_host_init(&host);
    if (fp_fake_plugin_create(&plugin, GET_DESC(FUZZ_PLUGIN)(), &host,
                              read_settings()) != FP_OK) {
        fprintf(stderr, "fuzz_plugin_%s: create failed: %s\n",
                NAME_OF(FUZZ_PLUGIN), host.last_error);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    create_plugin();
    char *text = fp_xml_sanitize((const char *)data, size);
    if (!text)
        return 0;
    fp_fake_doc *doc = fp_fake_doc_new(text);
    free(text);
    if (!doc)
        return 0;
    fp_fake_host_reset(&host);
    int rc = fp_fake_plugin_extract(&plugin, &host, doc);
    if (host.n_rejected) {
        fprintf(stderr, "the host refused a fact: %s\n", host.last_rejection);
        abort();
    }
    fuzz_check(rc == FP_OK || host.n_errors > 0,
               "a failed extract says why (host->error)");
    fuzz_check(rc == FP_OK || rc == FP_ERROR,
               "extract returns FP_OK or FP_ERROR");
    fp_fake_doc_free(doc);
    return 0;
}
