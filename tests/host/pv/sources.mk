SRCS := arch/arm/kernel/phys2virt.c
