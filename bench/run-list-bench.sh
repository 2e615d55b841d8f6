#!/usr/bin/env bash
# Benchmark: list every pod of a 10,000-pod cluster into the operator's store
# (bench-list-pods: a PodReflector with pages of 500, as the operator's
# controller lists) versus `kubectl get pods -A -o json > /dev/null`, both
# against the same kube-sim process (TLS, bearer token). Each client runs
# BENCH_RUNS times (alternating, after one untimed warm-up that also checks the
# pod count and records the requests each client makes); kubectl gets a fresh
# HOME, so a fresh discovery cache, every run. Prints median wall time, median
# peak RSS (wait4 of the process) and the ratios kubectl/ours.
#
#   bash bench/run-list-bench.sh <build-dir>
#
# Environment: BENCH_PODS (10000), BENCH_IMAGES (1000), BENCH_NAMESPACES (20),
# BENCH_RUNS (3), BENCH_PAGE_SIZE (500), KUBECTL (kubectl), BENCH_KEEP=1 keeps
# the work directory.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_PAGE_SIZE=${BENCH_PAGE_SIZE:-500}

bench_init "${1:-}" list-bench
bench_seed
bench_start_sim
KUBECONFIG_FILE=$WORK/kubeconfig

ours() {
  bench_measure "$1" "$BIN/bench-list-pods" --kubeconfig "$KUBECONFIG_FILE" --page-size "$BENCH_PAGE_SIZE"
}

theirs() {
  mkdir -p "$WORK/home-$2"
  # kubectl's own paging (--chunk-size 500) is its default; the output is discarded.
  HOME=$WORK/home-$2 KUBECONFIG=$KUBECONFIG_FILE bench_measure "$1" "$KUBECTL" get pods -A -o json
}

requests_of() {
  "$BIN/bench-cycle-report" --stats "$1" >"$1.report"
  bench_requests_line "$1.report"
}

# Warm-up: checks what each client sees and counts its requests.
bench_reset_stats
ours "$WORK/warm-ours" || bench_fail "bench-list-pods failed: $(cat "$WORK/warm-ours.err")"
bench_stats "$WORK/stats-ours.json"
our_count=$(sed -n 's/^pods=\([0-9]*\).*/\1/p' "$WORK/warm-ours.out")
[[ "$our_count" == "$SEED_PODS" ]] || bench_fail "bench-list-pods saw $our_count pods, the seed has $SEED_PODS"

bench_reset_stats
mkdir -p "$WORK/home-warm"
HOME=$WORK/home-warm KUBECONFIG=$KUBECONFIG_FILE "$KUBECTL" get pods -A -o json >"$WORK/kubectl.json" \
  2>"$WORK/warm-kubectl.err" || bench_fail "kubectl failed: $(cat "$WORK/warm-kubectl.err")"
bench_stats "$WORK/stats-kubectl.json"
kubectl_count=$(grep -c '"kind": "Pod",$' "$WORK/kubectl.json" || true)
[[ "$kubectl_count" == "$SEED_PODS" ]] || bench_fail "kubectl printed $kubectl_count pods, the seed has $SEED_PODS"
kubectl_bytes=$(wc -c <"$WORK/kubectl.json")
rm -f "$WORK/kubectl.json"
# What the server sends per pod (compact JSON; kube-sim drops managedFields).
served_bytes=$(bench_curl "$SIM_URL/api/v1/pods" | wc -c)

our_walls=()
our_rss=()
kubectl_walls=()
kubectl_rss=()
for run in $(seq 1 "$BENCH_RUNS"); do
  bench_log "run $run/$BENCH_RUNS"
  ours "$WORK/ours-$run" || bench_fail "bench-list-pods failed: $(cat "$WORK/ours-$run.err")"
  our_walls+=("$(bench_wall "$WORK/ours-$run")")
  our_rss+=("$(bench_rss_kib "$WORK/ours-$run")")
  theirs "$WORK/kubectl-$run" "$run" || bench_fail "kubectl failed: $(cat "$WORK/kubectl-$run.err")"
  kubectl_walls+=("$(bench_wall "$WORK/kubectl-$run")")
  kubectl_rss+=("$(bench_rss_kib "$WORK/kubectl-$run")")
done

our_wall=$(bench_median "${our_walls[@]}")
our_peak=$(bench_median "${our_rss[@]}")
kubectl_wall=$(bench_median "${kubectl_walls[@]}")
kubectl_peak=$(bench_median "${kubectl_rss[@]}")

echo
echo "List all pods: $SEED_PODS pods, $SEED_CONTAINERS containers, $SEED_IMAGES images, $BENCH_NAMESPACES namespaces"
echo "  served list $(bench_mib $((served_bytes / 1024))) MiB ($((served_bytes / SEED_PODS)) bytes/pod);" \
  "seed file $(bench_mib $((SEED_BYTES / 1024))) MiB with managedFields ($((SEED_BYTES / SEED_PODS)) bytes/pod);" \
  "kubectl's -o json output $(bench_mib $((kubectl_bytes / 1024))) MiB"
echo "  kube-sim over TLS on 127.0.0.1, $(nproc) CPUs; median of $BENCH_RUNS runs (after a warm-up)"
echo
printf '| %-44s | %12s | %14s | %-24s | %-24s |\n' "client" "wall s" "peak RSS MiB" "wall s, each run" "peak RSS MiB, each run"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "--------------" "----------------" \
  "--------------------------" "--------------------------"
row() {
  local label=$1 wall=$2 peak=$3
  shift 3
  local walls=$1 rss=$2
  printf '| %-44s | %12s | %14s | %-24s | %-24s |\n' "$label" "$wall" "$(bench_mib "$peak")" "$walls" "$rss"
}
mibs() {
  local out=() value
  for value in "$@"; do out+=("$(bench_mib "$value")"); done
  echo "${out[*]}"
}
row "bench-list-pods (PodReflector, pages of $BENCH_PAGE_SIZE)" "$our_wall" "$our_peak" "${our_walls[*]}" "$(mibs "${our_rss[@]}")"
row "kubectl get pods -A -o json (fresh HOME)" "$kubectl_wall" "$kubectl_peak" "${kubectl_walls[*]}" "$(mibs "${kubectl_rss[@]}")"
printf '| %-44s | %11sx | %13sx | %-24s | %-24s |\n' "ratio kubectl / ours" "$(bench_ratio "$kubectl_wall" "$our_wall")" \
  "$(bench_ratio "$kubectl_peak" "$our_peak")" "" ""
echo
echo "Requests (warm-up run):"
echo "  ours:    $(requests_of "$WORK/stats-ours.json")"
echo "  kubectl: $(requests_of "$WORK/stats-kubectl.json")"
server_version=$(bench_curl "$SIM_URL/version" | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p')
echo "kubectl: $("$KUBECTL" version --client 2>/dev/null | head -n 1) ($(command -v "$KUBECTL")); kube-sim reports $server_version"
