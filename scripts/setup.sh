#!/usr/bin/env bash
# Prepare a Debian 12 (bookworm) amd64 machine to build and boot armmm.
#
# Everything third-party (U-Boot builds, DTBs, Debian's Linux zImage, libfdt
# sources) goes into a cache outside the repo, never into git:
#     CACHE="${ARMMM_CACHE:-$HOME/.cache/armmm}"
# Every step checks its own output first, so a second run is a fast no-op.
#
# Usage: scripts/setup.sh                 do (or check) everything
#        scripts/setup.sh --print-cache   print the cache path only
set -euo pipefail

CACHE="${ARMMM_CACHE:-$HOME/.cache/armmm}"
STAMP="$CACHE/.stamp-setup-v4"

if [[ "${1:-}" == "--print-cache" ]]; then
	echo "$CACHE"
	exit 0
fi

# What the rest of the project relies on; the fast path below checks exactly this.
OUTPUTS=(
	"$CACHE/u-boot/vexpress_ca9x4/u-boot"
	"$CACHE/u-boot/vexpress_ca9x4/u-boot.bin"
	"$CACHE/u-boot/qemu_arm/u-boot.bin"
	"$CACHE/u-boot/am335x_boneblack/MLO"
	"$CACHE/u-boot/am335x_boneblack/u-boot.img"
	"$CACHE/dtbs/vexpress-v2p-ca9.dtb"
	"$CACHE/dtbs/vexpress-v2p-ca15-tc1.dtb"
	"$CACHE/dtbs/am335x-boneblack.dtb"
	"$CACHE/dtbs/sun8i-h3-orangepi-pc.dtb"
	"$CACHE/dtbs/sun4i-a10-cubieboard.dtb"
	"$CACHE/u-boot/orangepi_plus/u-boot-sunxi-with-spl.bin"
	"$CACHE/u-boot/Cubieboard/u-boot-sunxi-with-spl.bin"
	"$CACHE/u-boot/Cubieboard/u-boot.bin"
	"$CACHE/linux/vmlinuz"
	"$CACHE/libfdt/fdt.c"
	"$CACHE/libfdt/libfdt.h"
)

all_outputs_exist() {
	local f
	for f in "${OUTPUTS[@]}"; do [[ -e "$f" ]] || return 1; done
}

if [[ -e "$STAMP" ]] && all_outputs_exist; then
	echo "setup: up to date, cache $CACHE"
	exit 0
fi

step() { printf 'setup: %-28s %s\n' "$1" "$2"; }
die() { echo "setup: error: $*" >&2; exit 1; }

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
	qemu-system-arm gcc-arm-none-eabi binutils-arm-none-eabi u-boot-tools
	device-tree-compiler python3-kconfiglib python3-pytest python3-pexpect
	lz4 clang gdb-multiarch make cpio xz-utils u-boot-qemu
	# U-Boot's own build (host tools, Kconfig, mkeficapsule) needs these;
	# gcc is also the host compiler for tests/host:
	gcc libc6-dev pkg-config bison flex bc libssl-dev libgnutls28-dev uuid-dev
	# dpkg-source, used by 'apt-get source' to unpack and patch U-Boot:
	dpkg-dev
	# tests/host: the mm code built for the target's own ABI (armhf: ARM EABI,
	# ILP32, 8-byte-aligned u64) under ASan/UBSan, with cmocka for armhf, run
	# under user-mode QEMU on an x86-64 machine (tests/host/Makefile):
	gcc-arm-linux-gnueabihf libc6-dev-armhf-cross libasan8-armhf-cross
	libubsan1-armhf-cross qemu-user libcmocka-dev:armhf
	# tests/host/fuzz: clang's libFuzzer/ASan/UBSan runtimes for armhf (they
	# install beside the amd64 ones) and the armhf C++ library they link with:
	libclang-rt-14-dev:armhf libstdc++-12-dev-armhf-cross
	# scripts/sdimage: SD-card images without root (sfdisk on a file,
	# mkfs.vfat --offset, mtools' mcopy/mdir); mkimage is u-boot-tools:
	fdisk dosfstools mtools
)

