#!/usr/bin/env bash
# Benchmark: the operator's first full cycle on a 10,000-pod cluster with
# 1,000 unique images. kube-sim (separate process, TLS) serves the cluster;
# `sbom-operator --once` runs with the scripted test backend, which records
# every batch and succeeds at once, so the figures are the operator's own
# cost: list, plan, hand over, annotate.
#
#   1. first cycle:  every image pending, every pod needs its annotations
#   2. second cycle: the same command again; everything is annotated, so it
#      measures the fixed cost (start, list, plan, exit) of a cycle
#   3. peers for the annotation phase (one patch per pod), on the same pods:
#      - bench-patch-pods: the operator's client sending the same kind of merge
#        patch to every pod, one after the other, without its rate limit: what
#        the patches cost on the wire, so what the rate limit adds
#      - `kubectl annotate`, one process per pod, on BENCH_KUBECTL_PODS pods,
#        extrapolated to all pods: the annotation work done the scripted way
#
# Request counts come from kube-sim's GET /_sim/stats (reset before each step),
# backend figures from the scripted backend's output. Checks: backend images ==
# unique digests of the seed, containers handed over == containers of the
# seed, patches == pods, no per-pod GET, nothing to do on the second cycle.
# Exit code 1 when a check fails.
#
#   bash bench/run-cycle-bench.sh <build-dir>
#
# Environment: BENCH_PODS (10000), BENCH_IMAGES (1000), BENCH_NAMESPACES (20),
# BENCH_KUBECTL_PODS (100), KUBECTL (kubectl), BENCH_KEEP=1 keeps the work
# directory.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_KUBECTL_PODS=${BENCH_KUBECTL_PODS:-100}
OPERATOR_TIMEOUT_SECONDS=${OPERATOR_TIMEOUT_SECONDS:-1800}

bench_init "${1:-}" cycle-bench
PLUGIN=$BUILD/tests/operator/plugins/libsbomop-test-scripted.so
[[ -x "$BIN/sbom-operator" ]] || bench_fail "$BIN/sbom-operator is missing: cmake --build $1 --target bench"
[[ -f "$PLUGIN" ]] || bench_fail "$PLUGIN is missing: cmake --build $1 --target bench"
bench_seed
bench_start_sim
KUBECONFIG_FILE=$WORK/kubeconfig

# operator_run NAME: one `--once` run; leaves NAME.report (bench-cycle-report) and NAME.status.
operator_run() {
  local name=$1 status=0
  bench_reset_stats
  POD_NAMESPACE=default bench_measure "$WORK/$name" timeout "$OPERATOR_TIMEOUT_SECONDS" "$BIN/sbom-operator" --once \
    --kubeconfig="$KUBECONFIG_FILE" --backend="$PLUGIN" --scripted-output="$WORK/$name.batches.jsonl" \
    --health-port=0 --verbosity=info || status=$?
  echo "$status" >"$WORK/$name.status"
  bench_stats "$WORK/$name.stats.json"
  cat "$WORK/$name.out" "$WORK/$name.err" >"$WORK/$name.log"
  "$BIN/bench-cycle-report" --log "$WORK/$name.log" --stats "$WORK/$name.stats.json" \
    --batches "$WORK/$name.batches.jsonl" >"$WORK/$name.report"
}

value() {
  bench_report_value "$WORK/$1.report" "$2"
}

requests_line() {
  bench_requests_line "$WORK/$1.report"
}

bench_log "first cycle: $SEED_PODS pods, $SEED_IMAGES images pending (patches are paced by the client's rate limit)"
operator_run first
bench_log "first run exited $(cat "$WORK/first.status") after $(bench_wall "$WORK/first") s"
bench_log "second cycle: nothing pending"
operator_run second
bench_log "second run exited $(cat "$WORK/second.status") after $(bench_wall "$WORK/second") s"

