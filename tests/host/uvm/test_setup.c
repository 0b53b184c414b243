/*
 * tests/host/uvm/test_setup.c - set-up and stand-ins for the uvm suite
 * (see uvm_test.h): HighMem pages reached through kmap_local_page, the
 * TLB invalidates recorded, one current task, what mmu.c needs to link.
 */
#include "uvm_test.h"
#include <stdlib.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/shell.h>
#include <linux/vm_event_item.h>
#include <asm/pgtable.h>
#include <asm/mach/map.h>
#include "../../../arch/arm/mm/mm.h"

#include "../mmu/boot_stubs.h"

/* ---- what mmu.c and the rest expect from the kernel around them ---- */
pgd_t swapper_pg_dir[PTRS_PER_PGD] __attribute__((aligned(16384)));
u32 __cpu_smp = 1;
void vm_area_add_early(struct vm_struct *vm) { (void)vm; }
bool shell_nargs(int argc, char **argv, int min, int max, const char *usage)
{
	(void)argv, (void)usage;
	return argc - 1 >= min && argc - 1 <= max;
}

struct task_struct uvm_task = { .pid = 1, .comm = "uvm" };
struct task_struct *current_task = &uvm_task;
struct task_struct init_task;

/* ---- HighMem: bytes in a host buffer ---- */
static unsigned char highmem[HIGHMEM_SIZE] __attribute__((aligned(4096)));
int uvm_kmap_depth;

static bool phys_is_high(uint32_t pa)
{
	return pa >= HIGHMEM_BASE && pa < HIGHMEM_BASE + HIGHMEM_SIZE;
}

void *page_address(const struct page *page)
{
	return PageHighMem(page) ? NULL : lowmem_page_address(page);
}

void *kmap_local_page(struct page *page)
{
	uint32_t pa = (uint32_t)page_to_phys(page);

	uvm_kmap_depth++;
	return phys_is_high(pa) ? (void *)(highmem + (pa - HIGHMEM_BASE)) :
	       lowmem_page_address(page);
}

void kunmap_local(void *addr)
{
	(void)addr;
	assert_true(uvm_kmap_depth > 0);
	uvm_kmap_depth--;
}

uint32_t uvm_read_phys(uint32_t pa)
{
	if (phys_is_high(pa))
		return *(uint32_t *)(highmem + (pa - HIGHMEM_BASE));
	assert_true(pa >= RAM_BASE && pa < RAM_BASE + LOWMEM_SIZE);
	return *(uint32_t *)__va(pa);
}

bool uvm_walk(struct mm_struct *mm, unsigned long va, struct hw_walk *w)
{
	return hw_walk((const uint32_t *)mm->pgd, va, uvm_read_phys, w);
}

/* ---- the TLB ---- */
unsigned long uvm_tlbi[64];
int uvm_ntlbi;

void uvm_tlb_clear(void)
{
	uvm_ntlbi = 0;
}

void host_tlb_invalidate(unsigned long va)
{
	if (uvm_ntlbi < 64)
		uvm_tlbi[uvm_ntlbi++] = va;
}

void host_tlb_invalidate_asid(unsigned long asid)
{
	(void)asid;
}

/* ---- the archive ---- */
struct file *uvm_file(unsigned long size)
{
	struct inode *inode = calloc(1, sizeof(*inode));
	struct file *file = calloc(1, sizeof(*file));
	unsigned char *data = malloc(size);
	unsigned long i;

	for (i = 0; i < size; i++)
		data[i] = (unsigned char)(i * 7 + i / 4096);
	inode->i_size = size;
	inode->i_data = data;
	inode->i_data_mapping.host = inode;
	file->f_inode = inode;
	file->f_mapping = &inode->i_data_mapping;
	return file;
}

/* ---- set-up ---- */
int uvm_setup(void **state)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	struct page *zero;

	(void)state;
	mem_map = NULL;
	sim_ram_init(RAM_BASE, LOWMEM_SIZE);
	memblock_reset_for_test();
	memset(highmem, 0x5a, sizeof(highmem));         /* "dirty" RAM: zeroing must be real */
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	assert_int_equal(memblock_add(RAM_BASE, LOWMEM_SIZE + HIGHMEM_SIZE), 0);
	memblock_set_current_limit(HIGHMEM_BASE);
	min_low_pfn = PFN_UP(RAM_BASE);
	max_low_pfn = PFN_DOWN(HIGHMEM_BASE);
	max_pfn = PFN_DOWN(HIGHMEM_BASE + HIGHMEM_SIZE);
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
	memblock_free_all();
	free_memblock_ranges(max_low_pfn, max_pfn);     /* arch free_highpages */
	init_per_zone_wmark_min();
	kmem_cache_init();
	build_mem_type_table();
	zero = alloc_page(GFP_KERNEL | __GFP_ZERO);
	assert_non_null(zero);
	empty_zero_page = zero;
	/* a kernel entry, to see pgd_alloc copy the kernel half: the vectors' pmd */
	swapper_pg_dir[pgd_index(0xffff0000)][0] = 0x6000f001;
	swapper_pg_dir[pgd_index(0xffff0000)][1] = 0x6000f401;
	uvm_task.min_flt = uvm_task.maj_flt = 0;
	uvm_kmap_depth = 0;
	uvm_tlb_clear();
	sim_log_clear();
	return 0;
}

int uvm_teardown(void **state)
{
	(void)state;
	assert_int_equal(uvm_kmap_depth, 0);
	return 0;
}
