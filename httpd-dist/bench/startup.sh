#!/usr/bin/env bash
# Start-up: from launching bin/httpd to the first successful response, with the image's AOT
# cache and without it (-XX:AOTMode=off), alternating, RUNS times each; prints each median.
#   usage: httpd-dist/bench/startup.sh [RUNS]        PIN=0 httpd-dist/bench/startup.sh
# PIN=CPU runs the server on that one CPU (taskset), as a one-core container would; IMAGE=DIR
# measures another image (an older build, say) the same way.
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

once() { # HTTPD_JAVA_OPTS
  local t0 t1 pid
  t0=$(date +%s%N)
  HTTPD_JAVA_OPTS="$1" ${PIN:+taskset -c "$PIN"} "$image/bin/httpd" -c "$work/httpd.toml" > "$work/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/echo"; do sleep 0.005; done
  t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$work/aot"; : > "$work/plain"
for _ in $(seq "$runs"); do
  once "" >> "$work/aot"
  once "-XX:AOTMode=off" >> "$work/plain"
done
echo "start to first response, median of $runs (ms)${PIN:+, server pinned to CPU $PIN}:"
echo "  with AOT cache:    $(median < "$work/aot")   [$(tr '\n' ' ' < "$work/aot")]"
echo "  without AOT cache: $(median < "$work/plain")   [$(tr '\n' ' ' < "$work/plain")]"
