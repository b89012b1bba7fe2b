#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every @FuzzTest target, one after the other, each for the
# duration in its annotation (2 minutes) and ROUNDS times (default 1): Jazzer fuzzes one target
# per JVM. Inputs found are kept in <module>/.cifuzz-corpus/ and carried to the next round; a
# crash is written beside the target's regression inputs (src/test/resources/<package>/
# <Class>Inputs/<method>/crash-*), so the normal build replays it from then on.
# Usage: fuzz.sh [ROUNDS] [MODULE:Class#method ...]    Run from anywhere; needs mvn and JDK 25.
# Prints per target: executions, coverage (libFuzzer edges "cov", features "ft"), corpus size,
# and the coverage of the inputs it started from ("INITED": the regression inputs every build
# replays, plus .cifuzz-corpus/). SEEDS_ONLY=1 stops there (libFuzzer -runs=0): what CI covers.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=${1:-1}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    httpd-core:RequestParserFuzzTest#head
    httpd-core:RequestParserFuzzTest#connection
    httpd-core:ChunkedBodyFuzzTest#decode
    httpd-core:TargetPathFuzzTest#normalize
    httpd-core:ProxyHeaderFuzzTest#read
    httpd-core:ConfigLoaderFuzzTest#load
    httpd-plugins/httpd-plugin-static:ByteRangesFuzzTest#select
    httpd-plugins/httpd-plugin-static:AcceptEncodingFuzzTest#weights
    httpd-plugins/httpd-plugin-info:ContentNegotiationFuzzTest#choose
  )
fi
status=0
for round in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    module=${t%%:*} test=${t#*:}
    log=$(mktemp)
    seeds_only=()
    [ -n "${SEEDS_ONLY:-}" ] && seeds_only=(-Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-runs=0)
    (cd "$root" && JAZZER_FUZZ=1 mvn -B -o -q -pl "$module" -am verify -Dtest="$test" \
        -Dsurefire.failIfNoSpecifiedTests=false "${seeds_only[@]}" >"$log" 2>&1)
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
