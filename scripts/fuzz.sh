#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each one for a bounded time on a copy of
# its seed corpus. Exits non-zero on any finding (crash, sanitizer report,
# leak, timeout, out-of-memory), printing the input that caused it and the
# report; the last line is "N passed, N failed" (one per target).
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 20)
#   FUZZ_BUILD_DIR  build directory (default build/fuzz in the source tree)
#   FUZZ_CXX        the clang++ to use (default clang++)
#   FUZZ_TARGETS    space-separated subset of targets (default: all)
#   FUZZ_JOBS       build parallelism (default 2)
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${FUZZ_SECONDS:-20}"
build="${FUZZ_BUILD_DIR:-$root/build/fuzz}"
cxx="${FUZZ_CXX:-clang++}"
jobs="${FUZZ_JOBS:-2}"
targets="${FUZZ_TARGETS:-fuzz_image_reference fuzz_label_selector fuzz_cron fuzz_pull_secret fuzz_pod_stream}"

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

if [ ! -f "$build/CMakeCache.txt" ]; then
  mkdir -p "$build"
  cmake -S "$root/tests/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log" >&2; echo "fuzz: configuring $build failed"; echo "0 passed, $(echo $targets | wc -w) failed"; exit 2; }
fi
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target $targets >"$build/build.log" 2>&1 \
  || { cat "$build/build.log" >&2; echo "fuzz: building the fuzzers failed"; echo "0 passed, $(echo $targets | wc -w) failed"; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/sbomop-fuzz.XXXXXX")"
passed=0
failed=0
for target in $targets; do
  corpus="$work/$target/corpus"
  artifacts="$work/$target/artifacts/"
  mkdir -p "$corpus" "$artifacts"
  # A copy: libFuzzer adds the inputs it finds to the corpus directory.
  cp "$root/tests/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
  seeds=$(ls "$corpus" | wc -l)
  log="$work/$target/fuzz.log"
  "$build/bin/$target" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  stats="$(grep -E '^#[0-9]+.*DONE' "$log" | tail -1)"
  findings=$(ls "$artifacts" | wc -l)
  if [ "$rc" -eq 0 ] && [ "$findings" -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS $target: $seeds seeds -> $(ls "$corpus" | wc -l) inputs; ${stats:-no stats}"
  else
    failed=$((failed + 1))
    echo "FAIL $target (exit $rc)"
    for input in "$artifacts"*; do
      [ -e "$input" ] && echo "  input: $input" && echo "  reproduce: $build/bin/$target $input"
    done
    # The sanitizer or libFuzzer report, from the first error line on.
    report="$(sed -n '/==[0-9]*==ERROR\|runtime error\|invariant broken\|ERROR: libFuzzer\|uncaught exception\|deadly signal/,$p' "$log" | head -80)"
    if [ -n "$report" ]; then echo "$report"; else tail -40 "$log"; fi
  fi
done
if [ "$failed" -eq 0 ]; then
  rm -rf "$work"
else
  echo "Crash inputs and logs are kept in $work"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
