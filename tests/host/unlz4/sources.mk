# tests/host/unlz4: the zImage wrapper's LZ4 legacy decoder, built for the host.
# The test includes the header by its path relative to the test file, so no
# -I is needed.
SRCS := boot/compressed/unlz4.c
