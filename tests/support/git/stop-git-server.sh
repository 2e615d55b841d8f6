#!/usr/bin/env bash
# Stops the lighttpd that start-git-server.sh started for <workdir>.
#
#   stop-git-server.sh <workdir>
#
# Sends SIGTERM to the pid in <workdir>/lighttpd.pid, only when that process
# still is lighttpd with this workdir's config; waits up to 5 s, then SIGKILL.
# Idempotent: a no-op when nothing runs. Keeps the repository and certs.
set -euo pipefail
# shellcheck source=../lib/services.sh
. "$(cd "$(dirname "$0")/../lib" && pwd)/services.sh"

stop_workdir_service lighttpd.pid "lighttpd -f @WORKDIR@/lighttpd.conf" git.port "git server stopped" "$@"
