/*
 * arch/arm/kernel/vdso.c - the vDSO's two mappings in every process:
 * [vvar] (the kernel's data page, read-only) and [vdso] (the linked
 * shared object, read+execute) just above [sigpage].
 * Linux: arch/arm/kernel/vdso.c (vdso_init, install_vvar,
 * arm_install_vdso).
 *
 * Differences from Linux:
 *  - The pages are found on the first exec, not by an arch_initcall:
 *    armmm has no initcalls, and the first exec is after mem_map exists.
 *  - Nothing is patched: Linux removes __vdso_gettimeofday and
 *    __vdso_clock_gettime from the image when the CPU has no generic
 *    timer (vdso_nullpatch_one); armmm's functions are the system-call
 *    fallbacks already (arch/arm/vdso/vgettimeofday.c). The data page
 *    stays zero: there is no clocksource to publish in it.
 * The layout is what a learner can compare with Linux's /proc/<pid>/maps:
 * sigpage, vvar and vdso are three consecutive pages, and every later
 * mmap sits below them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/vdso.h>
#include <string.h>

/* arch/arm/vdso/vdso.S: the linked vdso.so, page aligned at both ends */
extern const char vdso_start[], vdso_end[];

/* Linux's vdso_data_store: the [vvar] page, a page of the kernel image */
static union {
	u32 words[PAGE_SIZE / sizeof(u32)];
} vdso_data_store __attribute__((aligned(PAGE_SIZE)));

#define VDSO_MAX_TEXT_PAGES     4       /* ours links to one page */

static struct page *vdso_data_pages[2];                         /* page, NULL */
static struct page *vdso_text_pages[VDSO_MAX_TEXT_PAGES + 1];   /* NULL-ended */
unsigned int vdso_total_pages;          /* [vvar] + [vdso]: 0 until vdso_init */

/* vdso_init - check the image and list its pages (Linux's vdso_init). */
static int vdso_init(void)
{
	unsigned int i, text_pages = (unsigned int)((vdso_end - vdso_start) >> PAGE_SHIFT);

	if (memcmp(vdso_start, "\177ELF", 4)) {
		pr_err("vDSO is not a valid ELF object!\n");
		return -EINVAL;
	}
	if (text_pages == 0 || text_pages > VDSO_MAX_TEXT_PAGES) {
		pr_err("vDSO: %u pages, room for %d\n", text_pages, VDSO_MAX_TEXT_PAGES);
		return -EINVAL;
	}
	for (i = 0; i < text_pages; i++)
		vdso_text_pages[i] = virt_to_page(vdso_start + i * PAGE_SIZE);
	vdso_data_pages[0] = virt_to_page(&vdso_data_store);
	vdso_total_pages = 1 + text_pages;
	return 0;
}

/* How many pages arch_setup_additional_pages reserves above [sigpage]. */
unsigned int vdso_pages(void)
{
	static int err = 1;

	if (err > 0)
		err = vdso_init();
	return err ? 0 : vdso_total_pages;
}

/*
 * arm_install_vdso - [vvar] at addr, [vdso] above it. Like Linux, a
 * failure leaves mm->context.vdso 0 (no AT_SYSINFO_EHDR worth using)
 * and the exec goes on: C libraries fall back to system calls.
 */
void arm_install_vdso(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	mm->context.vdso = 0;
	if (!vdso_pages())
		return;
	vma = _install_special_mapping(mm, addr, PAGE_SIZE, VM_READ | VM_MAYREAD,
				       "[vvar]", vdso_data_pages);
	if (IS_ERR_VALUE((unsigned long)vma))
		return;
	addr += PAGE_SIZE;
	vma = _install_special_mapping(mm, addr, (vdso_total_pages - 1) << PAGE_SHIFT,
				       VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
				       "[vdso]", vdso_text_pages);
	if (!IS_ERR_VALUE((unsigned long)vma))
		mm->context.vdso = addr;
}
