/*
 * scripts/profile/insn_profile.c - a QEMU TCG plugin that counts every
 * guest instruction, per PC and per call, for `make profile`.
 *
 * Built against the plugin API header of Debian's qemu source package
 * (scripts/profile/build-plugin fetches it; Debian ships no plugins) and
 * loaded with  -plugin libinsn_profile.so,start=..,stop=..,out=..  on one
 * vCPU under -icount shift=0, so a run is exactly repeatable.
 *
 * Arguments (all numbers hex):
 *   start=PC     counting begins at the first execution of PC (stext, at
 *                its physical address: the MMU is off there)
 *   stop=PC      counting ends at the first execution of PC (armmm:
 *                shell_run); the counts are written and QEMU exits
 *   stop_user=1  ...or at the first user-mode instruction (pc below
 *                0xbf000000 once the kernel ran at 0xc0000000 or above):
 *                Linux's /init
 *   mark=PC      record the count at the first execution of PC (up to 16
 *                marks: milestones reached by a branch, not a call)
 *   out=FILE     where the counts go (text, read by scripts/profile)
 *
 * How calls are seen: bl/blx, in ARM or Thumb state (the kernels are ARM
 * code, but libgcc's helpers in armmm are Thumb-2), push a shadow frame
 * whose return address is the call's pc + its size; the instruction is
 * recognised from QEMU's own disassembly of it (the plugin API does not
 * say which instruction set a TB is in, and a 32-bit Thumb BL read as an
 * ARM word can look like anything). The frame's callee is the next pc
 * executed (a
 * conditional call that did not branch executes pc + 4 next and pushes
 * nothing). Executing a frame's return address pops it, however the
 * function returned (bx lr, ldm ... pc, pop). What an exception handler
 * runs is counted in the frame it interrupted. A recursive function's
 * inclusive count is taken at its outermost activation only.
 *
 * Output lines:  T total | P pc count | F entry calls inclusive first_start
 * first_inclusive  (first_*: the first call's start count and inclusive
 * count, so "when did paging_init return" is first_start + first_inclusive)
 * | N node parent callee_entry calls inclusive  (the calling-context tree:
 * one node per distinct path of calls from the root, node 0, so a
 * function called from two places has two nodes) | M pc count (marks).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define USER_TOP     0xbf000000u   /* TASK_SIZE with VMSPLIT_3G */
#define PAGE_OFFSET  0xc0000000u
#define MAX_DEPTH    4096
#define HASH_BITS    20            /* 1 M slots: more than any kernel's code */

struct insn {                      /* one static instruction */
	uint32_t pc;
	uint8_t call_size;         /* a call: its size in bytes (the return is pc + size) */
	uint64_t count;
};

struct func {                      /* one callee entry point */
	uint32_t entry;
	uint64_t calls, incl, first_start, first_incl;
	uint32_t active;           /* activations on the shadow stack */
	bool first_done;
};

struct node {                      /* one calling context */
	uint64_t key;              /* parent node << 32 | callee entry */
	uint32_t id;
	uint64_t calls, incl;
};

struct frame {
	struct func *fn;
	struct node *node;
	uint32_t ret;
	uint64_t start;
};

static struct insn *insns[1u << HASH_BITS];
static struct func *funcs[1u << HASH_BITS];
static struct node *nodes[1u << HASH_BITS];
static uint32_t nr_nodes;
#define MAX_MARKS 16
static uint32_t mark_pc[MAX_MARKS];
static uint64_t mark_count[MAX_MARKS];
static bool mark_seen[MAX_MARKS];
static unsigned int nr_marks;
static struct frame stack[MAX_DEPTH];
static unsigned int depth;
static uint64_t total;
static uint32_t start_pc, stop_pc;
static bool stop_user, active, seen_kernel_va, pending, done;
static uint32_t pending_ret;
static const char *out_path = "insn_profile.txt";