missing_packages() {
	local p
	for p in "${PACKAGES[@]}"; do
		[[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) == ii* ]] || echo "$p"
	done
}

# deb-src: each deb822 stanza whose Types is just "deb" gets "deb-src"
# added; a classic sources.list with no deb-src line gets a deb-src twin of
# each deb line. Prints "changed" when it edited something.
enable_deb_src() {
	local d822=/etc/apt/sources.list.d/debian.sources classic=/etc/apt/sources.list
	if [[ -f $d822 ]] && grep -q '^Types:' "$d822"; then
		grep -q '^Types:[[:space:]]*deb[[:space:]]*$' "$d822" || return 0
		$SUDO sed -i -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb deb-src/' "$d822"
		echo changed
	elif [[ -f $classic ]] && grep -q '^deb[[:space:]]' "$classic"; then
		if grep -q '^deb-src[[:space:]]' "$classic"; then return 0; fi
		grep '^deb[[:space:]]' "$classic" | sed 's/^deb/deb-src/' | $SUDO tee -a "$classic" >/dev/null
		echo changed
	fi
}

# ---- a. Debian packages, armhf multiarch, deb-src -------------------------
need_update=""
done_a=""
# (grep without -q below: -q exits early and, under pipefail, the writer's
# SIGPIPE would count as "not found".)
# armhf: the DTB, Linux and U-Boot packages, and the host tests' libraries.
for arch in armhf; do
	if ! dpkg --print-foreign-architectures | grep -x "$arch" >/dev/null; then
		$SUDO dpkg --add-architecture "$arch"
		need_update=1 done_a+="$arch added; "
	fi
done
if [[ -n "$(enable_deb_src)" ]]; then
	need_update=1 done_a+="deb-src enabled; "
fi
missing=$(missing_packages | tr '\n' ' ')
[[ -z "$missing" ]] || need_update=1
# An index may also be absent on a machine where the edits above were made by hand.
apt-cache showsrc u-boot 2>/dev/null | grep '^Package:' >/dev/null || need_update=1
apt-cache policy u-boot-omap:armhf 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null || need_update=1
if [[ -n $need_update ]]; then
	# One index (e.g. bookworm-security's armhf list mid-sync) may fail to
	# download; that's harmless if what we need is found afterwards.
	$SUDO apt-get update -q >/dev/null 2>&1 || echo "setup: warning: apt-get update reported errors; continuing" >&2
	done_a+="index updated; "
fi
if [[ -n "$missing" ]]; then
	# shellcheck disable=SC2086 # one word per package is intended
	$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null ||
		die "apt-get install failed for: $missing"
	done_a+="installed: $missing"
fi
step "apt packages" "${done_a:-ok (all installed)}"

# ---- b. U-Boot source (Debian's, with Debian's patches applied) ----------
mkdir -p "$CACHE/src"
src_dir() { find "$CACHE/src" -maxdepth 2 -name .armmm-unpacked -printf '%h\n' | head -n1; }
UBOOT_SRC=$(src_dir)
if [[ -z $UBOOT_SRC ]]; then
	tmp=$(mktemp -d "$CACHE/src/tmp.XXXXXX")
	# Unpack in a temp dir first so an interrupted run never leaves a
	# half-unpacked tree that looks finished.
	(cd "$tmp" && apt-get source -q u-boot >/dev/null 2>&1) ||
		die "apt-get source u-boot failed (is deb-src enabled?)"
	dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'u-boot-*' | head -n1)
	[[ -n $dir ]] || die "apt-get source u-boot did not produce a source tree"
	touch "$dir/.armmm-unpacked"
	mv "$dir" "$CACHE/src/"
	rm -rf "$tmp"
	UBOOT_SRC=$(src_dir)
	step "u-boot source" "unpacked $UBOOT_SRC"
else
	step "u-boot source" "ok ($UBOOT_SRC)"
fi

