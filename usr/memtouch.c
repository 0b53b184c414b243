/*
 * usr/memtouch.c - /bin/memtouch [R W H S] (defaults 4 4 3 5): every
 * kind of user page fault in one process, the scenario of issues 12/13
 * (Linux: mm/memory.c handle_pte_fault and the functions it picks).
 *
 * Step 1 - first touches:
 *   mmap 16 anonymous private RW pages; read pages [0,R) (zero page),
 *   write pages [R,R+W) (do_anonymous_page, new pages);
 *   brk up by H pages, write each (the heap is anonymous too);
 *   recurse so the stack reaches S pages below the page sp is in
 *   (the stack VMA's own pages, or expand_stack past its start);
 *   of the 2-page .data array (file-backed, private) write page 0
 *   (do_cow_fault) and only read page 1 (do_read_fault: the file's page).
 * Step 2 - after SIGCONT: read mmap pages 0 and 1 (present: no fault, or
 *   a young fault after clear_refs), write mmap page R (present and
 *   dirty already) and heap page 0.
 * Step 3 - exit 0.
 */
#include "lib/usr.h"

#define MMAP_PAGES	16
#define FRAME_BYTES	256

/* Two pages, 2-page aligned, not zero: .data, so the file holds it. */
static volatile unsigned char data_pages[2 * PAGE_SIZE]
	__attribute__((__aligned__(2 * PAGE_SIZE))) = { 1 };

static unsigned long lowest_stack;

/*
 * One stack frame per call, FRAME_BYTES of it a local array that is
 * written, so every page between the caller's sp and `limit` is touched
 * in turn. Each call also writes into its caller's array: every frame
 * stays live, and the compiler cannot make the recursion a loop.
 */
static __attribute__((__noinline__)) unsigned long
grow_stack(unsigned long limit, volatile unsigned char *up)
{
	volatile unsigned char frame[FRAME_BYTES];
	unsigned long here = (unsigned long)frame;

	up[1] = 1;
	frame[0] = 1;
	if (here >= limit + 2 * FRAME_BYTES)
		return grow_stack(limit, frame) + frame[1];
	lowest_stack = here;
	return frame[0];
}

static long arg(int argc, char **argv, int i, long def, long min, long max)
{
	long v = argc > i ? parse_long("memtouch", argv[i]) : def;

	if (v < min || v > max) {
		printf("memtouch: argument %d must be %ld..%ld\n", i, min, max);
		sys_exit_group(2);
	}
	return v;
}

int main(int argc, char **argv, char **envp)
{
	/* step 2 reads pages 0 and 1, writes page R and heap page 0 */
	long r = arg(argc, argv, 1, 4, 2, MMAP_PAGES - 1);
	long w = arg(argc, argv, 2, 4, 0, MMAP_PAGES - r);
	long h = arg(argc, argv, 3, 3, 1, 1024);
	long s = arg(argc, argv, 4, 5, 0, 64);
	volatile unsigned char *map, *heap;
	unsigned long sp_page, sum = 0, brk0;
	long i;

	map = sys_mmap2(NULL, MMAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(map)) {
		printf("memtouch: mmap failed: %ld\n", (long)map);
		return 1;
	}
	for (i = 0; i < r; i++)
		sum += map[i * PAGE_SIZE];
	for (i = r; i < r + w; i++)
		map[i * PAGE_SIZE] = 1;

	/* Linux starts the heap page aligned (load_elf_binary: ELF_PAGEALIGN). */
	brk0 = (sys_brk(0) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (sys_brk(brk0 + h * PAGE_SIZE) != brk0 + h * PAGE_SIZE) {
		printf("memtouch: brk failed\n");
		return 1;
	}
	heap = (volatile unsigned char *)brk0;
	for (i = 0; i < h; i++)
		heap[i * PAGE_SIZE] = 1;

	sp_page = (unsigned long)__builtin_frame_address(0) & ~(PAGE_SIZE - 1);
	sum += grow_stack(sp_page - s * PAGE_SIZE, (volatile unsigned char [2]){ 0 });

	data_pages[0] = 2;
	sum += data_pages[PAGE_SIZE];

	printf("memtouch: mmap=0x%lx heap=0x%lx data=0x%lx stack=0x%lx\n",
	       (unsigned long)map, brk0, (unsigned long)data_pages,
	       lowest_stack & ~(PAGE_SIZE - 1));
	printf("memtouch: stop 1\n");
	stop_self();

	sum += map[0] + map[PAGE_SIZE];
	map[r * PAGE_SIZE] = 2;
	heap[0] = 2;
	printf("memtouch: stop 2\n");
	stop_self();

	printf("memtouch: done\n");
	(void)sum;                      /* the reads are volatile: they happen */
	return 0;
}
