/* Plugin loading and the checks that refuse a plugin before it runs.
 *
 * A plugin file NAME.so must export fp_plugin_NAME_get_desc.  Everything a
 * refusal says fits on one line: the plugin, its path, what is wrong (with
 * both versions where versions differ) and what to do about it. */
#include "fp_loader.h"

#include <factpipe/fact_check.h>

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The descriptor as it was in ABI 1.0: the fields the core reads.  A
 * struct_size below this means the plugin's descriptor is truncated. */
#define FP_DESC_MIN_SIZE (offsetof(fp_plugin_desc, destroy) + sizeof(void (*)(void *)))

static int is_plugin_name(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* NAME from /dir/NAME.so; NULL when the file name is not a plugin name. */
static char *plugin_name_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n <= 3 || strcmp(base + n - 3, ".so") != 0)
        return NULL;
    char *name = strndup(base, n - 3);
    if (name && !is_plugin_name(name)) {
        free(name);
        return NULL;
    }
    return name;
}

static int check_desc(const fp_plugin_desc *d, const char *name, const char *path,
                      fp_error *err)
{
    if (!d)
        return fp_error_set(err, "plugin '%s' (%s): fp_plugin_%s_get_desc() returned NULL; "
                            "the plugin must return its descriptor", name, path, name);
    if (d->abi_major != FP_ABI_MAJOR)
        return fp_error_set(err, "plugin '%s' (%s) was built for plugin ABI %u.%u but this "
                            "factpipe provides ABI %d.%d; rebuild the plugin against this "
                            "factpipe's <factpipe/plugin.h>",
                            name, path, d->abi_major, d->abi_minor, FP_ABI_MAJOR, FP_ABI_MINOR);
    if (d->abi_minor > FP_ABI_MINOR)
        return fp_error_set(err, "plugin '%s' (%s) needs plugin ABI %u.%u but this factpipe "
                            "provides only ABI %d.%d; upgrade factpipe or rebuild the plugin "
                            "against this factpipe's headers",
                            name, path, d->abi_major, d->abi_minor, FP_ABI_MAJOR, FP_ABI_MINOR);
    if (d->struct_size < FP_DESC_MIN_SIZE)
        return fp_error_set(err, "plugin '%s' (%s) has a descriptor of %u bytes, shorter than "
                            "the %zu bytes of ABI %u.%u; rebuild it with FP_PLUGIN_DEFINE from "
                            "this factpipe's headers",
                            name, path, d->struct_size, (size_t)FP_DESC_MIN_SIZE, d->abi_major,
                            d->abi_minor);
    if (!d->name || strcmp(d->name, name) != 0)
        return fp_error_set(err, "plugin '%s' (%s) calls itself '%s'; the file name and the "
                            "descriptor's name must agree (rename the file to %s.so)",
                            name, path, d->name ? d->name : "(null)",
                            d->name ? d->name : "NAME");
    if (!d->version || !*d->version || !d->kind || !*d->kind)
        return fp_error_set(err, "plugin '%s' (%s) has no %s in its descriptor; set it in "
                            "FP_PLUGIN_DEFINE", name, path,
                            (!d->version || !*d->version) ? "version" : "fact kind");
    char why[160];
    if (fp_check_fact_name(FP_NAME_KIND, d->kind, why, sizeof why) != 0)
        return fp_error_set(err, "plugin '%s' (%s): %s; the kind is written as is in every "
                            "fact", name, path, why);
    if (!d->create || !d->extract || !d->destroy)
        return fp_error_set(err, "plugin '%s' (%s) has a NULL %s callback; a plugin must "
                            "provide create, extract and destroy", name, path,
                            !d->create ? "create" : !d->extract ? "extract" : "destroy");
    if (d->n_options && !d->options)
        return fp_error_set(err, "plugin '%s' (%s) declares %zu options but no option table",
                            name, path, d->n_options);
    for (size_t i = 0; i < d->n_options; i++) {
        const fp_option *o = &d->options[i];
        if (!o->name || !*o->name || o->type < FP_OPT_BOOL || o->type > FP_OPT_PATH)
            return fp_error_set(err, "plugin '%s' (%s): option %zu of its table has no name "
                                "or an unknown type", name, path, i + 1);
        if (strcmp(o->name, "priority") == 0)
            return fp_error_set(err, "plugin '%s' (%s): 'priority' is the pipeline's own "
                                "key and cannot be a plugin option; rename the option",
                                name, path);
    }
    return 0;
}

/* Who may own a plugin and the folders above it: root or whoever runs
 * factpipe (OpenSSH's StrictModes rule for authorized_keys). */
static int trusted_owner(uid_t uid)
{
    return uid == 0 || uid == geteuid();
}

/* Refuse code others could have put in place (docs/RELIABILITY.md,
 * Plugins).  Everything here runs
 * before dlopen, because dlopen already runs the file's constructors.
 * The file must be a regular file owned by root or the user and writable
 * by no one else; so must every folder from its own up to "/", except
 * that a folder others may write is fine when it has the sticky bit and a
 * trusted owner (/tmp): there others can add files, never replace ours,
 * and the files they add fail the owner check. */
