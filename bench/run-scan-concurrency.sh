#!/usr/bin/env bash
# Benchmark: scan concurrency of the syft backend. One batch of SCAN_IMAGES
# images goes through the real SyftBackend::process() (bench-scan-concurrency)
# with the Syft test double at a fixed cost per image (SYFT_DOUBLE_DELAY_MS)
# and an in-memory counting target, once per scan-concurrency level. Every
# scan is a real child process that authenticates to a fake registry on
# 127.0.0.1 and fetches the image's manifest before it waits its fixed cost.
#
# Peers, measured in the same run: the ideal N*t/c (nothing but the fixed
# cost, perfectly parallel) and the c=1 run, which scans one image after the
# other as the Go operator does.
#
#   bash bench/run-scan-concurrency.sh <build-dir>
#
# Environment: SCAN_IMAGES (200), SCAN_DELAY_MS (250), SCAN_LEVELS ("1 2 4 8"),
# BENCH_KEEP=1 keeps the work directory. Exit code 1 when a run fails or runs
# more scans at once than its concurrency allows.

BENCH_TOOLS="bench-scan-concurrency syftdouble/syft"
BENCH_NEEDS_KUBECTL=0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCAN_IMAGES=${SCAN_IMAGES:-200}
SCAN_DELAY_MS=${SCAN_DELAY_MS:-250}
SCAN_LEVELS=${SCAN_LEVELS:-1 2 4 8}

bench_init "${1:-}" scan-bench
SYFT=$BIN/syftdouble/syft

# value FILE KEY: a key=value of the driver's output line.
value() {
  tr ' ' '\n' <"$1" | sed -n "s/^$2=//p" | tail -n 1
}

failures=0
declare -A wall
for c in $SCAN_LEVELS; do # split on purpose
  bench_log "scan-concurrency $c: $SCAN_IMAGES images at $SCAN_DELAY_MS ms each"
  mkdir -p "$WORK/record-$c"
  status=0
  SYFT_DOUBLE_DELAY_MS=$SCAN_DELAY_MS bench_measure "$WORK/c$c" "$BIN/bench-scan-concurrency" --syft "$SYFT" \
    --concurrency "$c" --images "$SCAN_IMAGES" --record "$WORK/record-$c" || status=$?
  if ((status != 0)); then
    bench_log "run with concurrency $c exited $status: $(tail -n 3 "$WORK/c$c.err")"
    failures=$((failures + 1))
  fi
  wall[$c]=$(value "$WORK/c$c.out" wall_s)
  bench_log "$(cat "$WORK/c$c.out")"
done

mib() {
  bench_mib "${1:-0}"
}

echo
echo "Scan concurrency: $SCAN_IMAGES images, Syft double at $SCAN_DELAY_MS ms per image, SyftBackend::process(),"
echo "  in-memory counting target; $(nproc) CPUs, $(date -u +%Y-%m-%d)"
echo
printf '| %5s | %8s | %9s | %10s | %12s | %12s | %10s | %13s | %13s | %12s |\n' "c" "wall s" "ideal s" "efficiency" \
  "speedup/c=1" "ms/img extra" "peak syft" "host peak MiB" "all peak MiB" "1 syft MiB"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "-------" "----------" "-----------" "------------" "--------------" \
  "--------------" "------------" "---------------" "---------------" "--------------"
read -r first _ <<<"$SCAN_LEVELS"
for c in $SCAN_LEVELS; do # split on purpose
  out=$WORK/c$c.out
  ideal=$(awk -v n="$SCAN_IMAGES" -v t="$SCAN_DELAY_MS" -v c="$c" 'BEGIN { printf "%.2f", n * t / 1000 / c }')
  actual=${wall[$c]:-0}
  efficiency=$(awk -v i="$ideal" -v a="$actual" 'BEGIN { if (a > 0) printf "%.0f %%", 100 * i / a; else print "n/a" }')
  speedup=$(bench_ratio "${wall[$first]:-0}" "$actual")
  # Wall time per image beyond the fixed cost, per scan slot: start, registry, output, store.
  extra=$(awk -v a="$actual" -v n="$SCAN_IMAGES" -v t="$SCAN_DELAY_MS" -v c="$c" 'BEGIN { printf "%.0f", 1000 * a * c / n - t }')
  runs=$(value "$out" peak_runs)
  printf '| %5s | %8.2f | %9s | %10s | %11sx | %12s | %4s (%3s) | %13s | %13s | %12s |\n' "$c" "$actual" "$ideal" "$efficiency" \
    "$speedup" "$extra" "$runs" "$(value "$out" peak_children)" "$(mib "$(value "$out" driver_hwm_kib)")" \
    "$(mib "$(value "$out" family_peak_rss_kib)")" "$(mib "$(value "$out" syft_max_rss_kib)")"
  if [[ -n "$runs" ]] && ((runs > c)); then
    echo "  FAIL: $runs scans ran at once with scan-concurrency $c"
    failures=$((failures + 1))
  fi
  if [[ "$(value "$out" stored)" != "$SCAN_IMAGES" ]]; then
    echo "  FAIL: the target stored $(value "$out" stored) of $SCAN_IMAGES SBOMs with scan-concurrency $c"
    failures=$((failures + 1))
  fi
done
echo
echo "peak syft: most Syft processes running at once, from the double's start/end events (from sampling /proc every 20 ms)."
echo "host peak: VmHWM of the process running the backend. all peak: largest sum of VmRSS of that process and its"
echo "Syft children in one sample. 1 syft: largest peak RSS of a single Syft process (getrusage of the children)."
echo "ms/img extra: wall * c / N - t, the cost per image beyond the fixed one, per scan slot."
((failures == 0)) || exit 1
