/* Writing a plugin skeleton from the installed templates; see
 * fp_new_plugin.h.  Everything is read and filled in memory first, so a
 * missing or unreadable template fails before the folder is made; the
 * folder is made with mkdir (which refuses an existing one, whatever it
 * is) and each file with O_EXCL, so nothing that was there is ever
 * overwritten; on a failure what was written is removed again. */
#include "fp_new_plugin.h"

#include "../engine/fp_engine.h"
#include "../input/fp_input.h"
#include "fp_version.h"

#include <factpipe/fact_check.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_NAME = 64, MAX_TEMPLATES = 32, MAX_TEMPLATE_BYTES = 256 * 1024 };

/* A file to write: its name in the new folder and its filled-in text. */
typedef struct skeleton_file {
    char *name;
    char *text;
    size_t len;
} skeleton_file;

typedef struct skeleton {
    skeleton_file files[MAX_TEMPLATES];
    size_t n;
} skeleton;

static void skeleton_free(skeleton *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->files[i].name);
        free(s->files[i].text);
    }
    s->n = 0;
}

int fp_new_plugin_check_name(const char *name, fp_error *err)
{
    /* Target names CMake keeps for itself, and so cannot be a plugin's. */
    static const char *const reserved[] = {"all", "clean", "edit_cache", "help", "install",
                                           "package", "package_source", "preinstall",
                                           "rebuild_cache", "test"};
    size_t len = strlen(name);
    int valid = len > 0 && len <= MAX_NAME && name[0] >= 'a' && name[0] <= 'z';
    for (size_t i = 0; valid && i < len; i++)
        valid = (name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
                name[i] == '_';
    if (!valid)
        return fp_error_set(err, "'%s' is not a plugin name: a plugin name is a lower-case "
                            "letter followed by lower-case letters, digits or '_', at most "
                            "%d characters (it names the file NAME.so, the entry "
                            "fp_plugin_NAME_get_desc and the [plugin NAME] section)",
                            name, MAX_NAME);
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(name, reserved[i]) == 0)
            return fp_error_set(err, "'%s' cannot name a plugin: CMake keeps the target name "
                                "'%s' for itself; choose another name", name, name);
    return 0;
}

/* text with every placeholder filled in, malloc'ed; NULL when out of
 * memory. */
static char *fill(const char *text, size_t len, const char *const (*values)[2], size_t n,
                  size_t *out_len)
{
    size_t cap = len + 1;
    for (const char *p = text; (p = strchr(p, '@')) != NULL; p++)
        cap += 256; /* no value is longer */
    char *out = malloc(cap), *w = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        size_t k = 0;
        while (text[i] == '@' && k < n && strncmp(text + i, values[k][0], strlen(values[k][0])))
            k++;
        if (text[i] == '@' && k < n) {
            w += sprintf(w, "%s", values[k][1]);
            i += strlen(values[k][0]);
        } else {
            *w++ = text[i++];
        }
    }
    *w = '\0';
    *out_len = (size_t)(w - out);
    return out;
}

/* The file name a template gives: NAME replaced, ".in" dropped; NULL when
 * out of memory. */
static char *file_name_of(const char *template_name, const char *name)
{
    size_t len = strlen(template_name) - 3, name_len = strlen(name);
    char *out = malloc(len * (name_len + 1) + 1), *w = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        if (strncmp(template_name + i, "NAME", 4) == 0 && i + 4 <= len) {
            memcpy(w, name, name_len);
            w += name_len;
            i += 4;
        } else {
            *w++ = template_name[i++];
        }
    }
    *w = '\0';
    return out;
}

static int is_template(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' && len > 3 && strcmp(name + len - 3, ".in") == 0;
}

static int compare_files(const void *a, const void *b)
{
    return strcmp(((const skeleton_file *)a)->name, ((const skeleton_file *)b)->name);
}