mkdir -p "$WORK/home-peer"
HOME=$WORK/home-peer KUBECONFIG=$KUBECONFIG_FILE "$KUBECTL" get pods -A --no-headers --chunk-size=500 \
  -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name >"$WORK/all-pods.txt"

# Peer: the same client without a rate limit, one merge patch per pod.
bench_log "peer: one merge patch per pod through the operator's client, no rate limit"
bench_reset_stats
bench_measure "$WORK/raw" "$BIN/bench-patch-pods" --kubeconfig "$KUBECONFIG_FILE" --pods "$WORK/all-pods.txt" --qps 0 \
  || bench_fail "bench-patch-pods failed: $(cat "$WORK/raw.err")"
bench_stats "$WORK/raw.stats.json"
"$BIN/bench-cycle-report" --stats "$WORK/raw.stats.json" >"$WORK/raw.report"

# Peer: kubectl annotate, one process per pod (the discovery cache is shared, as in a shell loop).
bench_log "peer: kubectl annotate on $BENCH_KUBECTL_PODS pods, one process each"
head -n "$BENCH_KUBECTL_PODS" "$WORK/all-pods.txt" >"$WORK/peer-pods.txt"
peer_pods=$(wc -l <"$WORK/peer-pods.txt")
bench_reset_stats
# shellcheck disable=SC2016 # expanded by the inner shell
HOME=$WORK/home-peer KUBECONFIG=$KUBECONFIG_FILE bench_measure "$WORK/peer" bash -c \
  'while read -r ns name; do "$1" annotate pod -n "$ns" "$name" --overwrite bench.sbom-operator.io/peer=done >/dev/null || exit 1; done <"$2"' \
  peer "$KUBECTL" "$WORK/peer-pods.txt" || bench_fail "kubectl annotate failed: $(tail -n 3 "$WORK/peer.err")"
bench_stats "$WORK/peer.stats.json"
"$BIN/bench-cycle-report" --stats "$WORK/peer.stats.json" >"$WORK/peer.report"

first_wall=$(bench_wall "$WORK/first")
first_cycle=$(value first cycle_seconds)
peer_wall=$(bench_wall "$WORK/peer")
peer_per_pod_ms=$(awk -v w="$peer_wall" -v n="$peer_pods" 'BEGIN { printf "%.1f", 1000 * w / n }')
peer_all=$(awk -v w="$peer_wall" -v n="$peer_pods" -v all="$SEED_PODS" 'BEGIN { printf "%.0f", w / n * all }')
first_patches=$(value first request.patch.pods)
rate() {
  awk -v p="$1" -v s="$2" 'BEGIN { if (s > 0 && p >= 0) printf "%.1f", p / s; else print "n/a" }'
}
raw_patches=$(sed -n 's/^patches=\([0-9]*\).*/\1/p' "$WORK/raw.out")
raw_seconds=$(sed -n 's/.* seconds=\([0-9.e+-]*\).*/\1/p' "$WORK/raw.out" | awk '{ printf "%.2f", $1 }')

