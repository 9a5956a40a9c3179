/* What the supervisor and its workers say to each other over their pipes:
 * a fixed header, then the variable parts in the order of their lengths.
 * Both ends are the same binary, so native byte order is fine. */
#ifndef FP_BATCH_PROTOCOL_H
#define FP_BATCH_PROTOCOL_H

#include <stdint.h>

#define FP_TASK_MAGIC 0x4650544bu   /* "FPTK" */
#define FP_RESULT_MAGIC 0x46505253u /* "FPRS" */

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
 * format renders it, and its tally of facts per kind. */
typedef struct fp_result_header {
    uint32_t magic;
    uint32_t status; /* FP_POOL_OK or FP_POOL_FAILED */
    uint64_t seq;
    uint64_t reason_len;
    uint64_t bytes_len;
    uint64_t tally_len;
} fp_result_header;

#endif
