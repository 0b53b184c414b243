/*
 * usr/forktouch.c - /bin/forktouch [N W R] (defaults 8 3 2): fork and
 * copy-on-write (Linux: kernel/fork.c dup_mmap, mm/memory.c
 * copy_page_range, do_wp_page).
 *
 * Before the fork: mmap N anonymous private RW pages and write each (page
 * i holds i + 1), so they are the parent's, mapped once.
 * fork: the child gets the same pages, read-only on both sides (COW).
 *
 * The parent writes page N-1 (a COW copy on its side: the child keeps the
 * old page), then waits for the child with wait4(WUNTRACED). Whenever the
 * child stops, the parent prints so and stops itself, so that whoever
 * runs it (armmm's console, or the scenario under Linux, which watches
 * only the process it started) sees it stopped with the child stopped;
 * continued, it continues the child (kill SIGCONT) and waits again.
 *
 * The child:
 *   stop 1 - right after the fork: pages [0, N-1) are shared (mapcount 2)
 *   writes pages [0, W) (COW copies: the parent keeps the old ones) and
 *   reads pages [W, W+R) (old PTEs in the child: young faults)
 *   stop 2 - then exits with status 42.
 * The parent, the child gone: writes page 0 and page W again (each is its
 * own now: do_wp_page reuses the page, no copy), checks that none of the
 * child's writes reached it, prints the child's status and exits with it.
 *
 * /bin/forktouch vfork: vfork, the child exits 7 at once (it shares our
 * memory and stack: no stores, as usr/launch.c); then wait4 for it, a
 * second wait4 with WNOHANG (no children left: -ECHILD), and a clone with
 * flags armmm does not take (CLONE_THREAD: -EINVAL); exit 7.
 */
#include "lib/usr.h"

#define CHILD_STATUS	42
#define VFORK_STATUS	7

#define __NR_vfork	190
#define __NR_clone	120
#define CLONE_VM	0x00000100
#define CLONE_SIGHAND	0x00000800
#define CLONE_THREAD	0x00010000
#define SIGCHLD		17

/* vfork; the child exits at once, all in registers (it runs on our stack). */
static __attribute__((__naked__, __noinline__)) long vfork_exit(void)
{
	__asm__ volatile(
		"push	{r7, lr}\n\t"
		"mov	r7, %[vfork]\n\t"
		"svc	#0\n\t"
		"cmp	r0, #0\n\t"
		"popne	{r7, pc}\n\t"         /* parent: pid or -errno */
		"mov	r0, %[status]\n\t"
		"mov	r7, #1\n\t"           /* exit */
		"svc	#0\n\t"
		:: [vfork] "I" (__NR_vfork), [status] "I" (VFORK_STATUS));
}

/* clone(flags, 0, NULL, 0, NULL) for flags the kernel must refuse. */
static long bad_clone(unsigned long flags)
{
	register long r0 __asm__("r0") = flags;
	register long r1 __asm__("r1") = 0;
	register long r7 __asm__("r7") = __NR_clone;

	__asm__ volatile("svc #0" : "+r" (r0) : "r" (r1), "r" (r7) : "memory");
	return r0;
}

static int vfork_mode(void)
{
	long pid = vfork_exit(), ret;
	int status = 0;

	if (pid < 0) {
		printf("forktouch: vfork failed: %ld\n", pid);
		return 1;
	}
	ret = sys_wait4(pid, &status, 0, NULL);
	printf("forktouch: vfork child %ld: wait4 %ld status 0x%x\n", pid, ret, status);
	printf("forktouch: wait4 again: %ld\n", sys_wait4(-1, &status, WNOHANG, NULL));
	printf("forktouch: clone(CLONE_THREAD): %ld\n",
	       bad_clone(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | SIGCHLD));
	return ret == pid ? WEXITSTATUS(status) : 1;
}

static long arg(int argc, char **argv, int i, long def, long min, long max)
{
	long v = argc > i ? parse_long("forktouch", argv[i]) : def;

	if (v < min || v > max) {
		printf("forktouch: argument %d must be %ld..%ld\n", i, min, max);
		sys_exit_group(2);
	}
	return v;
}

/* The child: the two stops and the touches between them; never returns. */
static void __attribute__((__noreturn__))
child(volatile unsigned char *map, long w, long r)
{
	unsigned long sum = 0;
	long i, bad = 0;

	stop_self();
	for (i = 0; i < w; i++) {
		bad += map[i * PAGE_SIZE] != i + 1;
		map[i * PAGE_SIZE] = 0xc0 + i;
	}
	for (i = w; i < w + r; i++)
		sum += map[i * PAGE_SIZE];
	bad += sum != (unsigned long)((w + 1 + w + r) * r / 2);
	stop_self();
	/* exit_group itself: STOP_AT=exit is for the program, the parent */
	sys_exit_group(bad ? 1 : CHILD_STATUS);
}

int main(int argc, char **argv, char **envp)
{
	volatile unsigned char *map;
	long n, w, r, pid, ret, i;
	int status = 0;

	if (argc > 1 && !strcmp(argv[1], "vfork"))
		return vfork_mode();
	n = arg(argc, argv, 1, 8, 2, 256);
	w = arg(argc, argv, 2, 3, 0, n - 1);
	r = arg(argc, argv, 3, 2, 0, n - 1 - w);
	map = sys_mmap2(NULL, n * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(map)) {
		printf("forktouch: mmap failed: %ld\n", (long)map);
		return 1;
	}
	for (i = 0; i < n; i++)
		map[i * PAGE_SIZE] = i + 1;
	printf("forktouch: mmap=0x%lx\n", (unsigned long)map);

	pid = sys_fork();
	if (pid < 0) {
		printf("forktouch: fork failed: %ld\n", pid);
		return 1;
	}
	if (pid == 0)
		child(map, w, r);

	map[(n - 1) * PAGE_SIZE] = 0xee;
	for (;;) {
		ret = sys_wait4(pid, &status, WUNTRACED, NULL);
		if (ret != pid) {
			printf("forktouch: wait4 failed: %ld\n", ret);
			return 1;
		}
		if (!WIFSTOPPED(status))
			break;
		printf("forktouch: child %ld stopped\n", pid);
		stop_self();
		sys_kill(pid, SIGCONT);
	}
	if (WIFSIGNALED(status)) {
		printf("forktouch: child killed by signal %d\n", WTERMSIG(status));
		return 1;
	}

	map[0] = 0x10;
	map[w * PAGE_SIZE] = 0x11;
	for (i = 1; i < n - 1; i++)
		if (i != w && map[i * PAGE_SIZE] != i + 1) {
			printf("forktouch: page %ld holds %d: the child's write reached us\n",
			       i, map[i * PAGE_SIZE]);
			return 1;
		}
	printf("forktouch: child exit %d\n", WEXITSTATUS(status));
	return WEXITSTATUS(status);
}
