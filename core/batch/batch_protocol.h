/* What the supervisor and its workers say to each other over their pipes:
 * a fixed header, then the variable parts in the order of their lengths.
 * Both ends are the same binary, so native byte order is fine. */
#ifndef FP_BATCH_PROTOCOL_H
#define FP_BATCH_PROTOCOL_H

#include <stdint.h>

#define FP_TASK_MAGIC 0x4650544bu   /* "FPTK" */
#define FP_RESULT_MAGIC 0x46505253u /* "FPRS" */
#define FP_START_MAGIC 0x46505354u  /* "FPST" */

/* While a worker starts its plugins (fp_engine_start), before it takes
 * any task: STARTING before each plugin's create(), then READY, or FAILED
 * followed by the reason.  The supervisor knows from the last STARTING
 * which plugin a worker that died while starting was creating. */
typedef enum fp_start_state {
    FP_START_PLUGIN = 0,
    FP_START_READY = 1,
    FP_START_FAILED = 2
} fp_start_state;

typedef struct fp_start_header {
    uint32_t magic;
    uint32_t state;
    uint64_t plugin;     /* FP_START_PLUGIN: its index in run order */
    uint64_t reason_len; /* FP_START_FAILED */
} fp_start_header;

/* Followed by source, name hint, url, record date (each without NUL),
 * then the payload: the path to read, or the document's bytes. */
typedef struct fp_task_header {
    uint32_t magic;
    uint32_t payload_is_path;
    uint64_t seq;
    uint32_t source_len, hint_len, url_len, date_len;
    uint64_t payload_len;
} fp_task_header;

/* Followed by the reason (status FAILED), the document as the output
 * format renders it, its tally of facts per kind, and the nanoseconds of
 * each stage (n_stages uint64_t: fp_engine_stage_ns). */
typedef struct fp_result_header {
    uint32_t magic;
    uint32_t status; /* FP_POOL_OK or FP_POOL_FAILED */
    uint64_t seq;
    uint64_t reason_len;
    uint64_t bytes_len;
    uint64_t tally_len;
    uint64_t n_stages;
} fp_result_header;

#endif
