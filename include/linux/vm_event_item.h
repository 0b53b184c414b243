/*
 * linux/vm_event_item.h - event counters of /proc/vmstat's second half
 * (Linux: include/linux/vm_event_item.h, counted by count_vm_event()).
 * Only the events armmm has are listed here; /proc/vmstat prints every
 * name of Linux 6.1, with 0 for the ones missing here (mm/vmstat.c).
 */
#ifndef _LINUX_VM_EVENT_ITEM_H
#define _LINUX_VM_EVENT_ITEM_H

enum vm_event_item {
	/* pages allocated, per zone, in zone order: PGALLOC_NORMAL - ZONE_NORMAL + zone
	 * is the zone's (Linux __count_zid_vm_events) */
	PGALLOC_NORMAL, PGALLOC_HIGH, PGALLOC_MOVABLE,
	PGFREE,                         /* pages freed */
	PGFAULT,                        /* page faults handled (handle_mm_fault) */
	PGMAJFAULT,                     /* of which VM_FAULT_MAJOR */
	PGREUSE,                        /* write faults that kept the page (wp_page_reuse) */
	NR_VM_EVENT_ITEMS
};

extern unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

static inline void count_vm_event(enum vm_event_item item)
{
	vm_event_states[item]++;
}

static inline void count_vm_events(enum vm_event_item item, long delta)
{
	vm_event_states[item] += delta;
}

#endif
