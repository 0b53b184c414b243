# tests/host/proc: the /proc/<pid>/ formats and smaps/clear_refs rules
# (fs/proc/task_mmu.c) on hand-built VMAs, PTEs and pages; the page-table
# walk is replaced by one over the test's own PTE array (test_task_mmu.c).
SRCS := fs/proc/task_mmu.c lib/seq_file.c lib/kstrtox.c
CPPFLAGS_SUITE := -Wno-unused-parameter
