/* Reading pipeline files with inih.
 *
 * inih as Debian builds it does not pass line numbers to the handler, and
 * does not call it for a section without keys.  So inih reads the file
 * through read_line(), which counts lines and handles section headers
 * itself; inih still splits "key = value" lines, trims them and strips
 * comments.  inih asks for line N+1 only after handling line N, which is
 * what lets the handler take the line number from the shared state. */
#include "fp_pipeline.h"
#include "../common/fp_config_file.h"
#include "fp_pipeline_path.h"

#include "../common/fp_suggest.h"

#include <ini.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define PRIORITY_MIN (-1000)
#define PRIORITY_MAX 1000

const char *const fp_pipeline_keys[] = {"plugins", "default-priority", "plugin-dir", "zones",
                                         "drop-ins"};
const size_t fp_pipeline_n_keys = sizeof fp_pipeline_keys / sizeof fp_pipeline_keys[0];

typedef enum section_kind {
    SECTION_NONE,
    SECTION_PIPELINE,
    SECTION_PLUGIN
} section_kind;

/* What read_line() and handle_key() share while inih runs over one file. */
typedef struct parse_state {
    fp_pipeline *pipeline;
    const fp_pipeline_file *file; /* the file being read */
    const char *data_dir;         /* factpipe's data folder, or NULL */
    fp_error *err;
    int failed; /* err holds the first error; stop reading */

    FILE *stream;
    char *line_buffer;
    size_t line_capacity;
    int line; /* number of the line inih is working on */

    /* A "key = value" line handed to inih whose handler call has not been
     * seen yet: inih found no '=' in it when the next read comes first. */
    int unhandled_key_line;
    size_t unhandled_key_offset; /* of its text in line_buffer */
    int handled_line;

    section_kind section;
    int pipeline_section_line;
    fp_pipeline_plugin *plugin; /* of the current [plugin NAME] section */
} parse_state;

static void fail_at(parse_state *s, int line, const char *fmt, ...)
    FP_FORMAT(3, 4);
static void fail_at(parse_state *s, int line, const char *fmt, ...)
{
    char what[sizeof s->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (line > 0)
        fp_error_set(s->err, "%s:%d: %s", s->file->path, line, what);
    else
        fp_error_set(s->err, "%s: %s", s->file->path, what);
    s->failed = 1;
}

static void fail_out_of_memory(parse_state *s)
{
    fail_at(s, s->line, "out of memory while reading the pipeline file");
}

static int parse_priority(const char *text, int *priority)
{
    const char *digits = (text[0] == '-' || text[0] == '+') ? text + 1 : text;
    /* strtol() would also take leading blanks; a priority is only digits. */
    if (!isdigit((unsigned char)digits[0]))
        return -1;
    char *end;
    errno = 0;
    long number = strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || number < PRIORITY_MIN ||
        number > PRIORITY_MAX)
        return -1;
    *priority = (int)number;
    return 0;
}

static int is_valid_plugin_name(const char *name)
{
    if (!islower((unsigned char)name[0]))
        return 0;
    for (const char *c = name + 1; *c; c++)
        if (!islower((unsigned char)*c) && !isdigit((unsigned char)*c) &&
            *c != '_')
            return 0;
    return 1;
}

