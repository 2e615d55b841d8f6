#!/usr/bin/env bash
# The operator's main job, end to end on this machine:
#   a real docker-registry (TLS + basic auth) with three small real images,
#   kube-sim with namespaces and running pods that use them (some through a
#   pull secret, the rest through the fallback secret), the Dependency-Track
#   double, and `sbom-operator --once` with the jobimage backend running the
#   reference trivy job image (job-images/trivy) as a Job, which kube-sim's
#   kubelet executes under bubblewrap.
# Prints what was found, the Job's result, the SBOMs with their component
# counts, which pods were annotated, and where the SBOMs are. Leaves no process
# running; can be run again.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"

bash scripts/install-deps.sh
bash scripts/build.sh >/dev/null
echo "built: build/bin/sbom-operator, build/bin/kube-sim, build/bin/dtrack-sim"

DEMO="$REPO/build/demo"        # not under /tmp: the job's sandbox does not see the host's /tmp
JOB_IMAGE="sbom-demo/trivy-job:1.0"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash tests/support/registry/stop-registry.sh "$DEMO/registry" >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$DEMO/kube" "$DEMO/dtrack" "$DEMO/operator.log"
mkdir -p "$DEMO/kube" "$DEMO/dtrack"

# Wait for "listening on <url>" in a log file and print the URL.
listening() {
  for _ in $(seq 1 200); do
    url=$(sed -n 's/^listening on //p' "$1" | head -n 1)
    [ -n "$url" ] && { echo "$url"; return 0; }
    sleep 0.05
  done
  echo "no 'listening on' line in $1" >&2; cat "$1" >&2; return 1
}

# 1. Registry and images.
export REGISTRY_USER=demo
REGISTRY_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export REGISTRY_PASSWORD
bash tests/support/registry/start-registry.sh "$DEMO/registry" 0 >/dev/null
REGISTRY="127.0.0.1:$(cat "$DEMO/registry/registry.port")"
bash tests/support/registry/build-images.sh "$DEMO/registry" "$REGISTRY" >/dev/null
digest() { awk -v ref="$REGISTRY/$1" '$2 == ref { print $3 }' "$DEMO/registry/images.txt"; }
DEBIAN=$(digest demo/debian:1.0); NODE=$(digest demo/node:1.0); PYTHON=$(digest demo/python:1.0)
echo "registry: https://$REGISTRY with demo/debian, demo/node, demo/python"

# 2. Dependency-Track double.
DTRACK_KEY="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s' "$DTRACK_KEY" >"$DEMO/dtrack/api-key"
build/bin/dtrack-sim --port 0 --api-key-file "$DEMO/dtrack/api-key" --state-dir "$DEMO/dtrack/state" >"$DEMO/dtrack/log" 2>&1 &
PIDS+=($!)
DTRACK_URL=$(listening "$DEMO/dtrack/log")

