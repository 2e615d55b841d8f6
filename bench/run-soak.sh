#!/usr/bin/env bash
# Soak benchmark: the operator in informer mode for SOAK_SECONDS against a
# 5,000-pod cluster (kube-sim, TLS, token) with churn: bench-churn creates
# SOAK_RATE pods per second and deletes as many (the oldest first), so the
# cluster keeps its size. A new pod appears Pending and turns Running with its
# container statuses, as a kubelet reports it; every SOAK_NEW_IMAGE_EVERY-th
# new pod runs a new application digest (a rollout), so the backend keeps
# getting work. The backend is the scripted test plugin: it records each
# batch and succeeds at once, so every figure is the operator's own.
#
# The operator starts on the seeded cluster; churn starts once its first
# cycle has succeeded. Every SOAK_INTERVAL seconds the script samples the
# operator's RSS, threads and fds (/proc), its /metrics and the churn
# counters into soak.csv. At the end it stops the churn, waits until the
# operator is quiet (nothing pending, counters still for SOAK_QUIET s), and
# checks that every running pod carries the annotation of each of its
# containers (bench-churn --verify).
#
# The operator runs with bench-heapstat preloaded (bin/libbench-heapstat.so,
# when built; SOAK_HEAPSTAT=0 leaves it out): it adds one sampling thread and
# reports the allocator's bytes in use, which show a leak that RSS, held at
# its high-water mark by the allocator, would hide.
#
# Verdicts (after the first SOAK_WARMUP seconds of churn, split in thirds):
#   RSS flat: mean of the last third within 10 % of the mean of the second
#   heap in use flat: the same test on the allocator's bytes in use
#   threads, fds: the maximum of the last third not above that of the second
#   missed pods: 0
#
#   nice -n 10 bash bench/run-soak.sh <build-dir>
#
# Environment: SOAK_SECONDS (600), SOAK_RATE (50), SOAK_INTERVAL (5),
# SOAK_WARMUP (60), SOAK_NEW_IMAGE_EVERY (20), SOAK_QUIET (15),
# SOAK_QPS / SOAK_BURST (the operator's kube-api-qps / -burst: 200 / 400),
# SOAK_OPERATOR_ENV (more environment for the operator only, e.g.
# "MALLOC_TRIM_THRESHOLD_=0 MALLOC_MMAP_THRESHOLD_=65536": glibc then gives
# freed memory back, so RSS follows the memory in use instead of its peak),
# BENCH_PODS (5000), BENCH_IMAGES (1000), BENCH_NAMESPACES (20),
# BENCH_KEEP=1 keeps the work directory (soak.csv, summary.txt, logs).
# Exit code 1 when a verdict fails.

BENCH_PODS=${BENCH_PODS:-5000}
BENCH_TOOLS="bench-make-seed bench-churn kube-sim sbom-operator"
BENCH_NEEDS_KUBECTL=0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_RATE=${SOAK_RATE:-50}
SOAK_INTERVAL=${SOAK_INTERVAL:-5}
SOAK_WARMUP=${SOAK_WARMUP:-60}
SOAK_NEW_IMAGE_EVERY=${SOAK_NEW_IMAGE_EVERY:-20}
SOAK_QUIET=${SOAK_QUIET:-15}
SOAK_QPS=${SOAK_QPS:-200}
SOAK_BURST=${SOAK_BURST:-400}
SOAK_OPERATOR_ENV=${SOAK_OPERATOR_ENV:-}
SOAK_HEAPSTAT=${SOAK_HEAPSTAT:-1}

bench_init "${1:-}" soak
PLUGIN=$BUILD/tests/operator/plugins/libsbomop-test-scripted.so
[[ -f "$PLUGIN" ]] || bench_fail "$PLUGIN is missing: cmake --build $1 --target bench"
bench_seed
ADMIN_PORT=$("$BIN/bench-churn" --free-port)
BENCH_SIM_ARGS="--admin-port $ADMIN_PORT"
bench_start_sim
KUBECONFIG_FILE=$WORK/kubeconfig

bench_log "starting the operator (informer mode, scripted backend, kube-api-qps $SOAK_QPS)"
HEAPSTAT_ENV=""
if [[ "$SOAK_HEAPSTAT" == 1 && -f "$BIN/libbench-heapstat.so" ]]; then
  HEAPSTAT_ENV="LD_PRELOAD=$BIN/libbench-heapstat.so BENCH_HEAPSTAT_FILE=$WORK/heapstat"
