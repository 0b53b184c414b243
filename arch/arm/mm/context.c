/*
 * arch/arm/mm/context.c - ASIDs, the switch between address spaces and the
 * user TLB flushes.
 * Linux: arch/arm/mm/context.c (new_context, flush_context,
 * check_and_switch_context), arch/arm/mm/proc-v7-2level.S (cpu_v7_switch_mm),
 * arch/arm/include/asm/tlbflush.h and tlb-v7.S (the user flushes).
 *
 * An ASID is 8 bits: 255 processes' translations can sit in the TLB side by
 * side (ASID 0 is kept for init_mm, which maps nothing non-global). Linux
 * numbers ASIDs in generations: mm->context.id = generation | asid, where
 * the generation counts up in steps of 256. When every ASID of the current
 * generation is handed out, the generation moves on (a "rollover"): the
 * bitmap is emptied, the whole TLB is flushed, and each mm gets a fresh ASID
 * the next time it is switched to, because its old generation no longer
 * matches. The mm running at the rollover keeps its number (Linux's
 * reserved_asids), so its live TLB entries stay consistent.
 *
 * Differences: one CPU, so no per-CPU active_asids, no tlb_flush_pending
 * mask and no lock; Linux also flushes the branch predictor on rollover
 * (BPIALL; ARMv7 does that with the TLB flush's ISB here, BPIALL added).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <string.h>
#include <asm/mmu_context.h>
#include <asm/tlbflush.h>
#include <asm/cp15.h>

#ifndef BITS_PER_LONG
#define BITS_PER_LONG       (8 * sizeof(long))
#endif
#define ASID_FIRST_VERSION  (1ULL << ASID_BITS)          /* generation step */
#define NUM_USER_ASIDS      ASID_FIRST_VERSION            /* 256, 0 reserved */

static u64 asid_generation = ASID_FIRST_VERSION;
static unsigned long asid_map[NUM_USER_ASIDS / BITS_PER_LONG];
static unsigned int cur_idx = 1;
unsigned long asid_rollovers;
/* What TTBR0/CONTEXTIDR hold now: init_mm (swapper_pg_dir, ASID 0) at boot. */
static struct mm_struct *hw_mm = &init_mm;

struct mm_struct *current_hw_mm(void)
{
	return hw_mm;
}

static bool asid_test_and_set(unsigned int asid)
{
	unsigned long bit = 1UL << (asid % BITS_PER_LONG);
	unsigned long *w = &asid_map[asid / BITS_PER_LONG];
	bool was = *w & bit;

	*w |= bit;
	return was;
}

/* First free ASID at or after from, or NUM_USER_ASIDS. */
static unsigned int asid_find_free(unsigned int from)
{
	unsigned int a;

	for (a = from; a < NUM_USER_ASIDS; a++)
		if (!(asid_map[a / BITS_PER_LONG] & (1UL << (a % BITS_PER_LONG))))
			return a;
	return NUM_USER_ASIDS;
}

/*
 * Linux flush_context: a new generation starts empty except for ASID 0 and
 * the ASID of the mm running now, which it keeps (reserved); the TLB holds
 * entries of the old generation's numbers, so it is flushed entirely.
 */
static void flush_context(void)
{
	memset(asid_map, 0, sizeof(asid_map));
	asid_test_and_set(0);
	if (hw_mm != &init_mm) {
		asid_test_and_set(ASID(hw_mm));
		hw_mm->context.id = asid_generation | ASID(hw_mm);
	}
	asid_rollovers++;
#ifndef HOST_TEST
	__asm__ __volatile__("dsb ish\n\tmcr p15, 0, %0, c7, c5, 6\n\t"  /* BPIALL */
			     "mcr p15, 0, %0, c8, c7, 0\n\tdsb ish\n\tisb"  /* TLBIALL */
			     : : "r" (0) : "memory");
#else
	host_tlb_invalidate_asid(~0UL);
#endif
}

/* Linux new_context: the next free ASID of this generation, or a rollover. */
static u64 new_context(struct mm_struct *mm)
{
	unsigned int asid;

	(void)mm;
	asid = asid_find_free(cur_idx);
	if (asid == NUM_USER_ASIDS) {
		asid_generation += ASID_FIRST_VERSION;
		flush_context();
		asid = asid_find_free(1);
	}
	asid_test_and_set(asid);
	cur_idx = asid;
	return asid_generation | asid;
}

