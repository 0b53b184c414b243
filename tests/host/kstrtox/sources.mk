# tests/host/kstrtox: strict number parsing (lib/kstrtox.c), which every
# console command reads its arguments through.
SRCS := lib/kstrtox.c
