#!/usr/bin/env bash
# End-to-end test of job-images/trivy/entrypoint.sh without the operator.
#
#   entrypoint-test.sh <source-dir> <work-dir> [--dtrack-sim <path>]
#
# Starts the TLS + basic-auth registry (tests/support/registry), builds and
# pushes the three test images, starts the Dependency-Track double when given,
# and runs the entrypoint inside the bubblewrap sandbox a simulated kubelet
# uses: host / read-only, the job's folder at /sbom, loopback network, a
# private /tmp, tools under /opt/sbom-operator. Prints "ok"/"not ok" per check
# and a final "N passed, N failed" line; exits non-zero when a check failed.
# Skips (exit 0) only when trivy cannot be installed.
# shellcheck disable=SC2317 # helpers run indirectly, through check and trap
set -uo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 <source-dir> <work-dir> [--dtrack-sim <path>]" >&2
  exit 2
fi
SRC="$(cd "$1" && pwd)"
mkdir -p "$2"
WORK="$(cd "$2" && pwd)"
DTRACK_SIM=""
if [ "${3:-}" = "--dtrack-sim" ]; then
  DTRACK_SIM="${4:-}"
fi

ENTRYPOINT="$SRC/job-images/trivy/entrypoint.sh"
REGISTRY_SCRIPTS="$SRC/tests/support/registry"
REG="$WORK/registry"
dtrack_pid=""
# shellcheck source=../support/lib/checks.sh
. "$SRC/tests/support/lib/checks.sh"

finish() {
  finish_checks
}
abort() {
  fail "$1"
  finish
}

