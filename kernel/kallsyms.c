/*
 * kernel/kallsyms.c - symbol lookup in the table scripts/kallsyms links
 * into the image (Linux: kernel/kallsyms.c; see linux/kallsyms.h).
 *
 * The table is sorted by address. A symbol's size is the distance to the
 * next higher address in the table, or to the end of its region (_etext,
 * _einittext), as Linux computes it. Linux also finds symbols in modules
 * and BPF; we have neither. The names are stored plain, not compressed.
 * The `sym` console command looks an address up.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/shell.h>
#include <string.h>

extern const u32 kallsyms_num_syms;
extern const u32 kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern char _text[], _etext[], _sinittext[], _einittext[];

/* Is addr in kernel text or init text? (Linux is_ksym_addr) */
static bool is_ksym_addr(unsigned long addr)
{
	return (addr >= (unsigned long)_text && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)_sinittext && addr < (unsigned long)_einittext);
}

/* The last table index whose address is <= addr (the table is sorted), or -1. */
static int symbol_index(unsigned long addr)
{
	int lo = 0, hi = (int)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	unsigned long start, end;
	int i, next;

	if (modname)
		*modname = NULL;
	if (!is_ksym_addr(addr) || (i = symbol_index(addr)) < 0)
		return NULL;
	start = kallsyms_addresses[i];
	/* aliases share an address: the size runs to the next higher one */
	for (next = i + 1; next < (int)kallsyms_num_syms &&
	     kallsyms_addresses[next] == start; next++)
		;
	end = addr < (unsigned long)_etext ? (unsigned long)_etext : (unsigned long)_einittext;
	if (next < (int)kallsyms_num_syms && kallsyms_addresses[next] < end)
		end = kallsyms_addresses[next];
	if (symbolsize)
		*symbolsize = end - start;
	if (offset)
		*offset = addr - start;
	{
		const char *name = kallsyms_names + kallsyms_name_offsets[i];
		size_t n = strnlen(name, KSYM_NAME_LEN - 1);

		memcpy(namebuf, name, n);
		namebuf[n] = '\0';
	}
	return namebuf;
}

int sprint_symbol(char *buffer, unsigned long address)
{
	char name[KSYM_NAME_LEN];
	unsigned long size, offset;

	if (!kallsyms_lookup(address, &size, &offset, NULL, name))
		return snprintf(buffer, KSYM_SYMBOL_LEN, "0x%08lx", address);
	return snprintf(buffer, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx", name, offset, size);
}

int sprint_symbol_no_offset(char *buffer, unsigned long address)
{
	char name[KSYM_NAME_LEN];

	if (!kallsyms_lookup(address, NULL, NULL, NULL, name))
		return snprintf(buffer, KSYM_SYMBOL_LEN, "0x%08lx", address);
	return snprintf(buffer, KSYM_SYMBOL_LEN, "%s", name);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u32 i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

/* sym <addr>: the function an address is in, as the oops names it. */
static void cmd_sym(int argc, char **argv)
{
	char buf[KSYM_SYMBOL_LEN];
	unsigned long addr;

	if (!shell_nargs(argc, argv, 1, 1, "sym <addr>  (hex, 0x optional)") ||
	    !shell_arg_addr(argv[0], argv[1], &addr))
		return;
	if (!kallsyms_lookup(addr, NULL, NULL, NULL, buf)) {
		con_printf("0x%08lx: in no kernel function (%u code symbols known)\n", addr,
			   kallsyms_num_syms);
		return;
	}
	sprint_symbol(buf, addr);
	con_printf("0x%08lx: %s\n", addr, buf);
}
SHELL_CMD(sym, "sym <addr>: the kernel function an address lies in (kallsyms)", cmd_sym);
