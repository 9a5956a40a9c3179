/* Worker processes as the supervisor sees them (batch_child.c): each in a
 * process group of its own, watched by a pidfd, so that its death is seen
 * even when a process it forked holds its pipes open, and the whole group
 * — whatever a plugin forked — is signalled and killed with it. */
#ifndef FP_BATCH_CHILD_H
#define FP_BATCH_CHILD_H

#include "../common/fp_error.h"

#include <sys/types.h>

typedef struct fp_child {
    pid_t pid;  /* also the process group's id; 0: none */
    int pidfd;  /* readable once the process has ended; -1 where the
                   kernel has no pidfd_open (then fp_child_ended polls) */
} fp_child;

/* fork() into a new process group.  Returns 0 in the child, 1 in the
 * parent with c filled, -1 with err set. */
int fp_child_fork(fp_child *c, fp_error *err);
/* Whether the process has ended (it stays a zombie until reaped). */
int fp_child_ended(const fp_child *c);
/* Sends sig to the whole process group. */
void fp_child_signal(const fp_child *c, int sig);
/* Waits for the process to end (killing its group first when kill_first),
 * kills whatever its group still holds, reaps it and closes the pidfd.
 * Returns its wait status. */
int fp_child_reap(fp_child *c, int kill_first);

#endif
