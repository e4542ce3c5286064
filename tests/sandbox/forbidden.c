/* Calls syscalls that sandbox/seccomp.json must refuse, and two it must allow, and prints one line per call:
 * "NAME ERRNO-NAME" (or "NAME ok"). Run under the filter by tests/sandbox/run-sandbox-suite.sh, built static
 * (it runs under the same allowlist as smtpdane, so its own start-up must fit in it too).
 * Every refused call is chosen so that WITHOUT the filter it gives a different answer (succeeds, or fails
 * with another errno), so EPERM/ENOSYS here can only come from the filter. Nothing harmful happens without
 * the filter either: the mount target does not exist, the created file lives in the directory given as
 * argv[1], the forked child exits at once, the sockets are closed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case EPERM: return "EPERM";
    case ENOSYS: return "ENOSYS";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ENOENT: return "ENOENT";
    case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";
    case EACCES: return "EACCES";
    case ENOTTY: return "ENOTTY";
    case EBADF: return "EBADF";
    case ESRCH: return "ESRCH";
    default: return strerrorname_np(e) ? strerrorname_np(e) : "E?";
    }
}

static void report(const char *name, long rc) {
    if (rc < 0) printf("%s %s\n", name, errname(errno));
    else printf("%s ok\n", name);
    fflush(stdout);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/nonexistent-dir";
    char path[4096];
    long rc;

    /* allowed by the profile */
    report("getpid", getpid());
    rc = socket(AF_INET, SOCK_DGRAM, 0);
    report("socket-inet", rc);
    if (rc >= 0) close((int)rc);
    snprintf(path, sizeof path, "%s/readable", dir);
    rc = open(path, O_RDONLY);
    report("open-readonly", rc);
    if (rc >= 0) close((int)rc);

    /* refused by the profile */
    report("ptrace", ptrace(PTRACE_PEEKUSER, getpid(), 0, 0)); /* ESRCH without the filter: not our tracee */
    report("mount", mount("none", "/nonexistent-sandbox-mountpoint", "tmpfs", 0, NULL));
    rc = socket(AF_PACKET, SOCK_RAW, 0);
    report("socket-packet", rc);
    if (rc >= 0) close((int)rc);
    rc = socket(AF_NETLINK, SOCK_RAW, 0);
    report("socket-netlink", rc);
    if (rc >= 0) close((int)rc);
    rc = socket(AF_UNIX, SOCK_STREAM, 0);
    report("socket-unix", rc);
    if (rc >= 0) close((int)rc);
    snprintf(path, sizeof path, "%s/created-under-filter", dir);
    rc = open(path, O_WRONLY | O_CREAT, 0600);
    report("open-create", rc);
    if (rc >= 0) close((int)rc);
    snprintf(path, sizeof path, "%s/readable", dir);
    rc = open(path, O_RDWR);
    report("open-readwrite", rc);
    if (rc >= 0) close((int)rc);
    char c = 'x';
    report("ioctl-tiocsti", ioctl(0, TIOCSTI, &c));
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    report("clone3", syscall(SYS_clone3, &ca, 1)); /* size 1 < CLONE_ARGS_SIZE_VER0: EINVAL without the filter */
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    if (pid > 0) waitpid(pid, NULL, 0);
    report("fork", pid);
    report("kill", kill(getpid(), 0));
    return 0;
}
