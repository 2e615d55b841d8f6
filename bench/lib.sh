# shellcheck shell=bash
# Shared by run-list-bench.sh and run-cycle-bench.sh (sourced, not run).
#
# bench_init <build-dir> <name>   checks the tools, makes the work directory, installs the cleanup trap
# bench_seed                      writes the seed (BENCH_PODS, BENCH_IMAGES, BENCH_NAMESPACES)
# bench_start_sim                 starts kube-sim (TLS, token from a file) on the seed; sets SIM_URL
#                                 (BENCH_SIM_ARGS: more kube-sim flags, split on spaces)
# bench_stats FILE / bench_reset_stats   kube-sim's request counters (GET / DELETE /_sim/stats)
# bench_measure PREFIX CMD...     runs CMD under GNU time: PREFIX.time holds "<wall s> <peak RSS KiB>"
# bench_median VALUES...          median of numbers
# bench_track PID                 one more process for the EXIT trap to stop
# Every process started here or passed to bench_track is stopped by the EXIT
# trap; the work directory is removed unless BENCH_KEEP=1.
# A script sets BENCH_TOOLS (the executables of <build>/bin it runs) and
# BENCH_NEEDS_KUBECTL=0 before bench_init when it differs from the defaults.

set -euo pipefail

BENCH_PODS=${BENCH_PODS:-10000}
BENCH_IMAGES=${BENCH_IMAGES:-1000}
BENCH_NAMESPACES=${BENCH_NAMESPACES:-20}
KUBECTL=${KUBECTL:-kubectl}
BENCH_TIME=${BENCH_TIME:-/usr/bin/time}

BENCH_TOOLS=${BENCH_TOOLS:-bench-make-seed bench-list-pods bench-patch-pods bench-cycle-report kube-sim}
BENCH_NEEDS_KUBECTL=${BENCH_NEEDS_KUBECTL:-1}

SIM_PID=""
WORK=""
TRACKED_PIDS=()

bench_log() {
  printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

bench_fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

bench_track() {
  TRACKED_PIDS+=("$1")
}

# bench_stop PID: SIGTERM, up to 5 s, then SIGKILL; reaps it.
bench_stop() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${TRACKED_PIDS[@]}"; do
    bench_stop "$pid"
  done
  bench_stop "$SIM_PID"
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
      bench_log "kept $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$status"
}

bench_init() {
  local build=${1:-}
  [[ -n "$build" ]] || bench_fail "usage: $0 <build-dir>"
  BUILD=$(cd "$build" && pwd) || bench_fail "no build directory $build"
  BIN=$BUILD/bin
  local tool
  for tool in $BENCH_TOOLS; do
    [[ -x "$BIN/$tool" ]] || bench_fail "$BIN/$tool is missing: cmake --build $build --target bench"
  done
  "$BENCH_TIME" -f '%e' true >/dev/null 2>&1 || bench_fail "GNU time is needed at $BENCH_TIME (set BENCH_TIME)"
  command -v curl >/dev/null || bench_fail "curl is needed for kube-sim's /_sim/stats"
  if [[ "$BENCH_NEEDS_KUBECTL" == 1 ]]; then
    command -v "$KUBECTL" >/dev/null || bench_fail "kubectl ($KUBECTL) is not on PATH (set KUBECTL)"
  fi
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/sbomop-$2.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# shellcheck disable=SC2034 # SEED_* are read by the scripts
bench_seed() {
  bench_log "generating $BENCH_PODS pods, $BENCH_IMAGES images, $BENCH_NAMESPACES namespaces"
  local line
  line=$("$BIN/bench-make-seed" --out "$WORK/seed.json" --pods "$BENCH_PODS" --images "$BENCH_IMAGES" \
    --namespaces "$BENCH_NAMESPACES")
  # "seed pods=N containers=N images=N namespaces=N secrets=N bytes=N"; the scripts read these.
  SEED_PODS=$(sed -n 's/.* pods=\([0-9]*\).*/\1/p' <<<"$line")
  SEED_CONTAINERS=$(sed -n 's/.* containers=\([0-9]*\).*/\1/p' <<<"$line")
  SEED_IMAGES=$(sed -n 's/.* images=\([0-9]*\).*/\1/p' <<<"$line")
  SEED_SECRETS=$(sed -n 's/.* secrets=\([0-9]*\).*/\1/p' <<<"$line")
  SEED_BYTES=$(sed -n 's/.* bytes=\([0-9]*\).*/\1/p' <<<"$line")
  bench_log "$line"
}

bench_start_sim() {
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$WORK/token"
  chmod 600 "$WORK/token"
  # The token goes to curl through a header file, never through argv.
  (umask 077 && printf 'Authorization: Bearer %s\n' "$(cat "$WORK/token")" >"$WORK/auth.header")
  bench_log "starting kube-sim (loading the seed)"
  # shellcheck disable=SC2086 # BENCH_SIM_ARGS is split on purpose
  "$BIN/kube-sim" --port 0 --tls --token-file "$WORK/token" --ca-out "$WORK/ca.pem" --seed "$WORK/seed.json" \
    --kubeconfig-out "$WORK/kubeconfig" --no-job-controller ${BENCH_SIM_ARGS:-} >"$WORK/sim.out" 2>"$WORK/sim.err" &
  SIM_PID=$!
  local waited=0
  until grep -q '^listening on ' "$WORK/sim.out" 2>/dev/null; do
    kill -0 "$SIM_PID" 2>/dev/null || bench_fail "kube-sim exited: $(cat "$WORK/sim.err")"
    ((waited < 3000)) || bench_fail "kube-sim did not start within 300 s"
    sleep 0.1
    waited=$((waited + 1))
  done
  SIM_URL=$(sed -n 's/^listening on //p' "$WORK/sim.out")
  bench_log "kube-sim serves $SIM_URL after $((waited / 10)) s"
}

bench_curl() {
  curl -sS --fail --cacert "$WORK/ca.pem" -H @"$WORK/auth.header" "$@"
}

bench_stats() {
  bench_curl "$SIM_URL/_sim/stats" >"$1"
}

bench_reset_stats() {
  bench_curl -X DELETE "$SIM_URL/_sim/stats" >/dev/null
}

# bench_measure PREFIX CMD...: stdout to PREFIX.out, stderr to PREFIX.err,
# "<wall seconds> <peak RSS KiB>" to PREFIX.time (wait4 of the child, which
# covers the children it waited for). Returns the command's exit code.
bench_measure() {
  local prefix=$1
  shift
  local status=0
  "$BENCH_TIME" -f '%e %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || status=$?
  return "$status"
}

bench_wall() {
  cut -d' ' -f1 "$1.time" | tail -n 1
}

bench_rss_kib() {
  cut -d' ' -f2 "$1.time" | tail -n 1
}

bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_ratio A B: A / B with one decimal, "n/a" when B is 0.
bench_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 <= 0 || a + 0 < 0) print "n/a"; else printf "%.1f", a / b }'
}

bench_mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# bench_requests_line FILE: "verb resource xN, ..." from bench-cycle-report's output.
bench_requests_line() {
  sed -n 's/^request\.\([^.]*\)\.\(.*\)=\(.*\)/\1 \2 x\3/p' "$1" | paste -sd, - | sed 's/,/, /g'
}

# bench_report_value FILE KEY: a value of bench-cycle-report's "key=value" output.
bench_report_value() {
  local value
  value=$(grep -m1 "^$2=" "$1" | cut -d= -f2-) || true
  printf '%s' "${value:-0}"
}