static void begin_plugin_section(parse_state *s, const char *name)
{
    fp_pipeline *p = s->pipeline;
    if (name[0] == '\0') {
        fail_at(s, s->line, "section [plugin] needs a plugin name; "
                            "expected [plugin NAME]");
        return;
    }
    if (!is_valid_plugin_name(name)) {
        fail_at(s, s->line,
                "'%s' is not a valid plugin name; expected a lower-case "
                "letter followed by lower-case letters, digits or '_'",
                name);
        return;
    }
    /* A plugin's sections in several files are one: the drop-ins add to
     * what the main file says.  Within one file a plugin has one. */
    for (size_t i = 0; i < p->n_plugins; i++) {
        fp_pipeline_plugin *earlier = &p->plugins[i];
        if (strcmp(earlier->name, name) != 0)
            continue;
        if (earlier->latest_section.file == s->file) {
            fail_at(s, s->line, "plugin '%s' is already configured at line %d",
                    name, earlier->latest_section.line);
            return;
        }
        earlier->latest_section = (fp_pipeline_origin){s->file, s->line};
        s->plugin = earlier;
        s->section = SECTION_PLUGIN;
        return;
    }
    fp_pipeline_plugin *grown =
        realloc(p->plugins, (p->n_plugins + 1) * sizeof *grown);
    if (!grown) {
        fail_out_of_memory(s);
        return;
    }
    p->plugins = grown;
    fp_pipeline_plugin *plugin = &grown[p->n_plugins];
    memset(plugin, 0, sizeof *plugin);
    plugin->name = strdup(name);
    if (!plugin->name) {
        fail_out_of_memory(s);
        return;
    }
    plugin->line = s->line;
    plugin->file = s->file;
    plugin->latest_section = (fp_pipeline_origin){s->file, s->line};
    p->n_plugins++;
    s->plugin = plugin;
    s->section = SECTION_PLUGIN;
}

/* "; did you mean [plugin money]?" for a section header that is almost
 * one: "[plugins money]", "[Plugin money]", "[pipelines]". */
static void suggest_section(char *message, size_t size, const char *inner)
{
    static const char *const sections[] = {"pipeline", "plugin"};
    char first[64];
    size_t len = strcspn(inner, " \t");
    if (len >= sizeof first)
        return;
    memcpy(first, inner, len);
    first[len] = '\0';
    const char *rest = inner + len;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    const char *guess = fp_suggest(first, sections, 2);
    if (!guess && strcmp(first, "plugin") != 0 && strcmp(first, "pipeline") != 0)
        return;
    if (!guess)
        guess = first;
    size_t used = strlen(message);
    if (strcmp(guess, "plugin") == 0 && *rest)
        snprintf(message + used, size - used, "; did you mean [plugin %s]?", rest);
    else if (strcmp(guess, "pipeline") == 0 && !*rest)
        snprintf(message + used, size - used, "; did you mean [pipeline]?");
}

/* header is a line starting with '['; it is shorter than inih's line
 * buffer, as read_line() checked. */
static void begin_section(parse_state *s, const char *header)
{
    const char *close = strchr(header, ']');
    if (!close) {
        fail_at(s, s->line, "section header has no closing ']'; "
                            "expected [pipeline] or [plugin NAME]");
        return;
    }
    const char *rest = close + 1;
    while (isspace((unsigned char)*rest))
        rest++;
    if (*rest != '\0' && *rest != ';' && *rest != '#') {
        fail_at(s, s->line,
                "unexpected '%s' after the section header; expected "
                "nothing or a comment",
                rest);
        return;
    }

    char inner[256];
    const char *start = header + 1;
    while (start < close && isspace((unsigned char)*start))
        start++;
    size_t len = (size_t)(close - start);
    if (len >= sizeof inner)
        len = sizeof inner - 1;
    memcpy(inner, start, len);
    while (len > 0 && isspace((unsigned char)inner[len - 1]))
        len--;
    inner[len] = '\0';

    s->section = SECTION_NONE;
    if (strcmp(inner, "pipeline") == 0) {
        if (s->pipeline_section_line) {
            fail_at(s, s->line,
                    "section [pipeline] is already given at line %d; "
                    "give it once",
                    s->pipeline_section_line);
            return;
        }
        s->pipeline_section_line = s->line;
        s->section = SECTION_PIPELINE;
    } else if (strncmp(inner, "plugin", 6) == 0 &&
               (inner[6] == '\0' || isspace((unsigned char)inner[6]))) {
        const char *name = inner + 6;
        while (isspace((unsigned char)*name))
            name++;
        begin_plugin_section(s, name);
    } else {
        char message[512];
        snprintf(message, sizeof message,
                 "unknown section [%s]; expected [pipeline] or [plugin NAME] (section names "
                 "are lower-case)", inner);
        suggest_section(message, sizeof message, inner);
        fail_at(s, s->line, "%s", message);
    }
}

