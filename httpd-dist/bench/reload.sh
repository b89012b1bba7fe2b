#!/usr/bin/env bash
# Live reload: how long a SIGHUP takes (median of 20, from the server.reload event's took_ms)
# for the shipped config and for one with 50 routes, and keep-alive GET /echo with wrk with no
# reload and with a SIGHUP every second, on one server in the same run (server on CPU 0, wrk on
# CPU 1, 127.0.0.1 only).
#   usage: httpd-dist/bench/reload.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18391 18392

# the shipped config on a loopback port, without the admin listener, its paths into the image
shipped() {
  sed -e "s|0.0.0.0:8080|127.0.0.1:$1|" -e "s|\"\.\./|\"$image/|" \
      -e "s|$image/logs/access.log|$work/access-$1.log|" -e '/^\[admin\]/,/^$/d' \
      "$image/conf/httpd.toml"
}
shipped 18391 > "$work/shipped.toml"
{ shipped 18392; for i in $(seq 47); do printf '\n[[route]]\npath = "/r%d"\nhandler = "echo"\n' "$i"; done; } \
    > "$work/routes50.toml"

start_httpd "$work/shipped.toml"; pid=$httpd_pid
start_httpd "$work/routes50.toml"; routes_pid=$httpd_pid
wait_port 18391; wait_port 18392

# median CONFIG: the median took_ms of its server.reload events
median() {
  grep 'server.reload ' "$1.log" | grep -o 'took_ms="[0-9]*' | cut -d'"' -f2 | sort -n \
      | awk '{a[NR]=$1} END {printf "%s ms (min %s, max %s, n=%d)\n", (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR], NR}'
}
for _ in $(seq 20); do kill -HUP "$pid"; sleep 0.3; kill -HUP "$routes_pid"; sleep 0.3; done
sleep 1
echo "reload, shipped config (3 routes): $(median "$work/shipped.toml")"
echo "reload, 50 routes:                 $(median "$work/routes50.toml")"
kill "$routes_pid"

# one server, GET /echo: no reload, then a SIGHUP every second
latency() { taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency "$1" > "$2" 2>&1; }
latency http://127.0.0.1:18391/echo "$work/warm.wrk"
latency http://127.0.0.1:18391/echo "$work/none.wrk"
( end=$((SECONDS + duration)); while [ $SECONDS -lt $end ]; do sleep 1; kill -HUP "$pid"; done ) &
hup=$!
latency http://127.0.0.1:18391/echo "$work/hup.wrk"
wait "$hup" || true
report() {
  awk -v n="$1" '/Requests\/sec/ {r=$2} / 99%/ {p=$2} /Socket errors/ {e=$0}
       END {printf "%-26s %10s req/s  p99 %8s  %s\n", n, r, p, e}' "$2"
}
echo "GET /echo, keep-alive, $connections connections, ${duration}s each, server on CPU 0"
report "no reload" "$work/none.wrk"
report "SIGHUP every second" "$work/hup.wrk"
grep -c 'server.reload ' "$work/shipped.toml.log" | xargs echo "reloads logged (all runs):"