cleanup() {
  if [ -n "$dtrack_pid" ]; then
    kill "$dtrack_pid" 2>/dev/null
    wait "$dtrack_pid" 2>/dev/null
  fi
  bash "$REGISTRY_SCRIPTS/stop-registry.sh" "$REG" >/dev/null 2>&1
  rm -rf "$REG/oci" "$REG/data"
  rm -f "$WORK/dt-key" "$WORK/dt-headers" "$WORK/dtrack.pid"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# --- prerequisites ------------------------------------------------------------

for tool in bwrap docker-registry skopeo umoci htpasswd openssl jq curl ss; do
  command -v "$tool" >/dev/null 2>&1 || abort "prerequisite $tool is installed (run scripts/install-deps.sh)"
done

if ! TRIVY="$(bash "$SRC/scripts/install-trivy.sh" 2>"$WORK/install-trivy.log")"; then
  echo "SKIPPED: trivy cannot be installed (npm registry unreachable?):"
  tail -n 5 "$WORK/install-trivy.log"
  echo "0 passed, 0 failed"
  exit 0
fi
case "$TRIVY" in
/opt/* | /usr/*) ;;
*) abort "trivy is installed under /opt or /usr, visible in the sandbox (got $TRIVY)" ;;
esac

if [ -n "$DTRACK_SIM" ] && [ ! -x "$DTRACK_SIM" ]; then
  abort "dtrack-sim is built ($DTRACK_SIM missing: build the dtrack-sim target)"
fi

# Distinctive secrets, so a leak shows up in a plain text search.
REGISTRY_USER="sbom"
REGISTRY_PASSWORD="pw-$(openssl rand -hex 12)"
WRONG_PASSWORD="wrong-$(openssl rand -hex 12)"
API_KEY="odt_$(openssl rand -hex 16)"
export REGISTRY_USER REGISTRY_PASSWORD

# --- registry and images -------------------------------------------------------

# A run killed by ctest's timeout cannot clean up: stop what it left behind.
bash "$REGISTRY_SCRIPTS/stop-registry.sh" "$REG" >/dev/null 2>&1
if [ -s "$WORK/dtrack.pid" ] && [ -n "$DTRACK_SIM" ] \
  && tr '\0' ' ' <"/proc/$(cat "$WORK/dtrack.pid")/cmdline" 2>/dev/null | grep -qF -- "$DTRACK_SIM --port 0"; then
  kill "$(cat "$WORK/dtrack.pid")" 2>/dev/null
fi
rm -f "$WORK/dtrack.pid"
rm -rf "$REG/oci" "$REG/data"
if ! bash "$REGISTRY_SCRIPTS/start-registry.sh" "$REG" 0 >"$WORK/registry-start.log" 2>&1; then
  cat "$WORK/registry-start.log"
  abort "registry starts with TLS and basic auth"
fi
PORT="$(cat "$REG/registry.port")"
HOST="127.0.0.1:$PORT"
check "registry rejects anonymous requests with 401" \
  test "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$REG/certs/ca.crt" "https://$HOST/v2/")" = 401

if ! bash "$REGISTRY_SCRIPTS/build-images.sh" "$REG" "$HOST" >"$WORK/images.log" 2>&1; then
  cat "$WORK/images.log"
  abort "test images are built and pushed"
fi
digest_of() { awk -v r="$HOST/$1:1.0" '$1 == "pushed" && $2 == r { print $3 }' "$REG/images.txt"; }
DEBIAN="$HOST/demo/debian@$(digest_of demo/debian)"
NODE="$HOST/demo/node@$(digest_of demo/node)"
PYTHON="$HOST/demo/python@$(digest_of demo/python)"
MISSING="$HOST/demo/missing@sha256:$(printf '0%.0s' $(seq 1 64))"
check "three images were pushed with digests" \
  test "$(grep -c '^pushed .* sha256:[0-9a-f]\{64\}$' "$REG/images.txt")" = 3

# --- Dependency-Track double ------------------------------------------------------

DT_URL=""
if [ -n "$DTRACK_SIM" ]; then
  (umask 077 && printf '%s\n' "$API_KEY" >"$WORK/dt-key")
  "$DTRACK_SIM" --port 0 --api-key-file "$WORK/dt-key" >"$WORK/dtrack.out" 2>"$WORK/dtrack.err" &
  dtrack_pid=$!
  echo "$dtrack_pid" >"$WORK/dtrack.pid"
  for _ in $(seq 1 100); do
    DT_URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/dtrack.out" | head -n 1)"
    [ -n "$DT_URL" ] && break
    kill -0 "$dtrack_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$DT_URL" ]; then
    cat "$WORK/dtrack.err"
    abort "dtrack-sim starts and prints its URL"
  fi
else
  echo "NOTE: dtrack-sim is not part of this build: Dependency-Track checks were not run (counted neither passed nor failed)"
fi

# --- the sandbox ------------------------------------------------------------------

# run_job <run-dir> [VAR=value...]: runs the entrypoint like the simulated
# kubelet: <run-dir>/sbom at /sbom (holding image-config.json), the job's env
# only. Test-only binds: <run-dir>/tmp at /tmp (to see what the job leaves in
# its /tmp), <run-dir>/out at /out (OUTPUT_DIR), the registry CA at /ca.
# Output goes to <run-dir>/output, the exit code to <run-dir>/rc.
run_job() {
  local dir="$1" entry name
  shift
  local args=()
  for entry in /*; do
    name="${entry#/}"
    case "$name" in
    proc | dev | sys | tmp | run | lost+found | sbom | out | ca | entrypoint.sh) continue ;;
    esac
    if [ -L "$entry" ]; then
      args+=(--symlink "$(readlink "$entry")" "$entry")
    elif [ -d "$entry" ]; then
      args+=(--ro-bind "$entry" "$entry")
    fi
  done
  mkdir -p "$dir/tmp" "$dir/out"
  args+=(--dev /dev --proc /proc --tmpfs /run
    --bind "$dir/sbom" /sbom --ro-bind "$ENTRYPOINT" /entrypoint.sh
    --bind "$dir/tmp" /tmp --bind "$dir/out" /out --ro-bind "$REG/certs.d" /ca
    --chdir /sbom --unshare-pid --unshare-ipc --unshare-uts --hostname sbom-job --die-with-parent
    --clearenv --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    --setenv HOME /root --setenv HOSTNAME sbom-job)
  local assignment
  for assignment in "$@"; do
    args+=(--setenv "${assignment%%=*}" "${assignment#*=}")
  done
  bwrap "${args[@]}" /bin/sh /entrypoint.sh >"$dir/output" 2>&1
  echo $? >"$dir/rc"
}

# new_run <name> <config json>: a fresh run folder with /sbom/image-config.json.
new_run() {
  local dir="$WORK/$1"
  rm -rf "$dir"
  mkdir -p "$dir/sbom"
  printf '%s\n' "$2" >"$dir/sbom/image-config.json"
  echo "$dir"
}

entry() { # entry <image> <password> <pods json> [pull-image]
  jq -cn --arg host "$HOST" --arg user "$REGISTRY_USER" --arg pw "$2" --arg image "$1" \
    --argjson pods "$3" --arg pull "${4:-}" \
    '{"registry-host": $host, "registry-user": $user, "registry-password": $pw, "image": $image, "pods": $pods}
     + (if $pull == "" then {} else {"pull-image": $pull} end)'
}

JOB_ENV=(TRIVY_BIN="$TRIVY" REGISTRY_CA_FILE=/ca/ca.crt OUTPUT_DIR=/out)
DT_ENV=()
if [ -n "$DT_URL" ]; then
  DT_ENV=(DTRACK_URL="$DT_URL" DTRACK_API_KEY="$API_KEY")
fi

sbom_file() { # sbom_file <run-dir> <image>
  printf '%s/out/%s/sbom.json' "$1" "$(printf '%s' "$2" | tr '@:' '/_')"
}
components_are() { # components_are <file> <count>
  [ -f "$1" ] && [ "$(jq -r 'select(.bomFormat == "CycloneDX") | .components | length' "$1")" = "$2" ]
}
output_has() { grep -qxF -- "$2" "$1/output"; }
output_has_prefix() { grep -q -- "^$(printf '%s' "$2" | sed 's/[.[\*^$]/\\&/g')" "$1/output"; }
not_in_output() { ! grep -qF -- "$2" "$1/output"; }
dir_is_empty() { [ -z "$(ls -A "$1")" ]; }
only_config_left() { [ "$(ls -A "$1/sbom")" = "image-config.json" ]; }
exit_code_is() { [ "$(cat "$1/rc")" = "$2" ]; }
sbom_count_is() { [ "$(find "$1/out" -name sbom.json | wc -l)" -eq "$2" ]; }

# dt_project <name> <version>: the project JSON from /api/v1/project/lookup, or nothing.
dt_project() {
  curl -s -f -G -H "@$WORK/dt-headers" --data-urlencode "name=$1" --data-urlencode "version=$2" \
    "$DT_URL/api/v1/project/lookup"
}
dt_has_tags() { # dt_has_tags <name> <version> <tag>...
  local json tag
  json="$(dt_project "$1" "$2")" || return 1
  shift 2
  for tag in "$@"; do
    jq -e --arg t "$tag" '[.tags[]?.name] | index($t) != null' <<<"$json" >/dev/null || return 1
  done
}
dt_lacks_tag() { # dt_lacks_tag <name> <version> <tag>: the project exists without that tag
  local json
  json="$(dt_project "$1" "$2")" || return 1
  jq -e --arg t "$3" '[.tags[]?.name] | index($t) == null' <<<"$json" >/dev/null
}
dt_absent() { ! dt_project "$1" "$2" >/dev/null; }
(umask 077 && printf 'X-Api-Key: %s\n' "$API_KEY" >"$WORK/dt-headers")

# --- run 1: two good images, a wrong password, a missing image ---------------------

PODS_DEBIAN='[{"pod":"shop-7d9f","namespace":"shop","cluster":"test-cluster"},{"pod":"web-1","namespace":"web","cluster":"test-cluster"}]'
PODS_NODE='[{"pod":"api-0","namespace":"shop","cluster":"test-cluster"}]'
config="[$(entry "$DEBIAN" "$REGISTRY_PASSWORD" "$PODS_DEBIAN"),$(entry "$NODE" "$REGISTRY_PASSWORD" "$PODS_NODE"),$(entry "$PYTHON" "$WRONG_PASSWORD" "$PODS_NODE"),$(entry "$MISSING" "$REGISTRY_PASSWORD" "$PODS_NODE")]"
run1="$(new_run run1 "$config")"
run_job "$run1" "${JOB_ENV[@]}" "${DT_ENV[@]}"
echo "--- run 1 output"
cat "$run1/output"
echo "---"
check "run 1 exits 1 when some images failed" exit_code_is "$run1" 1
check "debian image SBOM has 5 CycloneDX components" components_are "$(sbom_file "$run1" "$DEBIAN")" 5
check "node image SBOM has 7 CycloneDX components" components_are "$(sbom_file "$run1" "$NODE")" 7
check "debian image reported ok with its count" output_has_prefix "$run1" "ok $DEBIAN components=5 -> "
check "node image reported ok with its count" output_has_prefix "$run1" "ok $NODE components=7 -> "
check "image with the wrong password reported FAILED by name" output_has_prefix "$run1" "FAILED $PYTHON: "
check "missing image reported FAILED by name" output_has_prefix "$run1" "FAILED $MISSING: "
check "no SBOM file for the failed images" sbom_count_is "$run1" 2
check "summary line counts 2 ok and 2 failed" output_has "$run1" "done: 4 images, 2 ok, 2 failed"
check "registry password never printed" not_in_output "$run1" "$REGISTRY_PASSWORD"
check "wrong password never printed" not_in_output "$run1" "$WRONG_PASSWORD"
check "API key never printed" not_in_output "$run1" "$API_KEY"
check "job leaves nothing in /tmp" dir_is_empty "$run1/tmp"
check "job leaves /sbom as it found it" only_config_left "$run1"
if [ -n "$DT_URL" ]; then
  check "DT project for the debian image carries cluster, operator, namespace and pod tags" \
    dt_has_tags "$HOST/demo/debian" "${DEBIAN#*@}" kubernetes-cluster=test-cluster sbom-operator \
    namespace=shop namespace=web pod=shop/shop-7d9f pod=web/web-1
  check "DT project for the node image exists with its tags" \
    dt_has_tags "$HOST/demo/node" "${NODE#*@}" kubernetes-cluster=test-cluster sbom-operator namespace=shop pod=shop/api-0
  check "no DT project for the image with the wrong password" dt_absent "$HOST/demo/python" "${PYTHON#*@}"
  check "no DT project for the missing image" dt_absent "$HOST/demo/missing" "${MISSING#*@}"
fi

# --- run 2: only good images, one pulled through a proxy reference --------------------

PROXIED="docker.io/demo/python@${PYTHON#*@}"
PODS_PYTHON='[{"pod":"worker-b","namespace":"jobs","cluster":"test-cluster"},{"pod":"worker-a","namespace":"jobs","cluster":"test-cluster"}]'
config="[$(entry "$DEBIAN" "$REGISTRY_PASSWORD" "$PODS_DEBIAN"),$(entry "$NODE" "$REGISTRY_PASSWORD" "$PODS_NODE"),$(entry "$PROXIED" "$REGISTRY_PASSWORD" "$PODS_PYTHON" "$PYTHON")]"
run2="$(new_run run2 "$config")"
run_job "$run2" "${JOB_ENV[@]}" "${DT_ENV[@]}" DTRACK_POD_TAG_LIMIT=1
echo "--- run 2 output"
cat "$run2/output"
echo "---"
check "run 2 exits 0 when every image succeeded" exit_code_is "$run2" 0
check "proxied python image SBOM filed under its image name with 6 components" \
  components_are "$(sbom_file "$run2" "$PROXIED")" 6
check "proxied python image reported ok by its image name" output_has_prefix "$run2" "ok $PROXIED components=6 -> "
check "run 2 summary counts 3 ok" output_has "$run2" "done: 3 images, 3 ok, 0 failed"
check "run 2 leaves nothing in /tmp" dir_is_empty "$run2/tmp"
check "run 2 registry password never printed" not_in_output "$run2" "$REGISTRY_PASSWORD"
if [ -n "$DT_URL" ]; then
  check "DT project named after the image, not the pull reference" \
    dt_has_tags "docker.io/demo/python" "${PYTHON#*@}" sbom-operator namespace=jobs pod=jobs/worker-a
  check "DTRACK_POD_TAG_LIMIT caps the pod tags" dt_lacks_tag "docker.io/demo/python" "${PYTHON#*@}" pod=jobs/worker-b
fi

# --- run 3: SPDX JSON, registry CA not given but TLS verification off ---------------------------------------------------------------

run3="$(new_run run3 "[$(entry "$DEBIAN" "$REGISTRY_PASSWORD" "$PODS_DEBIAN")]")"
run_job "$run3" TRIVY_BIN="$TRIVY" OUTPUT_DIR=/out REGISTRY_INSECURE=true SBOM_FORMAT=spdx-json
spdx_packages_are() {
  [ "$(jq -r 'select(.spdxVersion != null) | .packages | length' "$(sbom_file "$run3" "$DEBIAN")")" = "$1" ]
}
check "SPDX run with REGISTRY_INSECURE=true and no CA exits 0" exit_code_is "$run3" 0
check "SPDX document of the debian image has 6 packages" spdx_packages_are 6
check "SPDX run reports the package count" output_has_prefix "$run3" "ok $DEBIAN components=6 -> "

# --- run 4: Dependency-Track rejects the key ---------------------------------------------

if [ -n "$DT_URL" ]; then
  run4="$(new_run run4 "[$(entry "$NODE" "$REGISTRY_PASSWORD" "$PODS_NODE")]")"
  run_job "$run4" "${JOB_ENV[@]}" DTRACK_URL="$DT_URL" DTRACK_API_KEY="odt_not-a-valid-key"
  check "rejected upload makes the job exit 1" exit_code_is "$run4" 1
  check "rejected upload reported with the HTTP status" \
    grep -q "^FAILED $NODE: Dependency-Track answered HTTP 401" "$run4/output"
  check "rejected key never printed" not_in_output "$run4" "odt_not-a-valid-key"
fi

# --- runs 5-7: no images, arguments, bad settings ------------------------------------------

run5="$(new_run run5 "[]")"
run_job "$run5" "${JOB_ENV[@]}"
check "empty image list exits 0" exit_code_is "$run5" 0

run6="$(new_run run6 "[]")"
TRIVY_BIN="$TRIVY" OUTPUT_DIR="$run6/out" SBOM_CONFIG_FILE="$run6/sbom/image-config.json" \
  sh "$ENTRYPOINT" --verbose >"$run6/output" 2>&1
echo $? >"$run6/rc"
check "command-line arguments are refused with exit 2" exit_code_is "$run6" 2
check "refusal names the reason" grep -q "command-line arguments are not supported" "$run6/output"

run7="$(new_run run7 "[$(entry "$DEBIAN" "$REGISTRY_PASSWORD" "$PODS_DEBIAN")]")"
run_job "$run7" TRIVY_BIN="$TRIVY" REGISTRY_CA_FILE=/ca/ca.crt
check "a job without destination exits 2" exit_code_is "$run7" 2

# --- runs 8-9: a misbehaving trivy (script logic, outside the sandbox) ----------------------

FAKE_TRIVY="$WORK/fake-trivy"
install -m 755 "$SRC/tests/jobimagescript/fake-trivy.sh" "$FAKE_TRIVY"
CHATTY_PASSWORD="chatty-$(openssl rand -hex 8)"
# fake_env <run-dir>: the job's env with the fake trivy and TMPDIR=<run-dir>/tmp.
fake_env() {
  mkdir -p "$1/tmp" "$1/out"
  FAKE_ENV=(PATH="$PATH" TMPDIR="$1/tmp" TRIVY_BIN="$FAKE_TRIVY" OUTPUT_DIR="$1/out"
    SBOM_CONFIG_FILE="$1/sbom/image-config.json" FAKE_TRIVY_PIDFILE="$1/fake-trivy.pid")
}
FAKE_OK="fake.local/demo/ok@sha256:$(printf 'a%.0s' $(seq 1 64))"
FAKE_EMPTY="fake.local/demo/exit0-empty@sha256:$(printf 'b%.0s' $(seq 1 64))"
FAKE_GARBAGE="fake.local/demo/garbage@sha256:$(printf 'c%.0s' $(seq 1 64))"
FAKE_CHATTY="fake.local/demo/chatty@sha256:$(printf 'd%.0s' $(seq 1 64))"
FAKE_SLOW="fake.local/demo/slow@sha256:$(printf 'e%.0s' $(seq 1 64))"

config="[$(entry "$FAKE_EMPTY" x '[]'),$(entry "$FAKE_GARBAGE" x '[]'),$(entry "$FAKE_CHATTY" "$CHATTY_PASSWORD" '[]'),$(entry "$FAKE_OK" x '[]'),\"oops\",$(entry --help x '[]')]"
run8="$(new_run run8 "$config")"
fake_env "$run8"
env -i "${FAKE_ENV[@]}" sh "$ENTRYPOINT" >"$run8/output" 2>&1
echo $? >"$run8/rc"
echo "--- run 8 output"
cat "$run8/output"
echo "---"
check "trivy exiting 0 without output counts as failure" \
  output_has_prefix "$run8" "FAILED $FAKE_EMPTY: trivy wrote no SBOM for $FAKE_EMPTY"
check "trivy writing a broken document counts as failure" \
  output_has_prefix "$run8" "FAILED $FAKE_GARBAGE: trivy wrote an invalid cyclonedx document"
check "trivy's own error is quoted with the password masked" \
  output_has_prefix "$run8" "FAILED $FAKE_CHATTY: trivy exited with status 1 while scanning $FAKE_CHATTY; trivy: FATAL	unable to authenticate with password *** to"
check "a password trivy prints never reaches the output" not_in_output "$run8" "$CHATTY_PASSWORD"
check "an entry that is no object is reported by position" output_has "$run8" "FAILED entry #4: not a JSON object"
check "an image reference that looks like an option is refused" \
  output_has "$run8" "FAILED entry #5: missing or malformed image reference"
check "the job goes on past failures" output_has "$run8" "done: 6 images, 1 ok, 5 failed"
check "failures make the job exit 1" exit_code_is "$run8" 1
check "the failing runs leave nothing in TMPDIR" dir_is_empty "$run8/tmp"

run9="$(new_run run9 "[$(entry "$FAKE_SLOW" x '[]'),$(entry "$FAKE_OK" x '[]')]")"
fake_env "$run9"
env -i "${FAKE_ENV[@]}" sh "$ENTRYPOINT" >"$run9/output" 2>&1 &
job_pid=$!
for _ in $(seq 1 100); do
  [ -s "$run9/fake-trivy.pid" ] && break
  sleep 0.1
done
trivy_pid="$(cat "$run9/fake-trivy.pid" 2>/dev/null)"
kill -TERM "$job_pid"
wait "$job_pid"
echo $? >"$run9/rc"
terminated_cleanly() {
  [ -n "$trivy_pid" ] && ! kill -0 "$trivy_pid" 2>/dev/null && dir_is_empty "$run9/tmp"
}
check "SIGTERM stops trivy and removes the job's temp folder" terminated_cleanly
terminated_early() { exit_code_is "$run9" 143 && sbom_count_is "$run9" 0; }
check "SIGTERM ends the job with status 143 without scanning the rest" terminated_early

finish