fi
# shellcheck disable=SC2086 # SOAK_OPERATOR_ENV and HEAPSTAT_ENV are split on purpose
env POD_NAMESPACE=default $HEAPSTAT_ENV $SOAK_OPERATOR_ENV "$BIN/sbom-operator" --kubeconfig="$KUBECONFIG_FILE" --backend="$PLUGIN" \
  --scripted-output="$WORK/batches.jsonl" --health-port=0 --verbosity=info \
  --kube-api-qps="$SOAK_QPS" --kube-api-burst="$SOAK_BURST" >"$WORK/operator.out" 2>"$WORK/operator.log" &
OP_PID=$!
bench_track "$OP_PID"
until grep -q 'serving /health, /readyz and /metrics on port ' "$WORK/operator.log" 2>/dev/null; do
  kill -0 "$OP_PID" 2>/dev/null || bench_fail "the operator exited: $(tail -n 5 "$WORK/operator.log")"
  sleep 0.2
done
HEALTH_PORT=$(sed -n 's/.*serving \/health, \/readyz and \/metrics on port \([0-9]*\).*/\1/p' "$WORK/operator.log" | head -n 1)

metrics() {
  curl -sS --max-time 10 "http://127.0.0.1:$HEALTH_PORT/metrics" 2>/dev/null || true
}

# metric FILE NAME [LABEL-REGEX]: the sum of the samples of NAME whose labels match.
metric() {
  awk -v name="$2" -v labels="${3:-}" '
    $1 !~ /^#/ {
      split($1, parts, "{")
      if (parts[1] != name) next
      if (labels != "" && $1 !~ labels) next
      sum += $NF
    }
    END { printf "%.0f", sum }' "$1"
}

