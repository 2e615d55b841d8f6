#!/usr/bin/env bash
# The Deploy suite: proves the kustomize installation in deploy/.
#
#   deploy-test.sh --source DIR --work DIR --kube-sim BIN --operator BIN
#                  --plugin-dir DIR --scripted-backend SO --config-doc BIN
#   deploy-test.sh --source DIR --config-doc BIN --update-config-doc
#
# 1. every overlay renders with `kubectl kustomize`, to exactly the expected
#    objects with the expected security, probe, resource and RBAC settings;
# 2. `kubectl create --dry-run=server --validate=strict` of every rendered
#    object succeeds against kube-sim serving the real OpenAPI v3 schemas
#    (tests/fixtures/openapi) and stores nothing; an overlay that renders an
#    invalid object fails, naming the object and the field;
# 3. RBAC: kube-sim enforces the rendered Roles/ClusterRoles for the
#    operator's service-account token; the operator completes a cycle with
#    each overlay's rights (job-image: the jobimage backend and a scan Job;
#    standard: discovery and annotation with a test backend), and a removed
#    rule (pods patch, jobs create) is reported as the 403 naming verb and
#    resource, with no pod annotated;
# 4. docs/configuration.md matches the key table `sbom-operator --help` prints
#    (a difference names the key).
#
# Prints "ok"/"not ok" per check and a final "N passed, N failed" line; exits
# non-zero when a check failed. Nothing is skipped: a missing kubectl or jq is
# a failure with a message saying so.
# shellcheck disable=SC2317,SC2016 # helpers run indirectly; jq programs are single-quoted on purpose
set -uo pipefail

SRC="" WORK="" KUBE_SIM="" OPERATOR="" PLUGIN_DIR="" SCRIPTED="" CONFIG_DOC="" UPDATE_DOC=0
while [ $# -gt 0 ]; do
  case "$1" in
    --source) SRC="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --kube-sim) KUBE_SIM="$2"; shift 2 ;;
    --operator) OPERATOR="$2"; shift 2 ;;
    --plugin-dir) PLUGIN_DIR="$2"; shift 2 ;;
    --scripted-backend) SCRIPTED="$2"; shift 2 ;;
    --config-doc) CONFIG_DOC="$2"; shift 2 ;;
    --update-config-doc) UPDATE_DOC=1; shift ;;
    *) echo "deploy-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$SRC" ] || { echo "deploy-test.sh: --source is required" >&2; exit 2; }
SRC="$(cd "$SRC" && pwd)"
DOC="$SRC/docs/configuration.md"
BEGIN_MARK='<!-- BEGIN GENERATED: sbomop-config-doc -->'
END_MARK='<!-- END GENERATED: sbomop-config-doc -->'

# Rewrites the generated table of docs/configuration.md (used by developers
# after changing a key; the suite itself never writes into the source tree).
if [ "$UPDATE_DOC" -eq 1 ]; then
  [ -n "$CONFIG_DOC" ] || { echo "deploy-test.sh: --config-doc is required" >&2; exit 2; }
  table="$(mktemp)"
  "$CONFIG_DOC" >"$table" || exit 1
  awk -v begin="$BEGIN_MARK" -v end="$END_MARK" -v table="$table" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$DOC" >"$DOC.new" && mv "$DOC.new" "$DOC"
  rm -f "$table"
  echo "updated $DOC"
  exit 0
fi

for pair in WORK:--work KUBE_SIM:--kube-sim OPERATOR:--operator PLUGIN_DIR:--plugin-dir SCRIPTED:--scripted-backend CONFIG_DOC:--config-doc; do
  variable="${pair%%:*}"
  [ -n "${!variable}" ] || { echo "deploy-test.sh: ${pair#*:} is required" >&2; exit 2; }
done
rm -rf "$WORK"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

SIM_PID=""
# shellcheck source=../support/lib/checks.sh
. "$SRC/tests/support/lib/checks.sh"
finish() {
  stop_sim
  finish_checks
}
trap 'stop_sim' EXIT


