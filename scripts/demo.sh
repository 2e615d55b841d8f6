#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the operator's main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build/bin/sbom-operator --help
