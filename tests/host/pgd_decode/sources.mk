SRCS := arch/arm/mm/pgd-decode.c