OPENAPI="$SRC/tests/fixtures/openapi"
OVERLAYS=(standard job-image)
SA_USER='system:serviceaccount:sbom-operator:sbom-operator'

# ---------------------------------------------------------------- kube-sim
# start_sim DIR [kube-sim flags]: a kube-sim for one test, admin kubeconfig in
# DIR/admin.kubeconfig; kubectl 1.32 (by the reported server version) reads
# /openapi/v3 and sends fieldValidation=Strict for --validate=strict.
start_sim() {
  local dir="$1"
  shift
  stop_sim
  mkdir -p "$dir"
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/token"
  "$KUBE_SIM" --port 0 --tls --token-file "$dir/token" --server-version 1.32.5 --openapi-dir "$OPENAPI" \
    --kubeconfig-out "$dir/admin.kubeconfig" "$@" >"$dir/kube-sim.log" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 200); do
    grep -qs '^listening on ' "$dir/kube-sim.log" && return 0
    kill -0 "$SIM_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "kube-sim did not start:" >&2
  cat "$dir/kube-sim.log" >&2
  return 1
}
stop_sim() {
  if [ -n "$SIM_PID" ]; then
    kill "$SIM_PID" 2>/dev/null
    wait "$SIM_PID" 2>/dev/null
    SIM_PID=""
  fi
}

for tool in kubectl jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    fail "$tool is required by the Deploy suite but is not in PATH (jq: the Debian package; kubectl: 1.27 or newer, which reads /openapi/v3)"
  fi
done
[ "$failed" -eq 0 ] || finish

# ---------------------------------------------------------------- helpers
# jq_true FILE EXPR: EXPR evaluates to true on FILE (prints the value otherwise).
jq_true() {
  local result
  result="$(jq -e "$2" "$1" 2>&1)" && return 0
  echo "    $2 -> $result" >&2
  return 1
}
# equals EXPECTED ACTUAL
equals() {
  [ "$1" = "$2" ] && return 0
  echo "    expected: $1" >&2
  echo "    actual:   $2" >&2
  return 1
}
# contains FILE TEXT
contains() {
  grep -qF -- "$2" "$1" && return 0
  echo "    '$2' not found in $1:" >&2
  sed 's/^/    | /' "$1" | tail -n 20 >&2
  return 1
}
not_contains() {
  grep -qF -- "$2" "$1" || return 0
  echo "    '$2' unexpectedly found in $1:" >&2
  grep -F -- "$2" "$1" | sed 's/^/    | /' | head -n 5 >&2
  return 1
}
# render DIR OVERLAY_DIR NAME: `kubectl kustomize` to DIR/NAME.yaml.
# to_json DIR NAME KUBECONFIG: DIR/NAME.yaml as a List in DIR/NAME.json, through
# kubectl's client-side dry run (type mapping only, nothing validated).
render() {
  local out="$1" overlay="$2" name="$3"
  kubectl kustomize "$overlay" >"$out/$name.yaml" 2>"$out/$name.render.err" || { cat "$out/$name.render.err" >&2; return 1; }
}
to_json() {
  local out="$1" name="$2" kubeconfig="$3"
  kubectl --kubeconfig "$kubeconfig" create --dry-run=client -o json -f "$out/$name.yaml" >"$out/$name.raw.json" 2>"$out/$name.json.err" \
    || { cat "$out/$name.json.err" >&2; return 1; }
  as_list "$out/$name.raw.json" >"$out/$name.json"
}
# as_list FILE: kubectl's -o json output (one object, a List, or several
# objects one after the other) as one List.
as_list() {
  jq -s '{apiVersion: "v1", kind: "List", items: [.[] | if .kind == "List" then .items[] else . end]}' "$1"
}
# select_stream FILE JQ-FILTER: the matching items of a List as a stream of
# JSON documents, one after the other. kubectl validates a `List` document on
# the client through OpenAPI v2, which kube-sim does not serve; separate
# documents are validated by the server (fieldValidation=Strict), as with
# the real API server.
select_stream() {
  jq -c ".items[] | select($2)" "$1"
}

