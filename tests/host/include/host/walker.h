/*
 * host/walker.h - a software ARMv7 short-descriptor table walk, written
 * from the ARM ARM (DDI 0406C, B3.5), independently of the kernel's own
 * decoders, to check what create_mapping() built for every address.
 */
#ifndef _HOST_WALKER_H
#define _HOST_WALKER_H

#include <stdbool.h>
#include <stdint.h>

struct hw_walk {
	bool fault;
	int level;            /* 1: section, 2: small page */
	uint32_t pa;
	unsigned ap;          /* AP[2:0] */
	bool xn;
	unsigned index;       /* TEX[0]:C:B, the TEX remap index */
	bool s, ng;
	unsigned domain;
	uint32_t l2_table;    /* level 2: the table's PA */
};

/* Walk va through the L1 table l1 (4096 words); level 2 tables are read
 * through read_phys(pa). Returns w->fault. */
bool hw_walk(const uint32_t *l1, uint32_t va, uint32_t (*read_phys)(uint32_t pa),
	     struct hw_walk *w);

#endif