status_field() {
  awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

fd_count() {
  find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l
}

bench_log "waiting for the operator's first successful cycle on $SEED_PODS pods"
started=$SECONDS
while :; do
  kill -0 "$OP_PID" 2>/dev/null || bench_fail "the operator exited: $(tail -n 5 "$WORK/operator.log")"
  metrics >"$WORK/metrics.txt"
  (($(metric "$WORK/metrics.txt" sbomop_cycles_total 'result="success"') >= 1)) && break
  ((SECONDS - started < 900)) || bench_fail "no successful cycle within 900 s"
  sleep 1
done
first_cycle_s=$((SECONDS - started))
first_annotated=$(metric "$WORK/metrics.txt" sbomop_pods_annotated_total)
bench_log "first cycle done after ~${first_cycle_s} s: $first_annotated pods annotated"

CSV=$WORK/soak.csv
echo "t_s,rss_kib,threads,fds,heap_in_use_kib,heap_system_kib,sim_rss_kib,cycles_ok,cycles_failed,pods_annotated,annotation_failures,backend_images,images_known,images_pending,api_requests,api_watch_requests,churn_created,churn_deleted,churn_new_images,churn_errors" >"$CSV"
sample() {
  local t=$1 m=$WORK/metrics.txt progress=(0 0 0 0 0) heap=(0 0)
  metrics >"$m"
  [[ -f "$WORK/churn.progress" ]] && read -r -a progress <"$WORK/churn.progress"
  [[ -f "$WORK/heapstat" ]] && read -r -a heap <"$WORK/heapstat"
  echo "$t,$(status_field "$OP_PID" VmRSS),$(status_field "$OP_PID" Threads),$(fd_count "$OP_PID"),$((heap[0] / 1024)),$((heap[1] / 1024))\
,$(status_field "$SIM_PID" VmRSS)\
,$(metric "$m" sbomop_cycles_total 'result="success"'),$(metric "$m" sbomop_cycles_total 'result="failure"')\
,$(metric "$m" sbomop_pods_annotated_total),$(metric "$m" sbomop_annotation_failures_total),$(metric "$m" sbomop_backend_images_total)\
,$(metric "$m" sbomop_images_known),$(metric "$m" sbomop_images_pending),$(metric "$m" sbomop_kube_api_requests_total)\
,$(metric "$m" sbomop_kube_api_requests_total 'verb="watch"'),${progress[1]:-0},${progress[2]:-0},${progress[3]:-0},${progress[4]:-0}" >>"$CSV"
}

bench_log "churn: $SOAK_RATE pods/s created and deleted for $SOAK_SECONDS s; sampling every $SOAK_INTERVAL s"
"$BIN/bench-churn" --kubeconfig "$KUBECONFIG_FILE" --admin-url "http://127.0.0.1:$ADMIN_PORT" --seconds "$SOAK_SECONDS" \
  --rate "$SOAK_RATE" --pods "$SEED_PODS" --images "$BENCH_IMAGES" --namespaces "$BENCH_NAMESPACES" \
  --new-image-every "$SOAK_NEW_IMAGE_EVERY" --progress "$WORK/churn.progress" >"$WORK/churn.out" 2>"$WORK/churn.err" &
CHURN_PID=$!
bench_track "$CHURN_PID"
# t = 0 is the driver's first tick (it first computes the names of the seeded pods).
while [[ ! -f "$WORK/churn.progress" ]] && kill -0 "$CHURN_PID" 2>/dev/null; do
  sleep 0.2
done
churn_start=$SECONDS
next=0
while kill -0 "$CHURN_PID" 2>/dev/null; do
  elapsed=$((SECONDS - churn_start))
  if ((elapsed >= next)); then
    kill -0 "$OP_PID" 2>/dev/null || bench_fail "the operator exited during the soak: $(tail -n 5 "$WORK/operator.log")"
    sample "$next"
    if ((next % 60 == 0)); then
      bench_log "t=${next}s $(tail -n 1 "$CSV")"
    fi
    next=$((next + SOAK_INTERVAL))
  fi
  sleep 0.5
done
churn_status=0
wait "$CHURN_PID" || churn_status=$?
bench_log "churn ended ($churn_status): $(cat "$WORK/churn.out")"

# Quiescence: nothing pending and the annotation and cycle counters still for SOAK_QUIET s.
bench_log "waiting for the operator to finish the remaining work"
quiet_start=$SECONDS
last=""
still_since=$SECONDS
while ((SECONDS - quiet_start < 600)); do
  metrics >"$WORK/metrics.txt"
  now="$(metric "$WORK/metrics.txt" sbomop_pods_annotated_total) $(metric "$WORK/metrics.txt" sbomop_cycles_total)"
  pending=$(metric "$WORK/metrics.txt" sbomop_images_pending)
  if [[ "$now" != "$last" || "$pending" != 0 ]]; then
    last=$now
    still_since=$SECONDS
  elif ((SECONDS - still_since >= SOAK_QUIET)); then
    break
  fi
  sleep 1
done
quiet_s=$((SECONDS - quiet_start))
sample "$((SECONDS - churn_start))"
bench_log "quiet after ${quiet_s} s"

verify_status=0
"$BIN/bench-churn" --verify --kubeconfig "$KUBECONFIG_FILE" >"$WORK/verify.out" 2>"$WORK/verify.err" || verify_status=$?
[[ -s "$WORK/verify.out" ]] || bench_fail "bench-churn --verify failed: $(cat "$WORK/verify.err")"
missed=$(sed -n '1s/.* missed=\([0-9]*\).*/\1/p' "$WORK/verify.out")

stop_start=$SECONDS
kill -TERM "$OP_PID"
for _ in $(seq 1 300); do
  kill -0 "$OP_PID" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$OP_PID" 2>/dev/null && kill -KILL "$OP_PID"
op_status=0
wait "$OP_PID" || op_status=$?
stop_s=$((SECONDS - stop_start))

# verdicts over the samples taken during churn, after the warm-up, in thirds
# (the final post-quiescence sample is left out).
VERDICTS=$WORK/verdicts.txt
awk -F, -v warmup="$SOAK_WARMUP" -v soak="$SOAK_SECONDS" '
  NR == 1 { next }
  $1 >= warmup && $1 <= soak { n++; t[n] = $1; rss[n] = $2; thr[n] = $3; fd[n] = $4; heap[n] = $5 }
  function mean(a, from, to,   i, s) { s = 0; for (i = from; i <= to; i++) s += a[i]; return s / (to - from + 1) }
  function max(a, from, to,   i, m) { m = a[from]; for (i = from; i <= to; i++) if (a[i] > m) m = a[i]; return m }
  function min(a, from, to,   i, m) { m = a[from]; for (i = from; i <= to; i++) if (a[i] < m) m = a[i]; return m }
  END {
    if (n < 6) { print "samples=" n; print "verdict_rss=FAIL (too few samples)"; exit }
    a = int(n / 3); b = int(2 * n / 3)
    m2 = mean(rss, a + 1, b); m3 = mean(rss, b + 1, n)
    change = 100 * (m3 - m2) / m2
    sx = sy = sxx = sxy = 0
    for (i = 1; i <= n; i++) { sx += t[i]; sy += rss[i]; sxx += t[i] * t[i]; sxy += t[i] * rss[i] }
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    printf "samples=%d window=%d..%d s\n", n, t[1], t[n]
    printf "rss_mean_mib second=%.1f last=%.1f change=%+.1f%% min=%.1f max=%.1f slope_kib_per_min=%.0f\n", m2 / 1024, m3 / 1024, change, \
      min(rss, 1, n) / 1024, max(rss, 1, n) / 1024, slope * 60
    printf "verdict_rss=%s\n", (change <= 10 && change >= -10) ? "ok (flat within 10 %)" : "FAIL (not flat within 10 %)"
    if (max(heap, 1, n) > 0) {
      h2 = mean(heap, a + 1, b); h3 = mean(heap, b + 1, n); hchange = 100 * (h3 - h2) / h2
      printf "heap_in_use_mean_mib second=%.1f last=%.1f change=%+.1f%% min=%.1f max=%.1f\n", h2 / 1024, h3 / 1024, hchange, \
        min(heap, 1, n) / 1024, max(heap, 1, n) / 1024
      printf "verdict_heap=%s\n", (hchange <= 10 && hchange >= -10) ? "ok (flat within 10 %)" : "FAIL (not flat within 10 %)"
    }
    printf "threads second_max=%d last_max=%d first=%d last=%d\n", max(thr, a + 1, b), max(thr, b + 1, n), thr[1], thr[n]
    printf "verdict_threads=%s\n", max(thr, b + 1, n) <= max(thr, a + 1, b) ? "ok (no growth)" : "FAIL (growth)"
    printf "fds second_max=%d last_max=%d first=%d last=%d\n", max(fd, a + 1, b), max(fd, b + 1, n), fd[1], fd[n]
    printf "verdict_fds=%s\n", max(fd, b + 1, n) <= max(fd, a + 1, b) ? "ok (no growth)" : "FAIL (growth)"
  }' "$CSV" >"$VERDICTS"

final=$(tail -n 1 "$CSV")
IFS=, read -r _ f_rss f_thr f_fd f_heap _ f_sim f_ok f_fail f_ann f_annfail f_backend f_known f_pending f_api f_watch f_created f_deleted _ _ <<<"$final"
# Pod watch events the operator received: ADDED (Pending) + MODIFIED (Running)
# per created pod, DELETED per deleted pod, MODIFIED per annotation patch.
events=$((2 * f_created + f_deleted + f_ann))
SUMMARY=$WORK/summary.txt
{
  echo "Soak: $SEED_PODS pods ($SEED_CONTAINERS containers, $SEED_IMAGES images), churn $SOAK_RATE pods/s created and deleted"
  echo "  for $SOAK_SECONDS s, every ${SOAK_NEW_IMAGE_EVERY}th new pod on a new digest; operator in informer mode, scripted backend,"
  echo "  kube-api-qps $SOAK_QPS / burst $SOAK_BURST; ${SOAK_OPERATOR_ENV:+operator env $SOAK_OPERATOR_ENV; }$(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "first cycle (before churn): ~${first_cycle_s} s, $first_annotated pods annotated"
  echo "churn: $(cat "$WORK/churn.out") (exit $churn_status)"
  echo "operator at the end: rss_mib=$(bench_mib "$f_rss") heap_in_use_mib=$(bench_mib "$f_heap") threads=$f_thr fds=$f_fd; kube-sim rss_mib=$(bench_mib "$f_sim")"
  echo "cycles ok=$f_ok failed=$f_fail; pods annotated=$f_ann (annotation failures $f_annfail); backend images=$f_backend;"
  echo "  images known=$f_known pending=$f_pending; API requests=$f_api (watch $f_watch)"
  echo "pod watch events delivered (2 x created + deleted + annotation patches): $events"
  echo "quiet ${quiet_s} s after the churn stopped; operator exit $op_status after SIGTERM in ${stop_s} s"
  echo "annotations: $(head -n 1 "$WORK/verify.out")"
  cat "$VERDICTS"
  if [[ "$missed" == 0 ]]; then echo "verdict_missed=ok (0 missed)"; else echo "verdict_missed=FAIL ($missed missed)"; fi
  if ((missed > 0)); then sed -n '2,21p' "$WORK/verify.out"; fi
} >"$SUMMARY"

echo
cat "$SUMMARY"
echo
echo "The curve (every 60 s of churn): t_s rss_mib heap_in_use_mib threads fds pods_annotated churn_created"
awk -F, 'NR > 1 && $1 % 60 == 0 { printf "  %5d %7.1f %7.1f %4d %4d %7d %7d\n", $1, $2 / 1024, $5 / 1024, $3, $4, $10, $17 }' "$CSV"
[[ "${BENCH_KEEP:-0}" == 1 ]] && echo "CSV: $CSV"
failed_verdicts=$(grep -c '^verdict_.*=FAIL' "$SUMMARY" || true)
((failed_verdicts == 0 && verify_status == 0 && op_status == 0)) || exit 1
