/* Worker processes in process groups of their own, watched by pidfd.
 * A worker's death used to be noticed only as end of file on its result
 * pipe, which never comes while a process a plugin forked keeps the pipe
 * open: the batch then waited for ever (issue 10 item 7). */
#define _GNU_SOURCE /* WNOWAIT, syscall */
#include "batch_child.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434 /* the same number on every Linux architecture */
#endif

int fp_child_fork(fp_child *c, fp_error *err)
{
    c->pid = 0;
    c->pidfd = -1;
    pid_t pid = fork();
    if (pid < 0)
        return fp_error_set(err, "cannot start a worker: fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        return 0;
    }
    /* Both sides set the group, so it is in place whichever runs first. */
    setpgid(pid, pid);
    c->pid = pid;
    /* Linux 5.3 and later (close-on-exec by itself); without it
     * fp_child_ended asks waitid. */
    long fd = syscall(SYS_pidfd_open, pid, 0);
    c->pidfd = fd >= 0 ? (int)fd : -1;
    return 1;
}

int fp_child_ended(const fp_child *c)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)c->pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return errno == ECHILD; /* already reaped: certainly ended */
    return info.si_pid == c->pid;
}

void fp_child_signal(const fp_child *c, int sig)
{
    if (c->pid > 0)
        kill(-c->pid, sig);
}

int fp_child_reap(fp_child *c, int kill_first)
{
    int status = 0;
    if (c->pid <= 0)
        return 0;
    if (kill_first)
        kill(-c->pid, SIGKILL);
    /* Until it is reaped the worker keeps its pid, so the group id cannot
     * name anyone else's processes when what is left of it is killed. */
    siginfo_t info;
    while (waitid(P_PID, (id_t)c->pid, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR)
        ;
    kill(-c->pid, SIGKILL);
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (c->pidfd >= 0)
        close(c->pidfd);
    c->pid = 0;
    c->pidfd = -1;
    return status;
}