# ================================================================ 1. render
RENDER="$WORK/render"
mkdir -p "$RENDER"
start_sim "$WORK/render-sim" || { fail "kube-sim starts"; finish; }
for overlay in "${OVERLAYS[@]}"; do
  if render "$RENDER" "$SRC/deploy/overlays/$overlay" "$overlay" && to_json "$RENDER" "$overlay" "$WORK/render-sim/admin.kubeconfig"; then
    pass "overlay $overlay renders with kubectl kustomize ($(grep -c '^kind:' "$RENDER/$overlay.yaml") objects, $(wc -c <"$RENDER/$overlay.yaml") bytes)"
  else
    fail "overlay $overlay renders with kubectl kustomize"
  fi
done
stop_sim

expected_kinds() {
  case "$1" in
    standard) echo "ClusterRole ClusterRoleBinding ConfigMap Deployment Namespace Role RoleBinding ServiceAccount" ;;
    job-image) echo "ClusterRole ClusterRoleBinding ConfigMap Deployment Namespace Role Role RoleBinding RoleBinding ServiceAccount" ;;
  esac
}
CLUSTER_RULES='[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch","patch"]},{"apiGroups":[""],"resources":["namespaces"],"verbs":["get","list","watch"]},{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]'
LEASE_RULES='[{"apiGroups":["coordination.k8s.io"],"resources":["leases"],"verbs":["get","create","update"]}]'
JOB_RULES='[{"apiGroups":[""],"resources":["secrets"],"verbs":["create","get","list","patch","delete"]},{"apiGroups":["batch"],"resources":["jobs"],"verbs":["create","get","list","watch","delete"]}]'

