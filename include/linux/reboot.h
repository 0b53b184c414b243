/* linux/reboot.h - powering the machine off. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H
#include <linux/compiler.h>

/* Print "reboot: Power down", then ask the board to switch off
 * (vexpress system registers or PSCI SYSTEM_OFF, found in the DTB). */
__noreturn void kernel_power_off(void);

#endif