/* inih's reader: one line per call, like fgets(). */
static char *read_line(char *buffer, int size, void *stream)
{
    parse_state *s = stream;
    if (s->unhandled_key_line && s->handled_line != s->unhandled_key_line &&
        !s->failed)
        fail_at(s, s->unhandled_key_line,
                "expected 'key = value', a [section] or a comment, not '%s'",
                s->line_buffer + s->unhandled_key_offset);
    s->unhandled_key_line = 0;
    if (s->failed)
        return NULL; /* ends inih's loop: report the first error only */

    errno = 0;
    ssize_t len = getline(&s->line_buffer, &s->line_capacity, s->stream);
    if (len < 0) {
        if (ferror(s->stream))
            fail_at(s, 0, "cannot read pipeline file: %s",
                    strerror(errno ? errno : EIO));
        return NULL;
    }
    s->line++;

    char *text = s->line_buffer;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        text[--len] = '\0';
    if (s->line == 1 && strncmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    /* Dropping the indentation keeps inih from taking an indented line
     * for the continuation of the previous value. */
    while (*text == ' ' || *text == '\t')
        text++;
    size_t text_len = strlen(text);
    if (size <= 0 || text_len + 1 > (size_t)size) {
        fail_at(s, s->line, "line is %zu bytes long; lines may hold at most %d",
                text_len, size > 0 ? size - 1 : 0);
        return NULL;
    }

    if (text[0] == '[') {
        begin_section(s, text);
        if (s->failed)
            return NULL;
    } else if (text[0] != '\0' && text[0] != '#' && text[0] != ';') {
        s->unhandled_key_line = s->line;
        s->unhandled_key_offset = (size_t)(text - s->line_buffer);
    }
    memcpy(buffer, text, text_len + 1);
    return buffer;
}

static void fail_duplicate_key(parse_state *s, const char *key,
                               int first_line, const char *section_label)
{
    fail_at(s, s->line,
            "'%s' is already set at line %d in %s; give each key once per "
            "section",
            key, first_line, section_label);
}

/* For settings that may be made once: remembers where, fails on a second
 * one in the same section or in another file. */
static int set_once(parse_state *s, fp_pipeline_origin *at, const char *key,
                    const char *section_label)
{
    if (at->file == s->file) {
        fail_duplicate_key(s, key, at->line, section_label);
        return -1;
    }
    if (at->file) {
        fail_at(s, s->line,
                "'%s' in %s is already set at %s:%d; a setting may be made in one file "
                "only: remove one of the two (a file in the per-user pipeline.d/ replaces "
                "the installed drop-in of the same name)",
                key, section_label, at->file->path, at->line);
        return -1;
    }
    *at = (fp_pipeline_origin){s->file, s->line};
    return 0;
}

/* A pipeline-relative path from "key = value"; NULL after an error. */
static char *resolve_path_value(parse_state *s, const char *key,
                                const char *value)
{
    if (value[0] == '\0') {
        fail_at(s, s->line, "%s needs a path; expected %s = PATH", key, key);
        return NULL;
    }
    char *resolved = fp_pipeline_path_resolve(s->file->dir, value);
    if (!resolved)
        fail_out_of_memory(s);
    return resolved;
}

/* The file a key names: next to this pipeline file, else in factpipe's
 * data folder (so that a copy of the default pipeline still finds the
 * files the original names); NULL after an error naming both. */
static char *find_file_value(parse_state *s, const char *key, const char *value)
{
    if (value[0] == '\0') {
        fail_at(s, s->line, "%s needs a path; expected %s = PATH", key, key);
        return NULL;
    }
    fp_path_place places[] = {{s->file->dir, "next to this file"},
                              {s->data_dir, "in factpipe's data folder"}};
    fp_path_lookup found;
    if (fp_path_lookup_file(value, places, s->data_dir ? 2 : 1, &found) == 0) {
        char *path = found.found;
        found.found = NULL;
        fp_path_lookup_free(&found);
        return path;
    }
    if (found.in_none)
        fail_at(s, s->line, "%s '%s' is not found: looked at %s; give a path relative to "
                "this file's folder or an absolute one", key, value, found.places);
    else
        fail_at(s, s->line, "%s '%s' (%s) cannot be read: %s; name a readable file", key,
                value, found.tried ? found.tried : value, found.why);
    fp_path_lookup_free(&found);
    return NULL;
}

static int parse_switch(const char *value, int *on)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(value, yes[i]) == 0)
            return *on = 1, 0;
        if (strcmp(value, no[i]) == 0)
            return *on = 0, 0;
    }
    return -1;
}