# ---- c. U-Boot for vexpress-a9 (Debian ships none for this board) --------
VEX="$CACHE/u-boot/vexpress_ca9x4"
if [[ ! -e $VEX/u-boot || ! -e $VEX/u-boot.bin ]]; then
	# arm-none-eabi- is the bare-metal compiler the kernel uses too, so one
	# toolchain covers the whole project; U-Boot builds cleanly with it.
	mkdir -p "$VEX"
	# Date the build from Debian's changelog, so the banner (and binary)
	# does not depend on when or where setup ran.
	SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$UBOOT_SRC/debian/changelog" -S Timestamp)
	export SOURCE_DATE_EPOCH
	mk=(make -s -C "$UBOOT_SRC" O="$VEX" CROSS_COMPILE=arm-none-eabi- -j2)
	log="$CACHE/u-boot/vexpress_ca9x4.log"
	if ! { "${mk[@]}" vexpress_ca9x4_defconfig && "${mk[@]}" all; } >"$log" 2>&1; then
		die "U-Boot build failed, see $log"
	fi
	step "u-boot vexpress_ca9x4" "built $VEX/u-boot"
else
	step "u-boot vexpress_ca9x4" "ok"
fi

# ---- d. U-Boot for QEMU virt, from the u-boot-qemu package ---------------
QARM="$CACHE/u-boot/qemu_arm"
if [[ ! -e $QARM/u-boot.bin ]]; then
	mkdir -p "$QARM"
	cp /usr/lib/u-boot/qemu_arm/u-boot.bin "$QARM/"
	step "u-boot qemu_arm" "copied"
else
	step "u-boot qemu_arm" "ok"
fi

# Download one armhf .deb into $CACHE/debs (kept so re-extracting needs no
# network) and print its path.
fetch_deb() {
	local pkg=$1 deb
	mkdir -p "$CACHE/debs"
	deb=$(find "$CACHE/debs" -name "${pkg}_*_armhf.deb" | sort -V | tail -n1)
	if [[ -z $deb ]]; then
		(cd "$CACHE/debs" && apt-get download -q "$pkg:armhf" >/dev/null 2>&1) ||
			die "apt-get download $pkg:armhf failed"
		deb=$(find "$CACHE/debs" -name "${pkg}_*_armhf.deb" | sort -V | tail -n1)
	fi
	echo "$deb"
}

# ---- e. Debian's Linux for armmp: DTBs + a real zImage for comparing -----
DTBS=(vexpress-v2p-ca9.dtb vexpress-v2p-ca15-tc1.dtb am335x-boneblack.dtb
	sun8i-h3-orangepi-pc.dtb sun4i-a10-cubieboard.dtb)