# 3. The simulated cluster.
b64() { printf '%s' "$1" | base64 -w0; }
dockerconfig() { b64 "{\"auths\":{\"$REGISTRY\":{\"auth\":\"$(b64 "$REGISTRY_USER:$REGISTRY_PASSWORD")\"}}}"; }
pod() { # namespace name pull-secret(or -) then container triples kind:name:repo:tag:digest
  local ns=$1 name=$2 secret=$3; shift 3
  local specs="" statuses="" inits="" initStatuses=""
  for c in "$@"; do
    IFS=: read -r kind cname repo tag dig <<<"$c"
    local spec="{\"name\":\"$cname\",\"image\":\"$REGISTRY/$repo:$tag\"}"
    local status="{\"name\":\"$cname\",\"image\":\"$REGISTRY/$repo:$tag\",\"imageID\":\"$REGISTRY/$repo@$dig\",\"ready\":true,\"restartCount\":0}"
    if [ "$kind" = init ]; then inits="$inits${inits:+,}$spec"; initStatuses="$initStatuses${initStatuses:+,}$status"
    else specs="$specs${specs:+,}$spec"; statuses="$statuses${statuses:+,}$status"; fi
  done
  local pullSecrets="[]"
  [ "$secret" != - ] && pullSecrets="[{\"name\":\"$secret\"}]"
  echo "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"$name\",\"namespace\":\"$ns\",\"labels\":{\"app\":\"$name\"}},
    \"spec\":{\"imagePullSecrets\":$pullSecrets,\"initContainers\":[$inits],\"containers\":[$specs]},
    \"status\":{\"phase\":\"Running\",\"initContainerStatuses\":[$initStatuses],\"containerStatuses\":[$statuses]}}"
}
cat >"$DEMO/kube/seed.json" <<JSON
{"apiVersion":"v1","kind":"List","items":[
 {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"sbom-system"}},
 {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}},
 {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"payments"}},
 {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson","metadata":{"name":"regcred","namespace":"shop"},"data":{".dockerconfigjson":"$(dockerconfig)"}},
 {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson","metadata":{"name":"registry-fallback","namespace":"sbom-system"},"data":{".dockerconfigjson":"$(dockerconfig)"}},
 $(pod shop web-1 regcred "container:web:demo/node:1.0:$NODE"),
 $(pod shop web-2 regcred "container:web:demo/node:1.0:$NODE"),
 $(pod shop worker regcred "init:setup:demo/debian:1.0:$DEBIAN" "container:worker:demo/python:1.0:$PYTHON"),
 $(pod payments api - "container:api:demo/python:1.0:$PYTHON")
]}
JSON
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DEMO/kube/token"
build/bin/kube-sim --port 0 --tls --token-file "$DEMO/kube/token" --seed "$DEMO/kube/seed.json" \
  --kubeconfig-out "$DEMO/kube/kubeconfig" --job-runner "$JOB_IMAGE=$REPO/job-images/trivy" \
  --default-job-outcome fail >"$DEMO/kube/log" 2>&1 &
PIDS+=($!)
KUBE_URL=$(listening "$DEMO/kube/log")
echo "cluster: kube-sim $KUBE_URL with 4 pods in namespaces shop and payments"

# 4. The operator: one cycle with the jobimage backend.
set +e
POD_NAMESPACE=sbom-system \
SBOM_JOB_DTRACK_URL="$DTRACK_URL" SBOM_JOB_DTRACK_API_KEY="$DTRACK_KEY" \
SBOM_JOB_REGISTRY_CA_FILE="$DEMO/registry/certs/ca.crt" SBOM_JOB_TRIVY_BIN=/opt/sbom-operator/bin/trivy \
  build/bin/sbom-operator --once --kubeconfig="$DEMO/kube/kubeconfig" --job-image="$JOB_IMAGE" \
  --fallback-pull-secret=registry-fallback --kubernetes-cluster-id=demo --job-timeout=600 --health-port=0 \
  2>"$DEMO/operator.log"
RC=$?
set -e

# 5. Summary.
echo
echo "== operator (exit code $RC; full log: $DEMO/operator.log)"
grep -E "cycle .*pods, .*images|job .*(created|succeeded|failed|finished)|Job .*(succeeded|failed)" "$DEMO/operator.log" | sed 's/^[^ ]* [a-z]* *[^ ]*: /  /' || true
echo
echo "== SBOMs in Dependency-Track ($DTRACK_URL, stored under $DEMO/dtrack/state)"
curl -fsS -H "X-Api-Key: $DTRACK_KEY" "$DTRACK_URL/_sim/projects" \
  | jq -r '.projects[] | "  \(.name) \(.version)  components=\(.components)  tags=\(.tags | join(","))"' || true
echo
echo "== pod annotations (ckotzbauer.sbom-operator.io/<container>)"
KUBECONFIG="$DEMO/kube/kubeconfig" kubectl get pods -A -o json 2>/dev/null \
  | jq -r '.items[] | "  \(.metadata.namespace)/\(.metadata.name): \((.metadata.annotations // {}) | to_entries | map(select(.key | startswith("ckotzbauer.sbom-operator.io/"))) | map("\(.key | sub("ckotzbauer.sbom-operator.io/"; ""))=\(.value | sub("^.*@"; "@"))") | join(" "))"' || true
exit "$RC"
