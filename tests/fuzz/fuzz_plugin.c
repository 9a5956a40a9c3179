/* One extractor plugin's extract() on fuzzed text, through the fake host
 * (tests/support/fake_host.h) with the plugin's sources compiled in.
 *
 * Which plugin: the compile definition FUZZ_PLUGIN names it (percentage,
 * date, ...); its entry point is fp_plugin_<FUZZ_PLUGIN>_get_desc.
 * Options: the defaults, relative PATH defaults (shipped lexicons) taken
 * from config/ as the core does; tests/fuzz/<plugin>.settings, when it
 * exists, overrides them: one name=value per line, "@SOURCE_DIR@"
 * standing for the source tree.
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

enum { MAX_SETTINGS = 64 };

static char *settings[MAX_SETTINGS + 1];
static size_t n_settings;

/* Add "name=value", replacing an earlier setting of the same name. */
static void set_option(const char *name, size_t name_len, const char *value)
{
    char line[4096];
    snprintf(line, sizeof line, "%.*s=%s", (int)name_len, name, value);
    for (size_t i = 0; i < n_settings; i++) {
        if (strncmp(settings[i], line, name_len + 1) == 0) {
            free(settings[i]);
            settings[i] = strdup(line);
            return;
        }
    }
    if (n_settings < MAX_SETTINGS)
        settings[n_settings++] = strdup(line);
}

/* The plugin's relative PATH defaults (its shipped lexicons) resolved
 * against config/, as the core resolves them against its data folder;
 * then <plugin>.settings (static, kept for the process). */
static const char *const *read_settings(const fp_plugin_desc *desc)
{
    for (size_t i = 0; i < desc->n_options; i++) {
        const fp_option *o = &desc->options[i];
        if (o->type == FP_OPT_PATH && o->default_value &&
            o->default_value[0] != '/') {
            char path[4096];
            snprintf(path, sizeof path, "%s/config/%s", FP_FUZZ_SOURCE_DIR,
                     o->default_value);
            set_option(o->name, strlen(o->name), path);
        }
    }
    char file[4096];
    snprintf(file, sizeof file, "%s/tests/fuzz/%s.settings",
             FP_FUZZ_SOURCE_DIR, NAME_OF(FUZZ_PLUGIN));
    FILE *f = fopen(file, "r");
    char line[2048];
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        const char *equals = strchr(line, '=');
        if (!line[0] || line[0] == '#' || !equals)
            continue;
        char value[4096];
        const char *marker = strstr(equals, "@SOURCE_DIR@");
        if (marker)
            snprintf(value, sizeof value, "%.*s%s%s",
                     (int)(marker - equals - 1), equals + 1,
                     FP_FUZZ_SOURCE_DIR, marker + strlen("@SOURCE_DIR@"));
        else
            snprintf(value, sizeof value, "%s", equals + 1);
        set_option(line, (size_t)(equals - line), value);
    }
    if (f)
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
    const fp_plugin_desc *desc = GET_DESC(FUZZ_PLUGIN)();
    if (fp_fake_plugin_create(&plugin, desc, &host, read_settings(desc)) !=
        FP_OK) {
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