for overlay in "${OVERLAYS[@]}"; do
  J="$RENDER/$overlay.json"
  [ -s "$J" ] || { fail "overlay $overlay: rendered objects available for the property checks"; continue; }
  D='(.items[] | select(.kind == "Deployment"))'
  C="$D.spec.template.spec.containers[0]"
  check "overlay $overlay: exactly $(expected_kinds "$overlay")" \
    equals "$(expected_kinds "$overlay")" "$(jq -r '[.items[].kind] | sort | join(" ")' "$J")"
  check "overlay $overlay: namespaced objects are in sbom-operator" \
    jq_true "$J" '[.items[] | select(.kind | IN("Namespace","ClusterRole","ClusterRoleBinding") | not) | .metadata.namespace] | unique == ["sbom-operator"]'
  check "overlay $overlay: ClusterRole sbom-operator: pods get/list/watch/patch, namespaces get/list/watch, secrets get (no list)" \
    jq_true "$J" "(.items[] | select(.kind == \"ClusterRole\" and .metadata.name == \"sbom-operator\") | .rules) == $CLUSTER_RULES"
  check "overlay $overlay: Role sbom-operator: leases get/create/update" \
    jq_true "$J" "(.items[] | select(.kind == \"Role\" and .metadata.name == \"sbom-operator\") | .rules) == $LEASE_RULES"
  check "overlay $overlay: every binding binds the ServiceAccount sbom-operator/sbom-operator to a rendered role" \
    jq_true "$J" '. as $all | [.items[] | select(.kind | endswith("Binding"))] | length > 0 and all(.subjects == [{"kind":"ServiceAccount","name":"sbom-operator","namespace":"sbom-operator"}] and (.roleRef as $r | [$all.items[] | select(.kind == $r.kind and .metadata.name == $r.name)] | length == 1))'
  if [ "$overlay" = job-image ]; then
    check "overlay job-image: Role sbom-operator-jobs: secrets create/get/list/patch/delete, jobs create/get/list/watch/delete" \
      jq_true "$J" "(.items[] | select(.kind == \"Role\" and .metadata.name == \"sbom-operator-jobs\") | .rules) == $JOB_RULES"
  else
    check "overlay standard: no rights on jobs or configmaps" \
      jq_true "$J" '[.items[] | select(.kind | IN("Role","ClusterRole")) | .rules[].resources[]] | (index("jobs") == null and index("configmaps") == null)'
  fi
  check "overlay $overlay: Deployment env POD_NAMESPACE/POD_NAME/POD_UID from the downward API" \
    jq_true "$J" "[$C.env[] | {(.name): .valueFrom.fieldRef.fieldPath}] | add == {\"POD_NAMESPACE\":\"metadata.namespace\",\"POD_NAME\":\"metadata.name\",\"POD_UID\":\"metadata.uid\"}"
  check "overlay $overlay: Deployment probes /health (liveness) and /readyz (readiness) on the health port 8080" \
    jq_true "$J" "$C | .livenessProbe.httpGet.path == \"/health\" and .readinessProbe.httpGet.path == \"/readyz\" and .livenessProbe.httpGet.port == \"http\" and (.ports == [{\"name\":\"http\",\"containerPort\":8080,\"protocol\":\"TCP\"}])"
  check "overlay $overlay: Deployment runs as 65532, non-root, read-only root, no capabilities, RuntimeDefault seccomp, no privilege escalation" \
    jq_true "$J" "$D.spec.template.spec.securityContext as \$p | $C.securityContext as \$c | \$p.runAsNonRoot and \$p.runAsUser == 65532 and \$p.seccompProfile.type == \"RuntimeDefault\" and \$c.readOnlyRootFilesystem and \$c.capabilities.drop == [\"ALL\"] and \$c.allowPrivilegeEscalation == false"
  check "overlay $overlay: Deployment resources 50m/128Mi requested, 1 CPU/512Mi limit; terminationGracePeriodSeconds 30" \
    jq_true "$J" "$C.resources == {\"requests\":{\"cpu\":\"50m\",\"memory\":\"128Mi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"512Mi\"}} and $D.spec.template.spec.terminationGracePeriodSeconds == 30"
  check "overlay $overlay: Deployment has emptyDir volumes at /tmp and /work" \
    jq_true "$J" "$D.spec.template.spec as \$s | [\$s.containers[0].volumeMounts[] | select(.mountPath == \"/tmp\" or .mountPath == \"/work\") | .name] as \$n | (\$n | length) == 2 and ([\$s.volumes[] | select(.name | IN(\$n[])) | .emptyDir] | length == 2 and all(. != null))"
  check "overlay $overlay: the generated ConfigMap is mounted at /etc/sbom-operator and passed with --config" \
    jq_true "$J" ". as \$all | $D.spec.template.spec as \$s | (\$s.volumes[] | select(.name == \"config\") | .configMap.name) as \$cm | ([\$all.items[] | select(.kind == \"ConfigMap\" and .metadata.name == \$cm and (.data | has(\"sbom-operator.properties\")))] | length == 1) and (\$s.containers[0].args | index(\"--config=/etc/sbom-operator/sbom-operator.properties\")) != null and ([\$s.containers[0].volumeMounts[] | select(.name == \"config\" and .mountPath == \"/etc/sbom-operator\")] | length == 1)"
done
check "overlay standard: the configuration selects the syft backend, targets git, health-port 8080, git-workingtree on the /work emptyDir" \
  jq_true "$RENDER/standard.json" '(.items[] | select(.kind == "ConfigMap") | .data["sbom-operator.properties"]) as $p | ($p | test("(?m)^backend = syft$")) and ($p | test("(?m)^targets = git$")) and ($p | test("(?m)^health-port = 8080$")) and ($p | test("(?m)^git-workingtree = /work$"))'
check "overlay job-image: the configuration selects the jobimage backend and health-port 8080" \
  jq_true "$RENDER/job-image.json" '(.items[] | select(.kind == "ConfigMap") | .data["sbom-operator.properties"]) as $p | ($p | test("(?m)^backend = jobimage$")) and ($p | test("(?m)^job-image = ")) and ($p | test("(?m)^health-port = 8080$"))'
# The configmap target's component, enabled as the standard overlay's comment
# says (kustomize accepts only relative paths).
CM_DIR="$WORK/configmap-overlay"
mkdir -p "$CM_DIR"
cat >"$CM_DIR/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $(realpath --relative-to="$CM_DIR" "$SRC/deploy/overlays/standard")
components:
  - $(realpath --relative-to="$CM_DIR" "$SRC/deploy/components/configmap-target")