static void add_plugin_dir(parse_state *s, const char *value)
{
    fp_pipeline *p = s->pipeline;
    char *dir = resolve_path_value(s, "plugin-dir", value);
    if (!dir)
        return;
    struct stat info;
    const char *why_not = NULL;
    if (stat(dir, &info) != 0)
        why_not = strerror(errno);
    else if (!S_ISDIR(info.st_mode))
        why_not = "not a folder";
    if (why_not) {
        fail_at(s, s->line, "plugin-dir '%s' is not a folder (%s: %s); give a folder "
                "relative to this file's folder or an absolute one", value, dir, why_not);
        free(dir);
        return;
    }
    char **grown =
        realloc(p->plugin_dirs, (p->n_plugin_dirs + 1) * sizeof *grown);
    if (!grown) {
        free(dir);
        fail_out_of_memory(s);
        return;
    }
    p->plugin_dirs = grown;
    p->plugin_dirs[p->n_plugin_dirs++] = dir;
}

static void handle_pipeline_key(parse_state *s, const char *key,
                                const char *value)
{
    fp_pipeline *p = s->pipeline;
    if (strcmp(key, "plugins") == 0) {
        if (set_once(s, &p->plugins_at, key, "[pipeline]") != 0)
            return;
        static const char *const values[] = {"all", "listed"};
        if (strcmp(value, "all") == 0) {
            p->load_all = 1;
        } else if (strcmp(value, "listed") == 0) {
            p->load_all = 0;
        } else {
            char message[256];
            snprintf(message, sizeof message, "plugins must be 'all' or 'listed', not '%s'",
                     value);
            fp_suggest_append(message, sizeof message, value, values, 2, "'", "'");
            fail_at(s, s->line, "%s", message);
        }
    } else if (strcmp(key, "default-priority") == 0) {
        if (set_once(s, &p->default_priority_at, key, "[pipeline]") != 0)
            return;
        if (parse_priority(value, &p->default_priority) != 0)
            fail_at(s, s->line,
                    "default-priority must be an integer from %d to %d, "
                    "not '%s'",
                    PRIORITY_MIN, PRIORITY_MAX, value);
    } else if (strcmp(key, "plugin-dir") == 0) {
        add_plugin_dir(s, value); /* may repeat: one folder per line */
    } else if (strcmp(key, "zones") == 0) {
        if (set_once(s, &p->zones_at, key, "[pipeline]") != 0)
            return;
        p->zones = find_file_value(s, key, value);
    } else if (strcmp(key, "drop-ins") == 0) {
        if (s->file->drop_in) {
            fail_at(s, s->line, "drop-ins is read from the main pipeline file only (%s), "
                    "not from a drop-in", p->path);
            return;
        }
        if (set_once(s, &p->drop_ins_at, key, "[pipeline]") != 0)
            return;
        if (parse_switch(value, &p->drop_ins) != 0)
            fail_at(s, s->line, "drop-ins must be 'yes' or 'no', not '%s'", value);
    } else {
        char message[512];
        snprintf(message, sizeof message,
                 "unknown key '%s' in [pipeline]; expected one of: plugins, "
                 "default-priority, plugin-dir, zones, drop-ins (keys are case-sensitive)",
                 key);
        fp_suggest_append(message, sizeof message, key, fp_pipeline_keys, fp_pipeline_n_keys,
                          "'", "'");
        fail_at(s, s->line, "%s", message);
    }
}

