#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every @FuzzTest target.
#
#   fuzz.sh [ROUNDS] [MODULE:Class#method ...]
#     one target after the other, each in a Maven run of its own, for the duration in its
#     annotation (2 minutes) or FUZZ_SECONDS, ROUNDS times (default 1). Inputs found are kept in
#     <module>/.cifuzz-corpus/ and carried to the next round. SEEDS_ONLY=1 stops after the
#     inputs it starts from (libFuzzer -runs=0): the coverage every build's replay reaches.
#   fuzz.sh --ci [SECONDS]
#     CI's bounded pass (.ci/run's second step): every target for SECONDS (default 10) in ONE
#     Maven run, each test class in a JVM of its own (Jazzer fuzzes one target per JVM).
#     Fails when a target finds a crash or did not fuzz.
#
# A crash is written beside the target's regression inputs (src/test/resources/<package>/
# <Class>Inputs/<method>/crash-*), so the normal build replays it from then on: rename it, fix
# the defect, keep it. Prints per target: executions and seconds, the coverage of the inputs it
# started from ("INITED": the regression inputs plus .cifuzz-corpus/) and where it ended
# ("DONE"): libFuzzer edges "cov", features "ft", corpus size, exec/s.
# Run from anywhere; needs mvn and JDK 25.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
all_targets=(
  httpd-core:RequestParserFuzzTest#head
  httpd-core:ConnectionFuzzTest#connection
  httpd-core:ChunkedBodyFuzzTest#decode
  httpd-core:TargetPathFuzzTest#normalize
  httpd-core:ProxyHeaderFuzzTest#read
  httpd-core:ConfigLoaderFuzzTest#load
  httpd-plugins/httpd-plugin-static:ByteRangesFuzzTest#select
  httpd-plugins/httpd-plugin-static:AcceptEncodingFuzzTest#weights
  httpd-plugins/httpd-plugin-info:ContentNegotiationFuzzTest#choose
)
jazzer_args() { # libFuzzer flags after Jazzer's own, so they win over the annotation's
  local i=1
  printf '%s\n' -Djazzer.internal.arg.0=fuzz
  for flag in "$@"; do printf '%s\n' "-Djazzer.internal.arg.$i=$flag"; i=$((i + 1)); done
}

if [ "${1:-}" = "--ci" ]; then
  seconds=${2:-10}
  modules=$(printf '%s\n' "${all_targets[@]}" | cut -d: -f1 | sort -u | paste -sd,)
  tests=$(printf '%s\n' "${all_targets[@]}" | cut -d: -f2 | paste -sd,)
  log="$root/target/fuzz-ci.log"
  mkdir -p "$root/target"
  mapfile -t flags < <(jazzer_args "-max_total_time=$seconds")
  (cd "$root" && JAZZER_FUZZ=1 mvn -B -pl "$modules" -am test -Dtest="$tests" -DreuseForks=false \
      -Dsurefire.failIfNoSpecifiedTests=false "${flags[@]}" >"$log" 2>&1)
  rc=$?
  # the log holds each class's libFuzzer lines after surefire's "Running <class>"
  awk '/\[INFO\] Running io\.httpd\./ { cls = $NF; sub(/.*\./, "", cls) }
       /^#[0-9]+[ \t]+INITED/ { init[cls] = $0 }
       /^#[0-9]+[ \t]+DONE/ { done[cls] = $0 }
       /^Done [0-9]+ runs in/ { runs[cls] = $2 " runs in " $5 " s" }
       END { for (c in runs) printf "%-28s %-20s | %s | %s\n", c, runs[c], init[c], done[c] }' "$log" | sort
  missing=0
  for t in "${all_targets[@]}"; do
    cls=${t#*:}; cls=${cls%%#*}
    grep -q "Running io\.httpd\..*\.$cls\$" "$log" || { echo "fuzz: $cls did not run" >&2; missing=1; }
  done
  ran=$(grep -c '^Done [0-9]* runs in' "$log")
  if [ "$ran" -ne ${#all_targets[@]} ]; then
    echo "fuzz: ${ran} of ${#all_targets[@]} targets fuzzed (log: $log)" >&2; missing=1
  fi
  if [ $rc -ne 0 ]; then
    grep -a 'FuzzTestFinding\|crash-\|ERROR\]' "$log" | head -20 >&2
    echo "fuzz: a finding or a failed build (log: $log)" >&2
  fi
  [ $rc -eq 0 ] && [ $missing -eq 0 ]
  exit $?
fi

rounds=${1:-1}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
status=0
for round in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    module=${t%%:*} test=${t#*:}
    log=$(mktemp)
    flags=()
    [ -n "${SEEDS_ONLY:-}" ] && mapfile -t flags < <(jazzer_args -runs=0)
    [ -n "${FUZZ_SECONDS:-}" ] && mapfile -t flags < <(jazzer_args "-max_total_time=$FUZZ_SECONDS")
    (cd "$root" && JAZZER_FUZZ=1 mvn -B -o -q -pl "$module" -am verify -Dtest="$test" \
        -Dsurefire.failIfNoSpecifiedTests=false "${flags[@]}" >"$log" 2>&1)
    rc=$?
    report=$(find "$root/$module/target/surefire-reports" -name "TEST-*.${test%%#*}.xml" 2>/dev/null | head -1)
    done_line=$(grep -ah '^#[0-9]*[[:space:]]*DONE' "$report" "$log" 2>/dev/null | tail -1)
    inited=$(grep -aho '^#[0-9]*[[:space:]]*INITED cov: [0-9]* ft: [0-9]*' "$report" "$log" 2>/dev/null | tail -1)
    runs=$(grep -aho 'Done [0-9]* runs in [0-9]* second' "$report" "$log" 2>/dev/null | tail -1)
    printf 'round %s %-45s rc=%s %s | %s | %s\n' "$round" "$test" "$rc" "${runs:-no run}" \
        "${inited:-}" "${done_line:-}"
    if [ $rc -ne 0 ]; then
      status=1
      grep -a 'ERROR\|crash-\|Exception' "$log" | head -20
    fi
    rm -f "$log"
  done
done
exit $status