EOF
CONFIGMAP_RULES='[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list","create","update","delete"]}]'
start_sim "$WORK/configmap-sim" --no-job-controller || fail "kube-sim starts for the configmap component check"
if render "$CM_DIR" "$CM_DIR" out && to_json "$CM_DIR" out "$WORK/configmap-sim/admin.kubeconfig"; then
  check "component configmap-target: ClusterRole sbom-operator-configmaps grants configmaps get/list/create/update/delete to the ServiceAccount" \
    jq_true "$CM_DIR/out.json" "(.items[] | select(.kind == \"ClusterRole\" and .metadata.name == \"sbom-operator-configmaps\") | .rules) == $CONFIGMAP_RULES and ([.items[] | select(.kind == \"ClusterRoleBinding\" and .roleRef.name == \"sbom-operator-configmaps\" and .subjects == [{\"kind\":\"ServiceAccount\",\"name\":\"sbom-operator\",\"namespace\":\"sbom-operator\"}])] | length == 1)"
else
  fail "component configmap-target renders with the standard overlay"
fi
stop_sim

# ================================================================ 2. server dry run
for overlay in "${OVERLAYS[@]}"; do
  dir="$WORK/dry-run-$overlay"
  J="$RENDER/$overlay.json"
  [ -s "$J" ] || { fail "overlay $overlay: dry run needs the rendered objects"; continue; }
  start_sim "$dir" --no-job-controller || { fail "kube-sim starts for the dry run of $overlay"; continue; }
  K=(kubectl --kubeconfig "$dir/admin.kubeconfig")
  select_stream "$J" '.kind == "Namespace"' >"$dir/namespace.yaml"
  select_stream "$J" '.kind != "Namespace"' >"$dir/objects.yaml"
  total=$(jq '.items | length' "$J")
  # The Namespace first: the namespaced objects need it to exist, also in a dry run.
  if "${K[@]}" create --dry-run=server --validate=strict -f "$dir/namespace.yaml" >"$dir/ns.out" 2>&1 \
    && "${K[@]}" create -f "$dir/namespace.yaml" >>"$dir/ns.out" 2>&1 \
    && "${K[@]}" create --dry-run=server --validate=strict -o json -f "$dir/objects.yaml" >"$dir/dry-run.json" 2>"$dir/dry-run.err"; then
    count=$(( $(as_list "$dir/dry-run.json" | jq '.items | length') + 1 ))
    check "overlay $overlay: kubectl create --dry-run=server --validate=strict accepts all $total objects" equals "$total" "$count"
    "${K[@]}" get deployments,serviceaccounts,roles,rolebindings,configmaps -n sbom-operator -o name >"$dir/stored" 2>&1
    "${K[@]}" get clusterroles,clusterrolebindings -o name >>"$dir/stored" 2>&1
    check "overlay $overlay: the dry run stored nothing" equals "" "$(cat "$dir/stored")"
  else
    fail "overlay $overlay: kubectl create --dry-run=server --validate=strict accepts every object: $(cat "$dir/ns.out" "$dir/dry-run.err" 2>/dev/null)"
  fi
  stop_sim
done

dir="$WORK/dry-run-bad"
mkdir -p "$dir"
if render "$dir" "$SRC/tests/deploy/overlays/bad-deployment" bad; then
  start_sim "$dir" --no-job-controller
  printf '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"sbom-operator"}}' >"$dir/namespace.json"
  kubectl --kubeconfig "$dir/admin.kubeconfig" create -f "$dir/namespace.json" >/dev/null 2>&1
  if kubectl --kubeconfig "$dir/admin.kubeconfig" create --dry-run=server --validate=strict -f "$dir/bad.yaml" >"$dir/out" 2>&1; then
    fail "an overlay rendering an invalid Deployment fails the strict dry run"
  else
    check "an overlay rendering an invalid Deployment fails the strict dry run, naming the object and the field" \
      contains "$dir/out" 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].livenessProbe.httpGett"'
  fi
  stop_sim
