/*
 * arch/arm/mm/fsr-2level.c - what each fault status means, for the
 * short-descriptor format. Linux: arch/arm/mm/fsr-2level.c, included by
 * fault.c (it is not a separate object), plus what Linux's exceptions_init
 * hooks on ARMv7 written straight into the tables.
 *
 * Indexed by FS = DFSR/IFSR FS[4]:FS[3:0] (asm/fsr.h fsr_fs()); the ARMv7
 * meanings are the ARM ARM's B3.13.3 table "Short-descriptor format FSR
 * encodings". Linux keeps the ARMv4/v5 names where ARMv7 reuses a code
 * (1 and 3 "alignment exception", 4 "I-cache maintenance fault"), and so
 * do we: the names are what a learner will grep for in a Linux oops.
 * Each entry: handler (0: handled, non-zero: "Unhandled fault"), the
 * signal and si_code a user task would get, the name.
 */

/* Data aborts (DFSR). */
static struct fsr_info fsr_info[32] = {
	{ do_bad,               SIGSEGV, 0,           "vector exception" },
	{ do_bad,               SIGBUS,  BUS_ADRALN,  "alignment exception" },
	{ do_bad,               SIGKILL, 0,           "terminal exception" },
	/* 3: ARMv7 section access flag fault (exceptions_init) */
	{ do_bad,               SIGSEGV, SEGV_MAPERR, "section access flag fault" },
	/* 4: ARMv7 fault on an I-cache maintenance operation (exceptions_init) */
	{ do_translation_fault, SIGSEGV, SEGV_MAPERR, "I-cache maintenance fault" },
	{ do_translation_fault, SIGSEGV, SEGV_MAPERR, "section translation fault" },
	/* 6: ARMv7 page access flag fault; Linux names it as 3 */
	{ do_bad,               SIGSEGV, SEGV_MAPERR, "section access flag fault" },
	{ do_page_fault,        SIGSEGV, SEGV_MAPERR, "page translation fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on non-linefetch" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "section domain fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on non-linefetch" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "page domain fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on translation" },
	{ do_sect_fault,        SIGSEGV, SEGV_ACCERR, "section permission fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on translation" },
	{ do_page_fault,        SIGSEGV, SEGV_ACCERR, "page permission fault" },
	/* 16..31: FS[4] = 1, imprecise and other aborts, mostly unknown */
	{ do_bad,               SIGBUS,  0,           "unknown 16" },
	{ do_bad,               SIGBUS,  0,           "unknown 17" },
	{ do_bad,               SIGBUS,  0,           "unknown 18" },
	{ do_bad,               SIGBUS,  0,           "unknown 19" },
	{ do_bad,               SIGBUS,  0,           "lock abort" },           /* xscale */
	{ do_bad,               SIGBUS,  0,           "unknown 21" },
	{ do_bad,               SIGBUS,  BUS_OBJERR,  "imprecise external abort" }, /* xscale */
	{ do_bad,               SIGBUS,  0,           "unknown 23" },
	{ do_bad,               SIGBUS,  0,           "dcache parity error" },  /* xscale */
	{ do_bad,               SIGBUS,  0,           "unknown 25" },
	{ do_bad,               SIGBUS,  0,           "unknown 26" },
	{ do_bad,               SIGBUS,  0,           "unknown 27" },
	{ do_bad,               SIGBUS,  0,           "unknown 28" },
	{ do_bad,               SIGBUS,  0,           "unknown 29" },
	{ do_bad,               SIGBUS,  0,           "unknown 30" },
	{ do_bad,               SIGBUS,  0,           "unknown 31" },
};

/* Prefetch aborts (IFSR): no alignment or cache-maintenance codes. */
static struct fsr_info ifsr_info[32] = {
	{ do_bad,               SIGBUS,  0,           "unknown 0" },
	{ do_bad,               SIGBUS,  0,           "unknown 1" },
	{ do_bad,               SIGBUS,  0,           "debug event" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "section access flag fault" },
	{ do_bad,               SIGBUS,  0,           "unknown 4" },
	{ do_translation_fault, SIGSEGV, SEGV_MAPERR, "section translation fault" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "page access flag fault" },
	{ do_page_fault,        SIGSEGV, SEGV_MAPERR, "page translation fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on non-linefetch" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "section domain fault" },
	{ do_bad,               SIGBUS,  0,           "unknown 10" },
	{ do_bad,               SIGSEGV, SEGV_ACCERR, "page domain fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on translation" },
	{ do_sect_fault,        SIGSEGV, SEGV_ACCERR, "section permission fault" },
	{ do_bad,               SIGBUS,  0,           "external abort on translation" },
	{ do_page_fault,        SIGSEGV, SEGV_ACCERR, "page permission fault" },
	{ do_bad,               SIGBUS,  0,           "unknown 16" },
	{ do_bad,               SIGBUS,  0,           "unknown 17" },
	{ do_bad,               SIGBUS,  0,           "unknown 18" },
	{ do_bad,               SIGBUS,  0,           "unknown 19" },
	{ do_bad,               SIGBUS,  0,           "unknown 20" },
	{ do_bad,               SIGBUS,  0,           "unknown 21" },
	{ do_bad,               SIGBUS,  0,           "unknown 22" },
	{ do_bad,               SIGBUS,  0,           "unknown 23" },
	{ do_bad,               SIGBUS,  0,           "unknown 24" },
	{ do_bad,               SIGBUS,  0,           "unknown 25" },
	{ do_bad,               SIGBUS,  0,           "unknown 26" },
	{ do_bad,               SIGBUS,  0,           "unknown 27" },
	{ do_bad,               SIGBUS,  0,           "unknown 28" },
	{ do_bad,               SIGBUS,  0,           "unknown 29" },
	{ do_bad,               SIGBUS,  0,           "unknown 30" },
	{ do_bad,               SIGBUS,  0,           "unknown 31" },
};