static void handle_plugin_key(parse_state *s, const char *key,
                              const char *value)
{
    fp_pipeline_plugin *plugin = s->plugin;
    char label[256];
    snprintf(label, sizeof label, "[plugin %s]", plugin->name);

    if (strcmp(key, FP_PIPELINE_PRIORITY_KEY) == 0) {
        if (set_once(s, &plugin->priority_at, key, label) != 0)
            return;
        if (parse_priority(value, &plugin->priority) != 0)
            fail_at(s, s->line,
                    "priority must be an integer from %d to %d, not '%s'",
                    PRIORITY_MIN, PRIORITY_MAX, value);
        return;
    }

    /* Any other key is a plugin option, checked against the plugin's own
     * table once the plugin is loaded (fp_pipeline_resolve_options). */
    for (size_t i = 0; i < plugin->n_options; i++) {
        fp_pipeline_option *earlier = &plugin->options[i];
        if (strcmp(earlier->key, key) == 0) {
            fp_pipeline_origin at = {earlier->file, earlier->line};
            set_once(s, &at, key, label);
            return;
        }
    }
    fp_pipeline_option *grown = realloc(
        plugin->options, (plugin->n_options + 1) * sizeof *grown);
    if (!grown) {
        fail_out_of_memory(s);
        return;
    }
    plugin->options = grown;
    fp_pipeline_option *option = &grown[plugin->n_options];
    option->key = strdup(key);
    option->value = strdup(value);
    option->line = s->line;
    option->file = s->file;
    if (!option->key || !option->value) {
        free(option->key);
        free(option->value);
        fail_out_of_memory(s);
        return;
    }
    plugin->n_options++;
}

/* inih's handler: returns nonzero to go on. */
static int handle_key(void *user, const char *section, const char *key,
                      const char *value)
{
    parse_state *s = user;
    /* section is not used: read_line() tracks sections, which also sees
     * the headers of sections that have no keys. */
    (void)section;
    s->handled_line = s->line;
    if (s->failed)
        return 0;

    if (key[0] == '\0')
        fail_at(s, s->line, "a key is missing before '='; "
                            "expected 'key = value'");
    else if (s->section == SECTION_PIPELINE)
        handle_pipeline_key(s, key, value);
    else if (s->section == SECTION_PLUGIN)
        handle_plugin_key(s, key, value);
    else
        fail_at(s, s->line,
                "'%s' comes before any section; put it under [pipeline] or "
                "[plugin NAME]",
                key);
    return !s->failed;
}

/* Adds a file to p's list: its folder found, its path kept.  NULL after
 * setting err. */
