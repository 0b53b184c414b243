# scripts/compare.mk - compare armmm with Debian's real Linux on the same board.
# Included by the top-level Makefile (which defines PYTHON, BOARD, MEM, O, setup).
#
#   make compare   [BOARD=vexpress-a9] [MEM=512M]   build, boot armmm with dump_all, compare
#                                                   with the cached Linux reference (made
#                                                   first if missing), print the table;
#                                                   exit status 1 if a "must" row differs
#                                                   and the usr/ programs' maps, smaps
#                                                   and fault counts at every stop
#   make compare-user [PROG=memtouch] [TRACE=1]     only the user-space rows (of one
#                                                   program); TRACE=1: armmm's fault
#                                                   trace of each step under the table
#   make linux-ref [BOARD=vexpress-a9] [MEM=512M]   boot Debian's Linux again and refresh
#                                                   $CACHE/linux-ref/<board>-<mem>/
#
# See scripts/compare-dumps and scripts/linux_ref/__init__.py.

# Rules here must not become the default goal wherever this file is included.
compare_mk_default_goal := $(.DEFAULT_GOAL)

linux-ref: setup
	$(PYTHON) scripts/linux_ref --board $(BOARD) --mem $(MEM) --refresh

# usr/launch starts each program under Linux (vfork + execve): built, not archived.
compare: setup
	$(MAKE) all $(O)/usr/launch
	$(PYTHON) scripts/compare-dumps --board $(BOARD) --mem $(MEM) --zimage $(O)/zImage

compare-user: setup
	$(MAKE) all $(O)/usr/launch
	$(PYTHON) scripts/compare-dumps --board $(BOARD) --mem $(MEM) --zimage $(O)/zImage \
	  --user-only $(if $(PROG),--prog $(PROG)) $(if $(TRACE),--fault-trace)

.PHONY: linux-ref compare compare-user
.DEFAULT_GOAL := $(compare_mk_default_goal)
