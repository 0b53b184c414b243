# tests/host/reciprocal_div: division by a precomputed reciprocal
# (lib/reciprocal_div.c), which SLUB's obj_to_index relies on to tell an
# object's start from an address inside it.
SRCS := lib/reciprocal_div.c
