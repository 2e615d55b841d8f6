# shellcheck shell=bash
# The check counter of the script-based test suites (tests/deploy,
# tests/jobimagescript): prints "ok - <what>" / "not ok - <what>" per check
# and a final "N passed, N failed" line, the format the CppUnit driver prints
# too. Source it, do not run it:
#
#   . "<source-dir>/tests/support/lib/checks.sh"
#
# Works with `set -uo pipefail` (not -e: a failing check must not end the run).

passed=0
failed=0

# Counts a passed check and prints it.
#   pass <what>
pass() { passed=$((passed + 1)); echo "ok - $1"; }

# Counts a failed check and prints it.
#   fail <what>
fail() { failed=$((failed + 1)); echo "not ok - $1"; }

# Runs <command> and counts it as passed when it exits 0.
#   check <what> <command> [<argument>...]
check() {
  local description="$1"
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

# Prints the "N passed, N failed" line and exits: 0 when no check failed, else 1.
#   finish_checks
finish_checks() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}
