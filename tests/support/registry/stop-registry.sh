#!/usr/bin/env bash
# Stops the registry that start-registry.sh started for <workdir>.
#
#   stop-registry.sh <workdir>
#
# Sends SIGTERM, waits up to 5 s, then SIGKILL. Only kills the pid from
# <workdir>/registry.pid, and only when that process still is the registry of
# this workdir. Idempotent: a no-op when nothing runs. Keeps certs and data.
set -euo pipefail
# shellcheck source=../lib/services.sh
. "$(cd "$(dirname "$0")/../lib" && pwd)/services.sh"

stop_workdir_service registry.pid "docker-registry serve @WORKDIR@/registry.yml" registry.port "registry stopped" "$@"