static unsigned int slot(uint32_t pc)
{
	return (pc * 2654435761u) >> (32 - HASH_BITS);
}

/* The record for pc in a table of pointers, created on first use. */
static void *lookup(void **table, uint32_t pc, size_t size)
{
	unsigned int i = slot(pc);

	while (table[i] && *(uint32_t *)table[i] != pc)
		i = (i + 1) & ((1u << HASH_BITS) - 1);
	if (!table[i]) {
		table[i] = calloc(1, size);
		if (!table[i]) {
			fprintf(stderr, "insn_profile: out of memory\n");
			exit(1);
		}
		*(uint32_t *)table[i] = pc;
	}
	return table[i];
}

/* The node for calling callee from the context parent, made on first use. */
static struct node *node_of(uint32_t parent, uint32_t callee)
{
	uint64_t key = (uint64_t)parent << 32 | callee;
	unsigned int i = slot(parent * 40503u ^ callee);

	while (nodes[i] && nodes[i]->key != key)
		i = (i + 1) & ((1u << HASH_BITS) - 1);
	if (!nodes[i]) {
		if (nr_nodes + 1 >= (1u << (HASH_BITS - 1))) {
			fprintf(stderr, "insn_profile: too many calling contexts\n");
			exit(1);
		}
		nodes[i] = calloc(1, sizeof(**nodes));
		if (!nodes[i]) {
			fprintf(stderr, "insn_profile: out of memory\n");
			exit(1);
		}
		nodes[i]->key = key;
		nodes[i]->id = ++nr_nodes;
	}
	return nodes[i];
}

/*
 * Is this disassembly ("bl #0x...", "blxne r3", ...) a call? BL/BLX with an
 * optional condition code; "ble"/"blt"/"bls"/"blo" are B with a condition.
 */
static bool disas_is_call(const char *d)
{
	static const char *const cond[] = { "eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs",
					    "vc", "hi", "ls", "ge", "lt", "gt", "le", "al" };
	char m[16];
	const char *rest;
	unsigned int i, n = 0;

	while (d[n] && d[n] != ' ' && d[n] != '\t' && n < sizeof(m) - 1) {
		m[n] = d[n];
		n++;
	}
	m[n] = 0;
	if (strncmp(m, "bl", 2))
		return false;
	rest = m + 2;
	if (*rest == 'x')
		rest++;
	if (!strncmp(rest, ".w", 2))        /* Thumb-2 width suffix */
		rest += 2;
	if (!*rest)
		return true;
	for (i = 0; i < sizeof(cond) / sizeof(*cond); i++)
		if (!strcmp(rest, cond[i]))
			return true;
	return false;
}

/* Close the top frame: incl instructions ran inside it. */
static void close_frame(uint64_t incl)
{
	struct frame *fr = &stack[--depth];

	fr->node->calls++;
	fr->node->incl += incl;
	if (--fr->fn->active == 0)
		fr->fn->incl += incl;
	if (!fr->fn->first_done) {
		fr->fn->first_incl = incl;
		fr->fn->first_done = true;
	}
}

static void write_out(void)
{
	FILE *f = fopen(out_path, "w");
	unsigned int i;

	if (!f) {
		perror(out_path);
		return;
	}
	/* frames still open (the stop point's callers) count up to now */
	while (depth)
		close_frame(total - stack[depth - 1].start);
	fprintf(f, "T %" PRIu64 "\n", total);
	for (i = 0; i < (1u << HASH_BITS); i++)
		if (insns[i] && insns[i]->count)
			fprintf(f, "P %08x %" PRIu64 "\n", insns[i]->pc, insns[i]->count);
	for (i = 0; i < (1u << HASH_BITS); i++)
		if (funcs[i])
			fprintf(f, "F %08x %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
				funcs[i]->entry, funcs[i]->calls, funcs[i]->incl,
				funcs[i]->first_start, funcs[i]->first_incl);
	for (i = 0; i < (1u << HASH_BITS); i++)
		if (nodes[i])
			fprintf(f, "N %u %u %08x %" PRIu64 " %" PRIu64 "\n", nodes[i]->id,
				(uint32_t)(nodes[i]->key >> 32), (uint32_t)nodes[i]->key,
				nodes[i]->calls, nodes[i]->incl);
	for (i = 0; i < nr_marks; i++)
		if (mark_seen[i])
			fprintf(f, "M %08x %" PRIu64 "\n", mark_pc[i], mark_count[i]);
	fclose(f);
}

