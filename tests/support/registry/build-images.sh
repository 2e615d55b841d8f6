#!/usr/bin/env bash
# Builds three small, real OCI images without a container engine (umoci) and
# pushes them with skopeo to a registry started by start-registry.sh.
#
#   build-images.sh <workdir> <registry host:port>
#
# <workdir> is the registry's workdir: the CA is read from <workdir>/certs.d
# and the images are built under <workdir>/oci. Credentials come from
# REGISTRY_USER / REGISTRY_PASSWORD (defaults sbom / s3cret) and reach skopeo
# through a private auth file, never a command line.
#
# Images and what trivy v0.44.1 reports for them (CycloneDX components /
# SPDX-JSON packages; the OS counts as one CycloneDX component):
#   demo/debian:1.0  Debian 12 rootfs with 4 dpkg packages
#                    (base-files, libc6, zlib1g, tzdata)             -> 5 / 6
#   demo/node:1.0    the Debian base + npm packages ms 2.1.3 and
#                    left-pad 1.3.0 in usr/lib/node_modules          -> 7 / 9
#   demo/python:1.0  the Debian base + requests 2.28.1 in
#                    usr/lib/python3/dist-packages (dist-info)       -> 6 / 8
#
# Prints one line per image: "pushed <host:port>/<repo>:<tag> <digest>" and
# writes the same lines to <workdir>/images.txt. Safe to re-run: the images are
# rebuilt from scratch and the tags overwritten (digests change every build,
# umoci records timestamps).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <workdir> <registry host:port>" >&2
  exit 2
fi
WORKDIR="$(cd "$1" && pwd)"
REGISTRY="$2"
OCI="$WORKDIR/oci"
CERT_DIR="$WORKDIR/certs.d"

for tool in umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
[ -f "$CERT_DIR/ca.crt" ] || { echo "$CERT_DIR/ca.crt missing: run start-registry.sh first" >&2; exit 1; }

ROOTLESS=()
if [ "$(id -u)" != "0" ]; then
  ROOTLESS=(--rootless)
fi

rm -rf "$OCI"
mkdir -p "$OCI"
AUTHFILE="$OCI/auth.json"
(
  umask 077
  token="$(printf '%s:%s' "${REGISTRY_USER:-sbom}" "${REGISTRY_PASSWORD:-s3cret}" | base64 -w0)"
  printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$REGISTRY" "$token" >"$AUTHFILE"
)
trap 'rm -f "$AUTHFILE"' EXIT

# Debian 12 base files: os-release and a dpkg database with four packages.
write_debian_base() {
  local root="$1"
  mkdir -p "$root/etc" "$root/var/lib/dpkg" "$root/usr/lib"
  cat >"$root/etc/os-release" <<'EOF'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
EOF
  echo "12.5" >"$root/etc/debian_version"
  cat >"$root/var/lib/dpkg/status" <<'EOF'
Package: base-files
Essential: yes
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 341
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Multi-Arch: foreign
Version: 12.4+deb12u5
Replaces: base, dpkg (<= 1.15.0), miscutils
Provides: base
Pre-Depends: awk
Breaks: debian-security-support (<< 2019.04.25), initscripts (<< 2.88dsf-13.3), sendfile (<< 2.1b.20080616-5.2~)
Description: Debian base system miscellaneous files
 This package contains the basic filesystem hierarchy of a Debian system, and
 several important miscellaneous files, such as /etc/debian_version,
 /etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others,
 and the text of several common licenses in use on Debian systems.

Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12986
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Depends: libgcc-s1
Recommends: libidn2-0 (>= 2.0.5~)
Suggests: glibc-doc, debconf | debconf-2.0, libc-l10n, locales, libnss-nis, libnss-nisplus
Breaks: aide (<< 0.17.3-4+b3), busybox (<< 1.30.1-6), hurd (<< 1:0.9.git20170910-1), ioquake3 (<< 1.36+u20200211.f2c61c1~dfsg-2~), iraf-fitsutil (<< 2018.07.06-4), libgegl-0.4-0 (<< 0.4.18), libtirpc1 (<< 0.2.3), locales (<< 2.36), locales-all (<< 2.36), macs (<< 2.2.7.1-3~), nocache (<< 1.1-1~), nscd (<< 2.36), openarena (<< 0.8.8+dfsg-4~), openssh-server (<< 1:8.1p1-5), python3-iptables (<< 1.0.0-2), r-cran-later (<< 0.7.5+dfsg-2), tinydns (<< 1:1.05-14), valgrind (<< 1:3.19.0-1~), wcc (<< 0.0.2+dfsg-3)
Conffiles:
 /etc/ld.so.conf.d/x86_64-linux-gnu.conf d4e7a7b88a71b5ffd9e2644e71a0cfab
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system. This package includes shared versions of the standard C library
 and the standard math library, as well as many others.
Homepage: https://www.gnu.org/software/libc/libc.html

Package: zlib1g
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 168
Maintainer: Mark Brown <broonie@debian.org>
Architecture: amd64
Multi-Arch: same
Source: zlib
Version: 1:1.2.13.dfsg-1
Provides: libz1
Depends: libc6 (>= 2.14)
Breaks: libxml2 (<< 2.7.6.dfsg-2), texlive-binaries (<< 2009-12)
Conflicts: zlib1 (<= 1:1.0.4-7)
Description: compression library - runtime
 zlib is a library implementing the deflate compression method found
 in gzip and PKZIP.  This package includes the shared library.
Homepage: http://zlib.net/

Package: tzdata
Status: install ok installed
Priority: required
Section: localization
Installed-Size: 2659
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: all
Multi-Arch: foreign
Version: 2024a-0+deb12u1
Replaces: libc0.1, libc0.3, libc6, libc6.1
Provides: tzdata-bookworm
Depends: debconf (>= 0.5) | debconf-2.0
Description: time zone and daylight-saving time data
 This package contains data required for the implementation of
 standard local time for many representative locations around the
 globe. It is updated periodically to reflect changes made by
 political bodies to time zone boundaries, UTC offsets, and
 daylight-saving rules.
Homepage: https://www.iana.org/time-zones

EOF
}