/* Reads and fills every template of dir into s.  0, or -1 with err set. */
static int read_templates(const char *dir, const char *const (*values)[2], size_t n_values,
                          const char *name, skeleton *s, fp_error *err)
{
    DIR *folder = opendir(dir);
    if (!folder)
        return fp_error_set(err, "cannot read the plugin templates in %s: %s (is factpipe's "
                            "data folder installed completely?)", dir, strerror(errno));
    struct dirent *entry;
    int rc = 0;
    while (rc == 0 && (entry = readdir(folder)) != NULL) {
        if (!is_template(entry->d_name))
            continue;
        if (s->n == MAX_TEMPLATES) {
            rc = fp_error_set(err, "%s holds more than %d templates", dir, MAX_TEMPLATES);
            break;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        unsigned char *bytes;
        size_t len;
        if (fp_read_file(path, MAX_TEMPLATE_BYTES, &bytes, &len, err) != 0) {
            rc = -1;
            break;
        }
        skeleton_file *f = &s->files[s->n];
        f->text = fill((const char *)bytes, len, values, n_values, &f->len);
        f->name = file_name_of(entry->d_name, name);
        free(bytes);
        s->n++;
        if (!f->text || !f->name)
            rc = fp_error_set(err, "out of memory");
    }
    closedir(folder);
    if (rc == 0 && s->n == 0)
        rc = fp_error_set(err, "no plugin templates (*.in) in %s (is factpipe's data folder "
                          "installed completely?)", dir);
    if (rc == 0)
        qsort(s->files, s->n, sizeof s->files[0], compare_files);
    return rc;
}

static int write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        text += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Writes s into the new folder dir; on failure removes what it wrote. */
static int write_skeleton(const char *dir, const skeleton *s, fp_error *err)
{
    if (mkdir(dir, 0777) != 0) {
        if (errno == EEXIST)
            return fp_error_set(err, "%s already exists; new-plugin writes a new folder and "
                                "never writes into an existing one: give another --dir, or "
                                "move that one away", dir);
        return fp_error_set(err, "cannot make the folder %s: %s%s", dir, strerror(errno),
                            errno == ENOENT ? " (its parent folder does not exist)" : "");
    }
    size_t written = 0;
    int rc = 0;
    for (; written < s->n; written++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, s->files[written].name);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            rc = fp_error_set(err, "cannot create %s: %s", path, strerror(errno));
            break;
        }
        int failed = write_all(fd, s->files[written].text, s->files[written].len) != 0;
        int saved = errno;
        if (close(fd) != 0 && !failed)
            failed = 1, saved = errno;
        if (failed) {
            rc = fp_error_set(err, "cannot write %s: %s", path, strerror(saved));
            written++; /* remove it too */
            break;
        }
    }
    if (rc != 0) {
        for (size_t i = 0; i < written; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, s->files[i].name);
            unlink(path);
        }
        rmdir(dir);
    }
    return rc;
}

/* 0 when no plugin of factpipe's own plugin folders has this name: the
 * new one would replace it when installed. */
static int check_name_is_free(const char *name, fp_error *err)
{
    fp_plugin_path path = {0};
    fp_error ignored;
    char *found = NULL;
    if (fp_plugin_path_add_defaults(&path, &ignored) == 0)
        found = fp_plugin_path_find(&path, name, &ignored);
    fp_plugin_path_free(&path);
    if (!found)
        return 0;
    fp_error_set(err, "factpipe already has a plugin named '%s' (%s); installing a new one "
                 "would replace it: choose another name", name, found);
    free(found);
    return -1;
}

int fp_new_plugin_write(const fp_new_plugin_options *o, FILE *out, fp_error *err)
{
    if (fp_new_plugin_check_name(o->name, err) != 0 || check_name_is_free(o->name, err) != 0)
        return -1;
    char kind[MAX_NAME + 1];
    if (o->kind) {
        snprintf(kind, sizeof kind, "%s", o->kind);
        char why[256];
        if (strlen(o->kind) > MAX_NAME ||
            fp_check_fact_name(FP_NAME_KIND, o->kind, why, sizeof why) != 0)
            return fp_error_set(err, "--kind '%s': %s; a kind is a lower-case letter followed "
                                "by lower-case letters, digits or '-', at most %d characters "
                                "(it is the kind=\"...\" of every fact)",
                                o->kind, strlen(o->kind) > MAX_NAME ? "too long" : why,
                                MAX_NAME);
    } else {
        snprintf(kind, sizeof kind, "%s", o->name);
        for (char *c = kind; *c; c++)
            if (*c == '_')
                *c = '-';
    }
    char template_dir[4096];
    if (o->template_dir)
        snprintf(template_dir, sizeof template_dir, "%s", o->template_dir);
    else
        snprintf(template_dir, sizeof template_dir, "%s/new-plugin", fp_default_config_dir());
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", o->dir ? o->dir : o->name);

    const char *const values[][2] = {
        {"@NAME@", o->name}, {"@KIND@", kind}, {"@FACTPIPE_VERSION@", FP_VERSION}};
    skeleton s = {0};
    int rc = read_templates(template_dir, values, sizeof values / sizeof values[0], o->name,
                            &s, err);
    if (rc == 0)
        rc = write_skeleton(dir, &s, err);
    if (rc == 0) {
        fprintf(out, "new plugin '%s' (facts of kind '%s') in %s/:\n", o->name, kind, dir);
        for (size_t i = 0; i < s.n; i++)
            fprintf(out, "  %s/%s\n", dir, s.files[i].name);
    }
    skeleton_free(&s);
    return rc;
}
