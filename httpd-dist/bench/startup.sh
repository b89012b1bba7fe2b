#!/usr/bin/env bash
# Start-up: from launching bin/httpd to the first successful response, with the image's AOT
# cache and without it (-XX:AOTMode=off), alternating, RUNS times each; prints each median of
# the wall-clock time and of the CPU time the server had used by then (user + system: what a
# machine busy with other work blurs less).
#   usage: httpd-dist/bench/startup.sh [RUNS]        PIN=0 httpd-dist/bench/startup.sh
# PIN=CPU runs the server on that one CPU (taskset), as a one-core container would; IMAGE=DIR
# measures another image (an older build, say) the same way; BASELINE=DIR adds that image, with
# its cache, to the same turns.
# Needs: the built image (mvn install) and curl. Uses port 18090 on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image="${IMAGE:-$here/../target/httpd}"
runs=${1:-7}
port=18090
if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
  echo "bench: port $port is already in use; stop what listens there first" >&2; exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '[[listen]]\naddress = "127.0.0.1:%s"\n\n[[route]]\npath = "/echo"\nhandler = "echo"\n' \
    "$port" > "$work/httpd.toml"

once() { # IMAGE HTTPD_JAVA_OPTS: prints "WALL_MS CPU_MS"
  local t0 t1 pid cpu
  t0=$(date +%s%N)
  HTTPD_JAVA_OPTS="$2" ${PIN:+taskset -c "$PIN"} "$1/bin/httpd" -c "$work/httpd.toml" > "$work/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/echo"; do sleep 0.005; done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() { # LABEL FILE
  printf '  %-26s %5s %5s   [%s]\n' "$1" "$(cut -d' ' -f1 "$2" | median)" \
      "$(cut -d' ' -f2 "$2" | median)" "$(tr '\n' ';' < "$2")"
}

: > "$work/aot"; : > "$work/plain"; : > "$work/baseline"
for _ in $(seq "$runs"); do
  once "$image" "" >> "$work/aot"
  once "$image" "-XX:AOTMode=off" >> "$work/plain"
  if [ -n "${BASELINE:-}" ]; then once "$BASELINE" "" >> "$work/baseline"; fi
done
echo "start to first response, median of $runs${PIN:+, server pinned to CPU $PIN} (ms: wall, CPU):"
row "with AOT cache:" "$work/aot"
row "without AOT cache:" "$work/plain"
if [ -n "${BASELINE:-}" ]; then row "baseline, its AOT cache:" "$work/baseline"; fi