static fp_pipeline_file *add_file(fp_pipeline *p, const char *path, int drop_in, fp_error *err)
{
    fp_pipeline_file **grown = realloc(p->files, (p->n_files + 1) * sizeof *grown);
    fp_pipeline_file *file = grown ? calloc(1, sizeof *file) : NULL;
    if (grown)
        p->files = grown;
    if (!file || !(file->path = strdup(path))) {
        free(file);
        fp_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    file->drop_in = drop_in;
    p->files[p->n_files++] = file;
    file->dir = fp_pipeline_path_folder_of(path);
    if (!file->dir) {
        fp_error_set(err, "%s: cannot find the pipeline file's folder: %s", path,
                     strerror(errno));
        return NULL;
    }
    return file;
}

/* Reads one file into p: 0, or -1 with err set. */
static int parse_file(fp_pipeline *p, const char *path, int drop_in, const char *data_dir,
                      fp_error *err)
{
    FILE *stream = fp_config_open(path, drop_in ? "drop-in pipeline file" : "pipeline file",
                                  err);
    if (!stream)
        return -1;
    const fp_pipeline_file *file = add_file(p, path, drop_in, err);
    if (!file) {
        fclose(stream);
        return -1;
    }
    parse_state s = {.pipeline = p, .file = file, .data_dir = data_dir, .err = err,
                     .stream = stream};
    int first_error_line = ini_parse_stream(read_line, &s, handle_key, &s);
    fclose(stream);
    free(s.line_buffer);

    /* Every error inih can see is seen by read_line() or handle_key()
     * first; these are for an inih that behaves otherwise. */
    if (!s.failed && first_error_line == -2)
        fail_out_of_memory(&s);
    else if (!s.failed && first_error_line != 0)
        fail_at(&s, first_error_line,
                "cannot parse this line; expected 'key = value', a "
                "[section] or a comment");
    return s.failed ? -1 : 0;
}

/* Merges the drop-ins of the folders options names into p. */
static int read_drop_ins(fp_pipeline *p, const fp_pipeline_load_options *o, fp_error *err)
{
    char **paths = NULL;
    size_t n = 0;
    char why[sizeof err->message];
    if (fp_pipeline_list_drop_ins(o->drop_in_dirs, o->n_drop_in_dirs, &paths, &n, why,
                                  sizeof why) != 0)
        return fp_error_set(err, "%s:%d: drop-ins = yes: %s", p->path, p->drop_ins_at.line,
                            why);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = parse_file(p, paths[i], 1, o->data_dir, err);
        free(paths[i]);
    }
    free(paths);
    return rc;
}

fp_pipeline *fp_pipeline_load_with(const char *path, const fp_pipeline_load_options *o,
                                   fp_error *err)
{
    fp_pipeline *p = calloc(1, sizeof *p);
    if (!p || !(p->path = strdup(path))) {
        fp_error_set(err, "%s: out of memory", path);
        free(p);
        return NULL;
    }
    const char *data_dir = o ? o->data_dir : NULL;
    if (data_dir && !(p->defaults_dir = strdup(data_dir))) {
        fp_error_set(err, "%s: out of memory", path);
        fp_pipeline_free(p);
        return NULL;
    }
    if (parse_file(p, path, 0, data_dir, err) != 0) {
        fp_pipeline_free(p);
        return NULL;
    }
    if (!(p->dir = strdup(p->files[0]->dir))) {
        fp_error_set(err, "%s: out of memory", path);
        fp_pipeline_free(p);
        return NULL;
    }
    if (p->drop_ins && o && o->n_drop_in_dirs && read_drop_ins(p, o, err) != 0) {
        fp_pipeline_free(p);
        return NULL;
    }
    return p;
}

fp_pipeline *fp_pipeline_load(const char *path, fp_error *err)
{
    return fp_pipeline_load_with(path, NULL, err);
}

const fp_pipeline_plugin *fp_pipeline_find_plugin(const fp_pipeline *p,
                                                  const char *name)
{
    if (!p)
        return NULL;
    for (size_t i = 0; i < p->n_plugins; i++)
        if (strcmp(p->plugins[i].name, name) == 0)
            return &p->plugins[i];
    return NULL;
}

void fp_pipeline_free(fp_pipeline *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_plugins; i++) {
        fp_pipeline_plugin *plugin = &p->plugins[i];
        for (size_t j = 0; j < plugin->n_options; j++) {
            free(plugin->options[j].key);
            free(plugin->options[j].value);
        }
        free(plugin->options);
        free(plugin->name);
    }
    free(p->plugins);
    for (size_t i = 0; i < p->n_plugin_dirs; i++)
        free(p->plugin_dirs[i]);
    free(p->plugin_dirs);
    free(p->zones);
    free(p->defaults_dir);
    for (size_t i = 0; i < p->n_files; i++) {
        free(p->files[i]->path);
        free(p->files[i]->dir);
        free(p->files[i]);
    }
    free(p->files);
    free(p->dir);
    free(p->path);
    free(p);
}