int fp_plugin_check_owner_and_modes(const char *abs, const char *name, fp_error *err)
{
    struct stat st;
    if (stat(abs, &st) != 0)
        return fp_error_set(err, "plugin '%s' (%s): %s", name, abs, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fp_error_set(err, "plugin '%s' (%s) is not a regular file", name, abs);
    if (!trusted_owner(st.st_uid))
        return fp_error_set(err, "plugin '%s' (%s) is owned by uid %u, neither you (uid %u) "
                            "nor root; refusing to load it, since whoever owns it chooses "
                            "the code factpipe runs: if you trust it, chown it to yourself, "
                            "else remove it", name, abs, (unsigned)st.st_uid,
                            (unsigned)geteuid());
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return fp_error_set(err, "plugin '%s' (%s) is writable by group or others (mode %03o); "
                            "refusing to load it: chmod go-w the file",
                            name, abs, (unsigned)(st.st_mode & 0777));
    char *folder = strdup(abs);
    if (!folder)
        return fp_error_set(err, "out of memory");
    int rc = 0;
    for (char *slash = strrchr(folder, '/'); slash && rc == 0; slash = strrchr(folder, '/')) {
        if (slash == folder)
            slash[1] = '\0'; /* "/" itself, last */
        else
            *slash = '\0';
        if (stat(folder, &st) != 0)
            rc = fp_error_set(err, "plugin '%s' (%s): its folder %s: %s", name, abs, folder,
                              strerror(errno));
        else if (!trusted_owner(st.st_uid))
            rc = fp_error_set(err, "plugin '%s' (%s): the folder %s is owned by uid %u, "
                              "neither you (uid %u) nor root, who could replace the plugin; "
                              "refusing to load it: keep plugins in folders owned by you or "
                              "root", name, abs, folder, (unsigned)st.st_uid,
                              (unsigned)geteuid());
        else if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX))
            rc = fp_error_set(err, "plugin '%s' (%s): the folder %s is writable by group or "
                              "others (mode %04o), who could replace the plugin; refusing to "
                              "load it: chmod go-w %s (or move the plugin to a folder only "
                              "you can write)", name, abs, folder,
                              (unsigned)(st.st_mode & 07777), folder);
        if (slash == folder)
            break;
    }
    free(folder);
    return rc;
}

/* The file that is actually loaded must lie inside the folder it was
 * found in, after symbolic links: a link NAME.so -> /elsewhere/x.so would
 * run code from a folder nobody chose as a plugin folder.  Links within
 * the folder (NAME.so -> NAME-1.2.so) are fine. */
static int check_inside_folder(const char *path, const char *abs, const char *name,
                               fp_error *err)
{
    const char *slash = strrchr(path, '/');
    char *folder = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    char *real_folder = folder ? realpath(folder, NULL) : NULL;
    int rc = 0;
    if (!folder)
        rc = fp_error_set(err, "out of memory");
    else if (!real_folder)
        rc = fp_error_set(err, "plugin '%s' (%s): cannot resolve its folder %s: %s", name, path,
                          folder, strerror(errno));
    else {
        size_t n = strlen(real_folder);
        int root = n == 1; /* "/" already ends in the separator */
        if (strncmp(abs, real_folder, n) != 0 || (!root && abs[n] != '/'))
            rc = fp_error_set(err, "plugin '%s' (%s) resolves to %s, outside its plugin folder "
                              "%s; refusing to load it: copy the plugin into the folder "
                              "instead of linking to it",
                              name, path, abs, real_folder);
    }
    free(folder);
    free(real_folder);
    return rc;
}

int fp_plugin_open(const char *path, fp_plugin_handle *out, fp_error *err)
{
    memset(out, 0, sizeof *out);
    char *name = plugin_name_from_path(path);
    if (!name)
        return fp_error_set(err, "%s: not a plugin file name; plugins are named NAME.so with "
                            "NAME in [a-z][a-z0-9_]*", path);
    char *abs = realpath(path, NULL);
    if (!abs) {
        fp_error_set(err, "plugin '%s' (%s): %s", name, path, strerror(errno));
        free(name);
        return -1;
    }
    if (check_inside_folder(path, abs, name, err) != 0 ||
        fp_plugin_check_owner_and_modes(abs, name, err) != 0)
        goto fail;

    dlerror();
    void *dl = dlopen(abs, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        const char *why = dlerror();
        fp_error_set(err, "plugin '%s' (%s) cannot be loaded: %s; check that it was built "
                     "for this system and that the libraries it needs are installed",
                     name, abs, why ? why : "unknown dlopen error");
        goto fail;
    }
    char symbol[256];
    snprintf(symbol, sizeof symbol, FP_PLUGIN_ENTRY_PREFIX "%s" FP_PLUGIN_ENTRY_SUFFIX, name);
    dlerror();
    void *entry = dlsym(dl, symbol);
    if (!entry) {
        fp_error_set(err, "plugin '%s' (%s) has no entry point %s(); define it with "
                     "FP_PLUGIN_DEFINE(%s, ...)", name, abs, symbol, name);
        dlclose(dl);
        goto fail;
    }
    /* dlsym returns data pointers; POSIX guarantees the conversion. */
    const fp_plugin_desc *(*get_desc)(void);
    memcpy(&get_desc, &entry, sizeof get_desc);
    const fp_plugin_desc *desc = get_desc();
    if (check_desc(desc, name, abs, err) != 0) {
        dlclose(dl);
        goto fail;
    }
    out->dl = dl;
    out->desc = desc;
    out->path = abs;
    free(name);
    return 0;

fail:
    free(abs);
    free(name);
    return -1;
}

void fp_plugin_close(fp_plugin_handle *h)
{
    if (!h)
        return;
    if (h->dl)
        dlclose(h->dl);
    free(h->path);
    memset(h, 0, sizeof *h);
}