echo
echo "First full cycle: $SEED_PODS pods, $SEED_CONTAINERS containers, $SEED_IMAGES unique images, $BENCH_NAMESPACES namespaces"
echo "  kube-sim over TLS on 127.0.0.1, $(nproc) CPUs, scripted backend (records batches, succeeds at once)"
echo
printf '| %-40s | %14s | %14s |\n' "figure" "first cycle" "second cycle"
printf '|%s|%s|%s|\n' "------------------------------------------" "----------------" "----------------"
line() {
  printf '| %-40s | %14s | %14s |\n' "$1" "$2" "$3"
}
both() {
  line "$1" "$(value first "$2")" "$(value second "$2")"
}
line "exit code" "$(cat "$WORK/first.status")" "$(cat "$WORK/second.status")"
line "process wall s (start to exit)" "$first_wall" "$(bench_wall "$WORK/second")"
line "cycle s (log: cycle ... done in)" "$first_cycle" "$(value second cycle_seconds)"
line "peak RSS MiB" "$(bench_mib "$(bench_rss_kib "$WORK/first")")" "$(bench_mib "$(bench_rss_kib "$WORK/second")")"
both "pods seen" pods_seen
both "images known" images_known
both "images pending" images_pending
both "API requests, total" requests_total
both "  list pods (pages)" request.list.pods
both "  watch pods" request.watch.pods
both "  get pods (per-pod reads)" request.get.pods
both "  patch pods" request.patch.pods
both "  get secrets (pull secrets)" request.get.secrets
both "backend calls (batches)" backend_batches
both "backend images" backend_images
both "distinct digests handed over" backend_digests
both "containers handed over" backend_containers
both "pods annotated (log)" pods_annotated
echo
echo "Requests by verb and resource:"
echo "  first:  $(requests_line first)"
echo "  second: $(requests_line second)"
echo
echo "Annotating all $SEED_PODS pods (one patch per pod), same kube-sim:"
printf '| %-58s | %10s | %10s | %12s |\n' "who" "s" "patches/s" "peak RSS MiB"
printf '|%s|%s|%s|%s|\n' "------------------------------------------------------------" "------------" "------------" "--------------"
printf '| %-58s | %10s | %10s | %12s |\n' "operator, whole first cycle (its client's rate limit on)" "$first_cycle" \
  "$(rate "$first_patches" "$first_cycle")" "$(bench_mib "$(bench_rss_kib "$WORK/first")")"
printf '| %-58s | %10s | %10s | %12s |\n' "operator's client, no rate limit (bench-patch-pods)" "$raw_seconds" \
  "$(rate "$raw_patches" "$raw_seconds")" "$(bench_mib "$(bench_rss_kib "$WORK/raw")")"
printf '| %-58s | %10s | %10s | %12s |\n' "kubectl annotate per pod, extrapolated from $peer_pods pods" "$peer_all" \
  "$(rate "$peer_pods" "$peer_wall")" "$(bench_mib "$(bench_rss_kib "$WORK/peer")")"
echo "  bench-patch-pods requests: $(requests_line raw)"
echo "  kubectl: $peer_wall s for $peer_pods pods ($peer_per_pod_ms ms/pod); requests: $(requests_line peer)"
echo "  kubectl annotate loop / operator first cycle: $(bench_ratio "$peer_all" "$first_cycle")x"
echo
failures=0
check() {
  local what=$1 actual=$2 expected=$3
  if [[ "$actual" == "$expected" ]]; then
    printf '  ok    %-52s %s\n' "$what" "$actual"
  else
    printf '  FAIL  %-52s %s (expected %s)\n' "$what" "$actual" "$expected"
    failures=$((failures + 1))
  fi
}
echo "Checks:"
check "first: exit code" "$(cat "$WORK/first.status")" 0
check "first: backend images == unique pending digests" "$(value first backend_images)" "$SEED_IMAGES"
check "first: distinct digests handed over" "$(value first backend_digests)" "$SEED_IMAGES"
check "first: containers handed over == containers" "$(value first backend_containers)" "$SEED_CONTAINERS"
check "first: patch requests == pods needing annotation" "$(value first request.patch.pods)" "$SEED_PODS"
check "first: pods annotated" "$(value first pods_annotated)" "$SEED_PODS"
check "first: per-pod GETs" "$(value first request.get.pods)" 0
check "first: secret reads <= pull secrets" "$(( $(value first request.get.secrets) <= SEED_SECRETS ))" 1
check "second: exit code" "$(cat "$WORK/second.status")" 0
check "second: backend images" "$(value second backend_images)" 0
check "second: patch requests" "$(value second request.patch.pods)" 0
check "second: per-pod GETs" "$(value second request.get.pods)" 0
((failures == 0)) || exit 1