/*
 * check_and_switch_context - give mm an ASID of the current generation if
 * its own is stale, then load its table. (flush_context moved the running
 * mm into the new generation already.)
 */
void check_and_switch_context(struct mm_struct *mm, struct task_struct *tsk)
{
	(void)tsk;
	if ((mm->context.id ^ asid_generation) >> ASID_BITS)
		mm->context.id = new_context(mm);
	cpu_v7_switch_mm(__pa(mm->pgd), ASID(mm));
	hw_mm = mm;
}

/*
 * cpu_v7_switch_mm - CONTEXTIDR (ASID), ISB, TTBR0 (table | walk
 * attributes, as head.S loads swapper_pg_dir), ISB: Linux's order in
 * proc-v7-2level.S. ARMv7 ARM B3.10.4 "Synchronization of changes of ASID
 * and TTBR": between the two writes no access to a non-global page can
 * happen, because the kernel runs from global mappings only.
 */
void cpu_v7_switch_mm(phys_addr_t pgd_phys, unsigned int context_id)
{
#ifndef HOST_TEST
	u32 ttb = (u32)pgd_phys | (__cpu_smp ? TTB_FLAGS_SMP : TTB_FLAGS_UP);

	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 1\n\tisb\n\t"   /* CONTEXTIDR */
			     "mcr p15, 0, %1, c2, c0, 0\n\tisb"          /* TTBR0 */
			     : : "r" (context_id), "r" (ttb) : "memory");
#else
	(void)pgd_phys;
	(void)context_id;
#endif
}

/*
 * switch_mm - make next's tables live (Linux asm/mmu_context.h switch_mm).
 * init_mm needs no ASID (swapper_pg_dir has only global entries): it is
 * loaded with ASID 0. Linux would not switch to a kernel thread at all
 * (lazy TLB: the previous mm stays live); armmm does, so that a dying
 * process's table can be freed at once and the console runs on
 * swapper_pg_dir as it always has.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	(void)prev;
	if (next == hw_mm)
		return;
	if (next == &init_mm) {
		cpu_v7_switch_mm(__pa(init_mm.pgd), 0);
		hw_mm = &init_mm;
		return;
	}
	check_and_switch_context(next, tsk);
}

/* ---- the user TLB flushes (Linux tlbflush.h / tlb-v7.S) ---- */

/*
 * flush_tlb_page - Linux __flush_tlb_page on ARMv7: DSB ISHST so the PTE
 * write is visible to the walker, TLBIMVAIS (SMP tables) or TLBIMVA with
 * (addr & PAGE_MASK) | ASID, then DSB ISH. An mm that never ran has no
 * ASID and so nothing in the TLB: nothing to flush.
 */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long uaddr)
{
	struct mm_struct *mm = vma->vm_mm;

	if ((mm->context.id ^ asid_generation) >> ASID_BITS)
		return;
	uaddr = (uaddr & PAGE_MASK) | ASID(mm);
	tlb_dsb(ishst);
	if (__cpu_smp)
		tlbimvais(uaddr);
	else
		tlbimva(uaddr);
	tlb_dsb(ish);
	tlb_isb();
}

/* flush_tlb_range - v7wbi_flush_user_tlb_range: one MVA|ASID per page. */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long va;

	if ((mm->context.id ^ asid_generation) >> ASID_BITS)
		return;
	tlb_dsb(ishst);
	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE) {
		if (__cpu_smp)
			tlbimvais(va | ASID(mm));
		else
			tlbimva(va | ASID(mm));
	}
	tlb_dsb(ish);
	tlb_isb();
}

/* flush_tlb_mm - local_flush_tlb_mm: TLBIASID[IS] of mm's ASID. */
void flush_tlb_mm(struct mm_struct *mm)
{
	if ((mm->context.id ^ asid_generation) >> ASID_BITS)
		return;
	tlb_dsb(ishst);
	if (__cpu_smp)
		tlbiasidis(ASID(mm));
	else
		tlbiasid(ASID(mm));
	tlb_dsb(ish);
	tlb_isb();
}
