/*
 * linux/list.h - circular doubly linked lists (Linux: include/linux/list.h,
 * the few operations the page and slab allocators use).
 *
 *   head <-> a <-> b <-> c <-> head      an empty list points at itself
 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/types.h>
#include <stddef.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	prev->next = new;
}

/* Insert new right after head (a stack: the buddy allocator takes from here). */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/* Insert new right before head (at the tail). */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/* Join prev and next, dropping whatever was between them (Linux's). */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	prev->next = next;
}

/* Unlink entry; its pointers are poisoned to NULL so a second del faults. */
static inline void list_del(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->next = NULL;
	entry->prev = NULL;
}

static inline void list_move(struct list_head *entry, struct list_head *head)
{
	list_del(entry);
	list_add(entry, head);
}

static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	list_del(entry);
	list_add_tail(entry, head);
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define list_entry(ptr, type, member)       container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_first_entry_or_null(ptr, type, member) \
	(list_empty(ptr) ? NULL : list_first_entry(ptr, type, member))
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)

#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)

static inline bool list_is_last(const struct list_head *list, const struct list_head *head)
{
	return list->next == head;
}

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_entry(pos, head, member)                           \
	for (pos = list_first_entry(head, __typeof__(*pos), member);     \
	     &pos->member != (head);                                      \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member)                   \
	for (pos = list_last_entry(head, __typeof__(*pos), member);      \
	     &pos->member != (head);                                      \
	     pos = list_prev_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                   \
	for (pos = list_first_entry(head, __typeof__(*pos), member),     \
	     n = list_next_entry(pos, member);                            \
	     &pos->member != (head);                                      \
	     pos = n, n = list_next_entry(n, member))

#endif