write_node_packages() {
  local root="$1"
  mkdir -p "$root/usr/lib/node_modules/ms" "$root/usr/lib/node_modules/left-pad"
  cat >"$root/usr/lib/node_modules/ms/package.json" <<'EOF'
{
  "name": "ms",
  "version": "2.1.3",
  "description": "Tiny millisecond conversion utility",
  "repository": "vercel/ms",
  "main": "./index",
  "license": "MIT"
}
EOF
  cat >"$root/usr/lib/node_modules/left-pad/package.json" <<'EOF'
{
  "name": "left-pad",
  "version": "1.3.0",
  "description": "String left pad",
  "main": "index.js",
  "license": "WTFPL"
}
EOF
}

write_python_packages() {
  local root="$1"
  local info="$root/usr/lib/python3/dist-packages/requests-2.28.1.dist-info"
  mkdir -p "$info"
  cat >"$info/METADATA" <<'EOF'
Metadata-Version: 2.1
Name: requests
Version: 2.28.1
Summary: Python HTTP for Humans.
Home-page: https://requests.readthedocs.io
Author: Kenneth Reitz
Author-email: me@kennethreitz.org
License: Apache 2.0
Requires-Python: >=3.7, <4
Description-Content-Type: text/markdown
License-File: LICENSE

Requests is a simple, yet elegant, HTTP library.
EOF
}

# build_image <repo> <tag> <content functions...>
build_image() {
  local repo="$1" tag="$2" layout bundle digest ref
  shift 2
  layout="$OCI/${repo//\//_}"
  bundle="$OCI/${repo//\//_}.bundle"
  ref="$REGISTRY/$repo:$tag"
  umoci init --layout "$layout"
  umoci new --image "$layout:$tag"
  umoci unpack "${ROOTLESS[@]}" --image "$layout:$tag" "$bundle"
  for content in "$@"; do
    "$content" "$bundle/rootfs"
  done
  umoci repack --image "$layout:$tag" "$bundle"
  umoci config --image "$layout:$tag" --os linux --architecture amd64 \
    --config.cmd /bin/sh --config.label "org.opencontainers.image.title=$repo"
  skopeo copy -q --dest-authfile "$AUTHFILE" --dest-cert-dir "$CERT_DIR" \
    "oci:$layout:$tag" "docker://$ref"
  digest="$(skopeo inspect --authfile "$AUTHFILE" --cert-dir "$CERT_DIR" \
    --format '{{.Digest}}' "docker://$ref")"
  rm -rf "$bundle"
  echo "pushed $ref $digest" | tee -a "$WORKDIR/images.txt.new"
}

rm -f "$WORKDIR/images.txt.new"
build_image demo/debian 1.0 write_debian_base
build_image demo/node 1.0 write_debian_base write_node_packages
build_image demo/python 1.0 write_debian_base write_python_packages
mv "$WORKDIR/images.txt.new" "$WORKDIR/images.txt"
