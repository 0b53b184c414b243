# scripts/compare.mk - compare armmm with Debian's real Linux on the same board.
# Included by the top-level Makefile (which defines PYTHON, BOARD, MEM, O, setup).
#
#   make compare   [BOARD=vexpress-a9] [MEM=512M]   build, boot armmm with dump_all, compare
#                                                   with the cached Linux reference (made
#                                                   first if missing), print the table;
#                                                   exit status 1 if a "must" row differs
#   make linux-ref [BOARD=vexpress-a9] [MEM=512M]   boot Debian's Linux again and refresh
#                                                   $CACHE/linux-ref/<board>-<mem>/
#
# See scripts/compare-dumps and scripts/linux_ref/__init__.py.

# Rules here must not become the default goal wherever this file is included.
compare_mk_default_goal := $(.DEFAULT_GOAL)

linux-ref: setup
	$(PYTHON) scripts/linux_ref --board $(BOARD) --mem $(MEM) --refresh

compare: setup
	$(MAKE) all
	$(PYTHON) scripts/compare-dumps --board $(BOARD) --mem $(MEM) --zimage $(O)/zImage

.PHONY: linux-ref compare
.DEFAULT_GOAL := $(compare_mk_default_goal)
