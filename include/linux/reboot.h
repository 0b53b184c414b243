/* linux/reboot.h - powering the machine off. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H
#include <linux/compiler.h>

/* Print "reboot: Power down", then ask the board to switch off
 * (vexpress system registers or PSCI SYSTEM_OFF, found in the DTB). */
__noreturn void kernel_power_off(void);
/* Reset the board at once the same way (SYS_CFG REBOOT or PSCI
 * SYSTEM_RESET); returns, after saying so, only if the DTB has no way. */
void emergency_restart(void);

#endif