have_dtbs=1
for d in "${DTBS[@]}"; do [[ -e $CACHE/dtbs/$d ]] || have_dtbs=""; done
if [[ -z $have_dtbs || ! -e $CACHE/linux/vmlinuz ]]; then
	# Newest plain armmp flavour (the regex excludes -lpae, -rt, -dbg).
	kpkg=$(apt-cache search --names-only '^linux-image-[0-9.]+-[0-9]+-armmp$' |
		awk '{print $1}' | sort -V | tail -n1)
	[[ -n $kpkg ]] || die "no linux-image-*-armmp package found (armhf index missing?)"
	deb=$(fetch_deb "$kpkg")
	# Only /boot (zImage, config; its System.map is a stub) and the DTBs:
	# the modules would add ~200 MB we never use.
	mkdir -p "$CACHE/linux" "$CACHE/dtbs"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -x -C "$CACHE/linux" --wildcards './boot/*' './usr/lib/linux-image-*/*'
	kver=${kpkg#linux-image-}
	ln -sfn "boot/vmlinuz-$kver" "$CACHE/linux/vmlinuz"
	ln -sfn "boot/config-$kver" "$CACHE/linux/config"
	for d in "${DTBS[@]}"; do
		cp "$CACHE/linux/usr/lib/linux-image-$kver/$d" "$CACHE/dtbs/"
	done
	step "linux armmp + dtbs" "extracted $kpkg"
else
	step "linux armmp + dtbs" "ok"
fi

# ---- f. libfdt, from U-Boot's source (Debian serves no dtc source here) --
if [[ ! -e $CACHE/libfdt/fdt.c || ! -e $CACHE/libfdt/libfdt.h ]]; then
	mkdir -p "$CACHE/libfdt"
	cp "$UBOOT_SRC"/scripts/dtc/libfdt/*.[ch] "$CACHE/libfdt/"
	step "libfdt" "copied from $UBOOT_SRC"
else
	step "libfdt" "ok"
fi

# ---- g. BeagleBone Black SD-card boot files (not used by QEMU) -----------
BBB="$CACHE/u-boot/am335x_boneblack"
if [[ ! -e $BBB/MLO || ! -e $BBB/u-boot.img ]]; then
	deb=$(fetch_deb u-boot-omap)
	tmp=$(mktemp -d)
	dpkg-deb --fsys-tarfile "$deb" |
		tar -x -C "$tmp" ./usr/lib/u-boot/am335x_boneblack/MLO ./usr/lib/u-boot/am335x_boneblack/u-boot.img
	mkdir -p "$BBB"
	cp "$tmp"/usr/lib/u-boot/am335x_boneblack/{MLO,u-boot.img} "$BBB/"
	rm -rf "$tmp"
	step "u-boot am335x_boneblack" "extracted"
else
	step "u-boot am335x_boneblack" "ok"
fi

# ---- h. Allwinner SD-card boot files (scripts/sdimage, QEMU orangepi-pc and cubieboard)
# u-boot-sunxi-with-spl.bin is the eGON SPL (32 KiB) followed by U-Boot proper
# as a legacy image; it goes to the card at 8 KiB (README.Debian). Debian
# ships no orangepi_pc build: orangepi_plus is the same H3 SoC and DRAM setup.
# QEMU 7.2 has no A10 boot ROM, so for cubieboard U-Boot proper is also
# taken out of the legacy image (u-boot.bin, loaded by QEMU at 0x4a000000).
SUNXI_BOARDS=(orangepi_plus Cubieboard)
have_sunxi=1
for b in "${SUNXI_BOARDS[@]}"; do
	[[ -e $CACHE/u-boot/$b/u-boot-sunxi-with-spl.bin ]] || have_sunxi=""
done
[[ -e $CACHE/u-boot/Cubieboard/u-boot.bin ]] || have_sunxi=""
if [[ -z $have_sunxi ]]; then
	deb=$(fetch_deb u-boot-sunxi)
	tmp=$(mktemp -d)
	for b in "${SUNXI_BOARDS[@]}"; do
		dpkg-deb --fsys-tarfile "$deb" |
			tar -x -C "$tmp" "./usr/lib/u-boot/$b/u-boot-sunxi-with-spl.bin" ||
			die "u-boot-sunxi has no $b/u-boot-sunxi-with-spl.bin"
		mkdir -p "$CACHE/u-boot/$b"
		cp "$tmp/usr/lib/u-boot/$b/u-boot-sunxi-with-spl.bin" "$CACHE/u-boot/$b/"
	done
	cb="$CACHE/u-boot/Cubieboard"
	dd if="$cb/u-boot-sunxi-with-spl.bin" of="$tmp/u-boot.img" bs=1024 skip=32 status=none
	mkimage -l "$tmp/u-boot.img" | grep 'Load Address: 4a000000' >/dev/null ||
		die "Cubieboard: no legacy U-Boot image loading at 0x4a000000 at +32 KiB"
	dumpimage -T firmware -p 0 -o "$tmp/u-boot.bin" "$tmp/u-boot.img" >/dev/null ||
		die "Cubieboard: dumpimage could not extract U-Boot proper"
	install -m 644 "$tmp/u-boot.bin" "$cb/u-boot.bin"
	rm -rf "$tmp"
	step "u-boot sunxi" "extracted ${SUNXI_BOARDS[*]}"
else
	step "u-boot sunxi" "ok"
fi

# ---- i. done --------------------------------------------------------------
all_outputs_exist || die "some outputs are still missing (bug in this script)"
touch "$STAMP"
echo "setup: done, cache $CACHE"
