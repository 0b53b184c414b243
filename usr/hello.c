/*
 * usr/hello.c - /bin/hello [args...]: shows what exec put on the initial
 * stack (Linux: fs/binfmt_elf.c create_elf_tables, fs/exec.c
 * copy_strings): argc, each argv and envp string, and four auxiliary
 * vector entries. `hello exit <n>` then exits with status n, for the
 * console's "[<pid>] Exit <n>" line.
 */
#include "lib/usr.h"

int main(int argc, char **argv, char **envp)
{
	int i;

	printf("hello: argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	for (i = 0; envp[i]; i++)
		printf("envp[%d]=%s\n", i, envp[i]);
	printf("auxv: AT_PAGESZ=%lu AT_PHDR=0x%lx AT_ENTRY=0x%lx AT_RANDOM=0x%lx\n",
	       getauxval(AT_PAGESZ), getauxval(AT_PHDR), getauxval(AT_ENTRY),
	       getauxval(AT_RANDOM));
	if (argc == 3 && !strcmp(argv[1], "exit"))
		return (int)parse_long("hello", argv[2]);
	return 0;
}
