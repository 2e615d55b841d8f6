#!/usr/bin/env bash
# Stops the registry that start-registry.sh started for <workdir>.
#
#   stop-registry.sh <workdir>
#
# Sends SIGTERM, waits up to 5 s, then SIGKILL. Only kills the pid from
# <workdir>/registry.pid, and only when that process still is the registry of
# this workdir. Idempotent: a no-op when nothing runs. Keeps certs and data.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 <workdir>" >&2
  exit 2
fi
[ -d "$1" ] || exit 0
WORKDIR="$(cd "$1" && pwd)"
PIDFILE="$WORKDIR/registry.pid"

[ -f "$PIDFILE" ] || exit 0
pid="$(cat "$PIDFILE")"
is_ours() {
  [ -r "/proc/$pid/cmdline" ] \
    && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "docker-registry serve $WORKDIR/registry.yml"
}

if [ -n "$pid" ] && is_ours; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    is_ours || break
    sleep 0.1
  done
  if is_ours; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.1
  fi
fi
rm -f "$PIDFILE" "$WORKDIR/registry.port"
echo "registry stopped"
