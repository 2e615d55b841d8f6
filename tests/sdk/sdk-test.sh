#!/usr/bin/env bash
# SDK test: install → out-of-tree plugin build → host loads it by absolute path.
set -euo pipefail
build_dir=$1
source_dir=$2
work=$3

rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
passed=0
failed=0
check() {
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAILED: $what"; fi
}

cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log"
check "SDK headers installed" test -f "$prefix/include/sbomop/plugin/PluginApi.h"
check "CMake package installed" test -f "$prefix/lib/cmake/SbomOperator/SbomOperatorConfig.cmake"
check "built-in plugins installed" test -f "$prefix/lib/sbomop/plugins/libsbomop-syft.so"

cmake -S "$source_dir/examples/hello-backend" -B "$work/hello" -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log"
cmake --build "$work/hello" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
plugin="$work/hello/libsbomop-hello.so"
check "out-of-tree plugin built" test -f "$plugin"

# A cluster nobody answers for: the host starts, serves /health and keeps retrying.
kubeconfig="$work/kubeconfig"
cat >"$kubeconfig" <<JSON
{"apiVersion":"v1","kind":"Config","current-context":"c",
 "clusters":[{"name":"k","cluster":{"server":"http://127.0.0.1:9"}}],
 "users":[{"name":"u","user":{"token":"t0ken"}}],
 "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}]}
JSON

# The installed host must reject a missing plugin key with exit code 78 ...
set +e
"$prefix/bin/sbom-operator" --backend="$plugin" --kubeconfig="$kubeconfig" >"$work/missing.out" 2>"$work/missing.err"
rc=$?
set -e
check "missing plugin key exits 78" test "$rc" -eq 78
check "missing plugin key is named" grep -q "hello-output-dir" "$work/missing.err"

# ... and load it by absolute path, start it, and stop cleanly on SIGTERM.
"$prefix/bin/sbom-operator" --backend="$plugin" --hello-output-dir="$work/out" --health-port=0 --kubeconfig="$kubeconfig" \
  >"$work/host.out" 2>"$work/host.err" &
pid=$!
for _ in $(seq 1 100); do
  grep -q "hello backend started" "$work/host.err" && break
  sleep 0.1
done
check "host loaded the plugin by path" grep -q "loaded backend 'hello' from $plugin" "$work/host.err"
check "plugin started" grep -q "hello backend started" "$work/host.err"
kill -TERM "$pid"
set +e
wait "$pid"
rc=$?
set -e
check "host exits 0 on SIGTERM" test "$rc" -eq 0
[ "$rc" -eq 0 ] || cat "$work/host.err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
