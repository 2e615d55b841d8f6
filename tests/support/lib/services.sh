# shellcheck shell=bash
# Shared functions of the start-/stop- scripts of the local test services
# (tests/support/git, tests/support/registry). Source it, do not run it:
#
#   . "$(cd "$(dirname "$0")/../lib" && pwd)/services.sh"
#
# Every function works with `set -euo pipefail`.

# Prints "usage: <script> <arguments>" to stderr and exits 2.
#   usage_exit <arguments>
usage_exit() {
  echo "usage: $0 $*" >&2
  exit 2
}

# Exits 1 with "<what> is not installed" when <command> is not on PATH.
#   require_command <command> [<what>]
require_command() {
  command -v "$1" >/dev/null || { echo "${2:-$1} is not installed" >&2; exit 1; }
}

# True when something listens on TCP port <port> (any address).
#   port_in_use <port>
port_in_use() {
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# Prints a random TCP port in 20000..59999 that nothing listens on; fails
# after 50 tries. The port may be taken by another process before the
# caller binds it: callers retry on a failed start.
#   pick_port
pick_port() {
  local candidate tries=0
  while [ $tries -lt 50 ]; do
    candidate=$((20000 + RANDOM % 40000))
    if ! port_in_use "$candidate"; then
      echo "$candidate"
      return 0
    fi
    tries=$((tries + 1))
  done
  echo "no free port found" >&2
  return 1
}

# True when process <pid> exists and its command line contains <command>
# (arguments joined by single spaces). Guards against killing a recycled pid.
#   process_runs <pid> <command>
process_runs() {
  local pid="$1" command="$2"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$command"
}

# True when <pidfile> names a running process whose command line contains
# <command>.
#   pidfile_process_runs <pidfile> <command>
pidfile_process_runs() {
  [ -f "$1" ] || return 1
  process_runs "$(cat "$1")" "$2"
}

# Stops the process named by <pidfile>, only when it still runs <command>:
# SIGTERM, up to 5 s to exit, then SIGKILL. Removes <pidfile> and any further
# <file> arguments. A no-op (success) when the pid file is missing or the
# process is gone.
#   stop_pidfile_process <pidfile> <command> [<file>...]
stop_pidfile_process() {
  local pidfile="$1" command="$2" pid
  shift 2
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if process_runs "$pid" "$command"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      process_runs "$pid" "$command" || break
      sleep 0.1
    done
    if process_runs "$pid" "$command"; then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.1
    fi
  fi
  rm -f "$pidfile" "$@"
}

# The whole of a stop script for a service that keeps its pid in
# <workdir>/<pid file>: checks the single <workdir> argument, stops the
# process when it still runs <command> (in which @WORKDIR@ stands for the
# absolute workdir), removes the pid and <port file>, prints <message>.
# Exits 0 without output when the workdir or pid file does not exist.
#   stop_workdir_service <pid file> <command> <port file> <message> "$@"
stop_workdir_service() {
  local pidname="$1" command="$2" portname="$3" message="$4" workdir
  shift 4
  [ $# -eq 1 ] || usage_exit "<workdir>"
  [ -d "$1" ] || exit 0
  workdir="$(cd "$1" && pwd)"
  [ -f "$workdir/$pidname" ] || exit 0
  stop_pidfile_process "$workdir/$pidname" "${command//@WORKDIR@/$workdir}" "$workdir/$portname"
  echo "$message"
}
