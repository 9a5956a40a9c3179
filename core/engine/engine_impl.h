/* The engine's insides, shared by engine.c (set-up) and document.c (one
 * document through every stage). */
#ifndef FP_ENGINE_IMPL_H
#define FP_ENGINE_IMPL_H

#include "fp_engine.h"

#include "../pipeline/fp_pipeline.h"
#include "../zone/fp_zone.h"

typedef struct fp_engine_plugin_slot {
    fp_plugin_handle handle;
    fp_option_value *values; /* resolved options, table order */
    void *state;             /* what create() returned */
    int started;             /* create() succeeded: destroy() is due */
    int priority;
    const fp_pipeline_plugin *section; /* its [plugin NAME] sections, or
                                          NULL (loaded by plugins = all) */
} fp_engine_plugin_slot;

struct fp_engine {
    fp_pipeline *pipeline;
    fp_plugin_path path;
    fp_engine_plugin_slot *plugins; /* run order */
    size_t n_plugins;
    fp_zone_rules *zones;
    int started;                    /* fp_engine_start succeeded */
    size_t max_input_bytes;
    double max_ratio;
    int keep_chrome;
    int include_text;
    fp_log_fn log;
    void *log_user;
    uint64_t *stage_ns; /* the last document's time per stage */
    size_t n_stages;    /* FP_STAGE_PLUGIN + n_plugins */
};


#endif
