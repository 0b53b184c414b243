/*
 * arch/arm/lib/uaccess_test.c - self-tests of uaccess (Linux has
 * lib/test_user_copy.c for the same ground): every entry point against a
 * real user address space, so each of the three rules of asm/uaccess.h is
 * exercised: the TASK_SIZE check, the user domain opened only around the
 * access, and the exception table turning a fault on an unmapped address
 * into -EFAULT or a short count. Faults on mapped-but-absent pages go
 * through handle_mm_fault (the copy pages memory in as it goes).
 *
 * The boot (init_task) borrows a fresh mm for the test, as a process would
 * own it: current->mm is what the fault path looks up.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <string.h>

#define UBASE   0x20000000UL    /* two pages mapped RW here, nothing after */
#define UEND    (UBASE + 2 * PAGE_SIZE)

static struct mm_struct *test_mm, *saved_mm, *saved_active;

/* Map the two pages (not yet faulted in) and make the mm current's. */
static bool enter_test_mm(struct ktest *t)
{
	unsigned long addr;

	test_mm = mm_alloc();
	if (!test_mm) {
		ktest_skip(t, "mm_alloc: out of memory");
		return false;
	}
	addr = do_mmap(test_mm, NULL, UBASE, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	KTEST_EXPECT_EQ(t, addr, UBASE);
	saved_mm = current->mm;
	saved_active = current->active_mm;
	switch_mm(saved_active, test_mm, current);
	current->mm = current->active_mm = test_mm;
	return addr == UBASE;
}

static void leave_test_mm(void)
{
	switch_mm(test_mm, saved_active, current);
	current->mm = saved_mm;
	current->active_mm = saved_active;
	mmput(test_mm);
}

/* The kernel runs with DOMAIN_USER closed, and uaccess leaves it so. */
static void uaccess_domain_closed_outside(struct ktest *t)
{
	unsigned int flags;

	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_DISABLE);
	flags = uaccess_save_and_enable();
	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_ENABLE);
	uaccess_restore(flags);
	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_DISABLE);
}

static void uaccess_copy_round_trip(struct ktest *t)
{
	static u8 out[2 * PAGE_SIZE], in[2 * PAGE_SIZE];
	unsigned int i;

	if (!enter_test_mm(t))
		return;
	for (i = 0; i < sizeof(out); i++)
		out[i] = i * 7 + 3;
	/* whole, aligned: faults both pages in */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)UBASE, out, sizeof(out)), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(in, (void __user *)UBASE, sizeof(in)), 0);
	KTEST_EXPECT_TRUE(t, !memcmp(in, out, sizeof(in)));
	/* unaligned, across the page boundary */
	KTEST_EXPECT_EQ(t, copy_from_user(in + 1, (void __user *)(UBASE + PAGE_SIZE - 5), 11), 0);
	KTEST_EXPECT_TRUE(t, !memcmp(in + 1, out + PAGE_SIZE - 5, 11));
	/* clear_user */
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(UBASE + 10), 20), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(in, (void __user *)UBASE, 40), 0);
	KTEST_EXPECT_TRUE(t, in[9] == out[9] && in[10] == 0 && in[29] == 0 && in[30] == out[30]);
	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_DISABLE);
	leave_test_mm();
}

/* Running off the end of the mapping: the bytes before it, then a short count. */
static void uaccess_short_copies(struct ktest *t)
{
	u8 buf[64];

	if (!enter_test_mm(t))
		return;
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(UEND - 16), buf, 64), 48);
	memset(buf, 0x55, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(UEND - 16), 64), 48);
	KTEST_EXPECT_TRUE(t, buf[0] == 0xaa && buf[15] == 0xaa && buf[16] == 0 && buf[63] == 0);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(UEND - 3), 8), 5);
	/* nothing mapped at all; a kernel address never reaches the copy */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)1, 8), 8);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)PAGE_OFFSET, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(TASK_SIZE - 4), buf, 8), 8);
	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_DISABLE);
	leave_test_mm();
}

static void uaccess_get_put_user(struct ktest *t)
{
	u32 v = 0;
	u16 h = 0;
	u8 b = 0;

	if (!enter_test_mm(t))
		return;
	KTEST_EXPECT_EQ(t, put_user(0x12345678U, (u32 __user *)UBASE), 0);
	KTEST_EXPECT_EQ(t, get_user(v, (u32 __user *)UBASE), 0);
	KTEST_EXPECT_EQ(t, v, 0x12345678);
	KTEST_EXPECT_EQ(t, get_user(h, (u16 __user *)(UBASE + 2)), 0);
	KTEST_EXPECT_EQ(t, h, 0x1234);
	KTEST_EXPECT_EQ(t, put_user((u8)0x9a, (u8 __user *)(UBASE + 3)), 0);
	KTEST_EXPECT_EQ(t, get_user(b, (u8 __user *)(UBASE + 3)), 0);
	KTEST_EXPECT_EQ(t, b, 0x9a);
	v = 1;
	KTEST_EXPECT_EQ(t, get_user(v, (u32 __user *)UEND), -EFAULT);      /* unmapped: fixup */
	KTEST_EXPECT_EQ(t, v, 0);
	KTEST_EXPECT_EQ(t, put_user(1U, (u32 __user *)UEND), -EFAULT);
	KTEST_EXPECT_EQ(t, get_user(v, (u32 __user *)PAGE_OFFSET), -EFAULT); /* access_ok */
	KTEST_EXPECT_EQ(t, get_domain(), DACR_UACCESS_DISABLE);
	leave_test_mm();
}

static void uaccess_strncpy_from_user(struct ktest *t)
{
	static const char s[] = "HOME=/";
	char buf[16];

	if (!enter_test_mm(t))
		return;
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(UEND - sizeof(s)), s, sizeof(s)), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)(UEND - sizeof(s)),
					     sizeof(buf)), strlen(s));
	KTEST_EXPECT_TRUE(t, !strcmp(buf, s));
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)(UEND - sizeof(s)), 3), 3);
	/* no NUL before the end of the mapping */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(UEND - 2), "ab", 2), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)(UEND - 2), sizeof(buf)),
			-EFAULT);
	leave_test_mm();
}

static struct ktest_case uaccess_cases[] = {
	KTEST_CASE(uaccess_domain_closed_outside),
	KTEST_CASE(uaccess_copy_round_trip),
	KTEST_CASE(uaccess_short_copies),
	KTEST_CASE(uaccess_get_put_user),
	KTEST_CASE(uaccess_strncpy_from_user),
	{}
};
KTEST_SUITE(uaccess, uaccess_cases, NULL);