static void finish(void)
{
	if (done)
		return;
	done = true;
	active = false;
	write_out();
	fflush(NULL);
	_Exit(0);                  /* QEMU has nothing more to tell us */
}

static void pop_to(unsigned int d)
{
	while (depth > d)
		close_frame(total - 1 - stack[depth - 1].start);
}

static void on_insn(unsigned int vcpu, void *udata)
{
	struct insn *in = udata;
	uint32_t pc = in->pc;
	unsigned int d;

	if (!active) {
		if (done || pc != start_pc)
			return;
		active = true;
	}
	if (pc == stop_pc || (stop_user && seen_kernel_va && pc < USER_TOP)) {
		finish();
		return;
	}
	if (pc >= PAGE_OFFSET)
		seen_kernel_va = true;
	for (d = 0; d < nr_marks; d++)
		if (pc == mark_pc[d] && !mark_seen[d]) {
			mark_seen[d] = true;
			mark_count[d] = total;
		}
	total++;
	in->count++;
	/* a return: pop to the frame it returns from (search a few levels:
	 * a function may return past a caller that tail-called it) */
	for (d = depth; d > 0 && depth - d < 8; d--)
		if (stack[d - 1].ret == pc) {
			pop_to(d - 1);
			break;
		}
	if (pending) {
		pending = false;
		if (pc != pending_ret && depth < MAX_DEPTH) {
			struct func *fn = lookup((void **)funcs, pc, sizeof(*fn));
			uint32_t parent = depth ? stack[depth - 1].node->id : 0;

			if (!fn->calls++)
				fn->first_start = total - 1;
			fn->active++;
			stack[depth++] = (struct frame){ fn, node_of(parent, pc), pending_ret,
							 total - 1 };
		}
	}
	if (in->call_size) {
		pending = true;
		pending_ret = pc + in->call_size;
	}
}

static void on_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;

	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *qi = qemu_plugin_tb_get_insn(tb, i);
		uint32_t pc = (uint32_t)qemu_plugin_insn_vaddr(qi);
		struct insn *in = lookup((void **)insns, pc, sizeof(*in));
		char *d = qemu_plugin_insn_disas(qi);

		in->call_size = d && disas_is_call(d) ? qemu_plugin_insn_size(qi) : 0;
		free(d);
		qemu_plugin_register_vcpu_insn_exec_cb(qi, on_insn, QEMU_PLUGIN_CB_NO_REGS, in);
	}
}

static void on_plugin_exit(qemu_plugin_id_t id, void *p)
{
	if (active)
		finish();
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
					   int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (!strncmp(a, "start=", 6))
			start_pc = strtoul(a + 6, NULL, 16);
		else if (!strncmp(a, "stop=", 5))
			stop_pc = strtoul(a + 5, NULL, 16);
		else if (!strcmp(a, "stop_user=1"))
			stop_user = true;
		else if (!strncmp(a, "mark=", 5) && nr_marks < MAX_MARKS)
			mark_pc[nr_marks++] = strtoul(a + 5, NULL, 16);
		else if (!strncmp(a, "out=", 4))
			out_path = a + 4;
		else {
			fprintf(stderr, "insn_profile: unknown argument %s\n", a);
			return -1;
		}
	}
	if (!start_pc || (!stop_pc && !stop_user)) {
		fprintf(stderr, "insn_profile: needs start= and stop= or stop_user=1\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_trans);
	qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
	return 0;
}