else
  fail "the bad-deployment test overlay renders"
fi

# ================================================================ 3. RBAC
# A cluster with pods in two namespaces; only `shop` carries the label the
# operator is restricted to (namespaces list/watch), and one pod pulls through
# a pull secret (secrets get in the pod's namespace).
digest() { printf 'sha256:%064d' "$1"; }
pod_json() { # ns name container repo digest-number [pull-secret]
  local secrets="[]"
  [ -n "${6:-}" ] && secrets="[{\"name\":\"$6\"}]"
  cat <<EOF
{"apiVersion":"v1","kind":"Pod","metadata":{"name":"$2","namespace":"$1"},
 "spec":{"imagePullSecrets":$secrets,"containers":[{"name":"$3","image":"$4:1.0"}]},
 "status":{"phase":"Running","containerStatuses":[{"name":"$3","image":"$4:1.0","imageID":"$4@$(digest "$5")","ready":true,"restartCount":0}]}}
EOF
}
write_seed() {
  local auth
  auth=$(printf '{"auths":{"registry.example.com":{"auth":"%s"}}}' "$(printf 'u:p' | base64 -w0)" | base64 -w0)
  cat >"$1" <<EOF
{"apiVersion":"v1","kind":"List","items":[
 {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop","labels":{"sbom-scan":"true"}}},
 {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"other"}},
 {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson","metadata":{"name":"regcred","namespace":"shop"},"data":{".dockerconfigjson":"$auth"}},
 $(pod_json shop web web registry.example.com/shop/web 1),
 $(pod_json shop api api registry.example.com/shop/api 2 regcred),
 $(pod_json other tool tool registry.example.com/other/tool 3)
]}
EOF
}
annotation() { # kubeconfig ns pod container
  kubectl --kubeconfig "$1" get pod -n "$2" "$3" -o json | jq -r --arg c "$4" '.metadata.annotations["ckotzbauer.sbom-operator.io/" + $c] // ""'
}

# rbac_run NAME OVERLAY_DIR [operator flags]: kube-sim with RBAC enforcement,
# the rendered overlay created by the admin, the operator run once with the
# service account's token and the overlay's own configuration file.
rbac_run() {
  local name="$1" overlay="$2"
  shift 2
  local dir="$WORK/rbac-$name"
  mkdir -p "$dir"
  write_seed "$dir/seed.json"
  render "$dir" "$overlay" objects || return 1
  start_sim "$dir" --rbac --seed "$dir/seed.json" --default-job-outcome succeed --default-job-seconds 0.5 \
    --service-account-kubeconfig-out "sbom-operator/sbom-operator=$dir/sa.kubeconfig" || return 1
  kubectl --kubeconfig "$dir/admin.kubeconfig" create --validate=strict -f "$dir/objects.yaml" >"$dir/install.out" 2>&1 \
    || { cat "$dir/install.out" >&2; return 1; }
  kubectl --kubeconfig "$dir/admin.kubeconfig" get configmaps -n sbom-operator -o json \
    | jq -r '.items[] | select(.metadata.name | startswith("sbom-operator-config")) | .data["sbom-operator.properties"]' >"$dir/sbom-operator.properties"
  [ -s "$dir/sbom-operator.properties" ] || { echo "    no operator configuration in the installed ConfigMap" >&2; return 1; }
  POD_NAMESPACE=sbom-operator timeout 120 "$OPERATOR" --once --config="$dir/sbom-operator.properties" \
    --kubeconfig="$dir/sa.kubeconfig" --health-port=0 --plugin-dir="$PLUGIN_DIR" \
    --namespace-label-selector=sbom-scan=true --job-timeout=60 "$@" >"$dir/operator.out" 2>"$dir/operator.log"
  echo $? >"$dir/exit-code"
  return 0
}
rbac_checks_annotated() { # name
  local dir="$WORK/rbac-$1" admin="$WORK/rbac-$1/admin.kubeconfig"
  check "rbac $1: the operator completes its cycle with the service account's rights (exit code 0)" equals 0 "$(cat "$dir/exit-code")"
  check "rbac $1: no request of the operator was forbidden" not_contains "$dir/operator.log" "forbidden"
  check "rbac $1: shop/web annotated with its imageID" equals "registry.example.com/shop/web@$(digest 1)" "$(annotation "$admin" shop web web)"
  check "rbac $1: shop/api (pull secret) annotated with its imageID" equals "registry.example.com/shop/api@$(digest 2)" "$(annotation "$admin" shop api api)"
  check "rbac $1: other/tool (namespace not selected) not annotated" equals "" "$(annotation "$admin" other tool tool)"
}
rbac_checks_lease() { # name: leader election ran with the Role's lease rights
  local dir="$WORK/rbac-$1"
  check "rbac $1: leader election created the Lease sbom-operator/sbom-operator, led, and released it at exit (get/create/update)" \
    test "$(contains "$dir/operator.log" "became the leader (lease sbom-operator/sbom-operator)" && contains "$dir/operator.log" "released lease sbom-operator/sbom-operator" \
      && kubectl --kubeconfig "$dir/admin.kubeconfig" get lease -n sbom-operator sbom-operator -o name 2>&1)" = "lease.coordination.k8s.io/sbom-operator"
}
rbac_checks_denied() { # name expected-forbidden-message
  local dir="$WORK/rbac-$1" admin="$WORK/rbac-$1/admin.kubeconfig"
  check "rbac $1: the operator fails the cycle (exit code 1)" equals 1 "$(cat "$dir/exit-code")"
  check "rbac $1: the operator reports the 403: $2" contains "$dir/operator.log" "$2"
  check "rbac $1: no pod annotated" equals "|" "$(annotation "$admin" shop web web)|$(annotation "$admin" shop api api)"
}
rbac_case_denied() { # name overlay-dir expected-forbidden-message: an overlay whose Role lacks one right
  if rbac_run "$1" "$2"; then
    rbac_checks_denied "$1" "$3"
  else
    fail "rbac $1: cluster installed and operator run"
  fi
  stop_sim
}

if rbac_run job-image "$SRC/deploy/overlays/job-image" --leader-elect=true; then
  rbac_checks_annotated job-image
  rbac_checks_lease job-image
  dir="$WORK/rbac-job-image"
  kubectl --kubeconfig "$dir/admin.kubeconfig" get --raw /_sim/stats >"$dir/stats.json" 2>&1
  check "rbac job-image: the scan ran as a Job created by the operator (one Job create, one Secret create)" \
    jq_true "$dir/stats.json" '.requests.create.jobs == 1 and .requests.create.secrets == 1'
  kubectl --kubeconfig "$dir/sa.kubeconfig" get configmaps -A >"$dir/denied.out" 2>&1
  check "rbac job-image: kube-sim enforces RBAC for the token (configmaps list denied with the real server's message)" \
    contains "$dir/denied.out" "configmaps is forbidden: User \"$SA_USER\" cannot list resource \"configmaps\" in API group \"\" at the cluster scope"
  kubectl --kubeconfig "$dir/sa.kubeconfig" get secrets -n shop >"$dir/denied-secrets.out" 2>&1
  check "rbac job-image: the service account cannot list Secrets" \
    contains "$dir/denied-secrets.out" "secrets is forbidden: User \"$SA_USER\" cannot list resource \"secrets\" in API group \"\" in the namespace \"shop\""
else
  fail "rbac job-image: cluster installed and operator run"
fi
stop_sim

rbac_case_denied job-image-without-pod-patch "$SRC/tests/deploy/overlays/job-image-without-pod-patch" \
  "cannot annotate pod shop/api: Forbidden: 403 Forbidden: pods \"api\" is forbidden: User \"$SA_USER\" cannot patch resource \"pods\" in API group \"\" in the namespace \"shop\""

rbac_case_denied job-image-without-job-create "$SRC/tests/deploy/overlays/job-image-without-job-create" \
  "jobs.batch is forbidden: User \"$SA_USER\" cannot create resource \"jobs\" in API group \"batch\" in the namespace \"sbom-operator\""

if rbac_run standard "$SRC/deploy/overlays/standard" --leader-elect=true --backend="$SCRIPTED" --scripted-output="$WORK/rbac-standard/batches.jsonl"; then
  rbac_checks_annotated standard
  rbac_checks_lease standard
else
  fail "rbac standard: cluster installed and operator run"
fi
stop_sim

# ================================================================ 4. docs
# config_doc_diff DOC TABLE: one line per key whose row differs, is missing
# from DOC or is in DOC but no longer a key.
doc_rows() { # file -> "key<TAB>row" for every table row between the markers (or every row of a bare table)
  awk -v begin="$BEGIN_MARK" -v end="$END_MARK" '
    $0 == begin { inside = 1; marked = 1; next }
    $0 == end { inside = 0; next }
    { lines[NR] = $0; in_block[NR] = inside }
    END {
      for (i = 1; i <= NR; i++) {
        if (marked && !in_block[i]) continue
        line = lines[i]
        if (line !~ /^\| /) continue
        n = split(line, cells, " \\| ")
        key = cells[1]; sub(/^\| /, "", key)
        if (key == "" || key == "|") key = cells[2]
        gsub(/`/, "", key); gsub(/ /, "", key)
        if (key == "Option") continue
        print key "\t" line
      }
    }' "$1" | sort
}
config_doc_diff() {
  join -t $'\t' -a 1 -a 2 -e '<none>' -o 0,1.2,2.2 <(doc_rows "$1") <(doc_rows "$2") | awk -F '\t' -v doc="$(basename "$1")" '
    $2 == "<none>" { printf "%s: key %s is missing (sbom-operator --help has it)\n", doc, $1; next }
    $3 == "<none>" { printf "%s: key %s is not a key of sbom-operator --help\n", doc, $1; next }
    $2 != $3 { printf "%s: key %s differs from sbom-operator --help\n", doc, $1 }'
}
DOCS="$WORK/docs"
mkdir -p "$DOCS"
if "$CONFIG_DOC" >"$DOCS/generated.md" 2>"$DOCS/generator.err"; then
  check "the configuration table has a row per key ($(doc_rows "$DOCS/generated.md" | wc -l) keys)" \
    test "$(doc_rows "$DOCS/generated.md" | wc -l)" -gt 40
  if [ -f "$DOC" ] && grep -qF "$BEGIN_MARK" "$DOC" && grep -qF "$END_MARK" "$DOC"; then
    config_doc_diff "$DOC" "$DOCS/generated.md" >"$DOCS/diff"
    check "docs/configuration.md is in sync with sbom-operator --help (else: deploy-test.sh --source . --config-doc <build>/bin/sbomop-config-doc --update-config-doc)" \
      equals "" "$(cat "$DOCS/diff")"
  else
    fail "docs/configuration.md exists and has the generated-table markers"
  fi
  # The comparison itself: a document with one key dropped, one changed and
  # one that no longer exists must be reported, naming each key.
  grep -vF '| `--git-branch' "$DOC" | sed 's/^\(| `--cron`.*\)Cron expression/\1Crontab/' >"$DOCS/stale.md"
  sed -i "s/^$(printf '%s' "$END_MARK" | sed 's/[][\/.*^$]/\\&/g')\$/| \`--git-flavour\` | \`SBOM_GIT_FLAVOUR\` | Git target | string | \`\` | Gone. |\n&/" "$DOCS/stale.md"
  config_doc_diff "$DOCS/stale.md" "$DOCS/generated.md" >"$DOCS/stale.diff"
  check "an out-of-sync docs/configuration.md is reported naming the keys (missing, changed, unknown)" \
    equals "stale.md: key --cron differs from sbom-operator --help
stale.md: key --git-branch is missing (sbom-operator --help has it)
stale.md: key --git-flavour is not a key of sbom-operator --help" "$(cat "$DOCS/stale.diff")"
else
  fail "sbomop-config-doc prints the configuration table: $(cat "$DOCS/generator.err")"
fi

finish
