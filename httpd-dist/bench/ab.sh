#!/usr/bin/env bash
# Two images at the same time, for judging one change: both pinned to CPU 0, each under its own
# wrk (-t1, keep-alive), both wrk pinned to CPU 1 and started together, ROUNDS times. Whatever
# slows this machine during a round (other tenants, frequency) slows both alike, so the ratio of
# their requests per server core-second holds where the figures of separate turns drift by a
# third. Per round it prints each image's req per core-second and the ratio A/B.
# Rows: the 13-byte greeting (/hello, the example plugin), GET /echo, or a static file
# (/1k.bin, /64k.bin, /1m.bin) named by the path.
#   usage: httpd-dist/bench/ab.sh [DURATION] [CONNECTIONS] IMAGE_A IMAGE_B [PATH] [ROUNDS]
# IMAGE_B may also be the word nginx or microhttp: that server, as compare.sh runs it, in the
# same core at the same moment as IMAGE_A (needs what compare.sh needs).
# DURATION: seconds per round (default 10); CONNECTIONS: default 50; PATH: default /hello;
# ROUNDS: default 3. WRK_ARGS="-H Connection:close" passes more options to every wrk. Each image
# gets WARMUP seconds (default 16) of warm-up under its wrk first (both at once: half a core
# each); WARMUP=0 measures the warm-up itself in the first round.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
[ $# -ge 4 ] || { echo "usage: ab.sh [DURATION] [CONNECTIONS] IMAGE_A IMAGE_B [PATH] [ROUNDS]" >&2; exit 2; }
a=$(cd "$3" && pwd)
case $4 in nginx|microhttp) b=$4 ;; *) b=$(cd "$4" && pwd) ;; esac
path=${5:-/hello}
rounds=${6:-3}
ports=${PORTS:-$(( 20000 + RANDOM % 20000 ))}
port_free "$ports" $(( ports + 1 ))
rows_setup

# serve IMAGE PORT: the image on CPU 0 with the rows' routes; prints its PID
serve() {
  taskset -c 0 "$1/bin/httpd" -c "$(rows_conf "$2")" > "$work/httpd-$2.log" 2>&1 &
  echo $!
}

pid_a=$(serve "$a" "$ports"); pids+=("$pid_a")
case $b in
  nginx) rows_nginx $(( ports + 1 )) ;;
  microhttp) start_microhttp $(( ports + 1 )) ;;
  *) pid_b=$(serve "$b" $(( ports + 1 ))); pids+=("$pid_b") ;;
esac
wait_port "$ports"
WAIT_SECONDS=60 wait_port $(( ports + 1 ))
case $b in  # B's CPU: nginx's is its master's and its worker's
  nginx) pid_b="$nginx_master $(pgrep -P "$nginx_master" | tr '\n' ' ')" ;;
  microhttp) pid_b=$microhttp_pid ;;
esac
read -r -a extra <<< "${WRK_ARGS:-}"
url_a="http://127.0.0.1:$ports$path"
url_b="http://127.0.0.1:$(( ports + 1 ))$path"
if [ "${WARMUP:-16}" -gt 0 ]; then
  taskset -c 1 wrk "${extra[@]}" -t1 -c"$connections" -d"${WARMUP:-16}s" "$url_a" > /dev/null & warm=$!
  taskset -c 1 wrk "${extra[@]}" -t1 -c"$connections" -d"${WARMUP:-16}s" "$url_b" > /dev/null
  wait "$warm"
fi
hz=$(getconf CLK_TCK)
echo "A: $a"
echo "B: $b"
echo "path $path, $connections connections, ${duration} s per round; k req per server core-second"
for round in $(seq "$rounds"); do
  ta=$(cpu_ticks "$pid_a"); tb=$(cpu_ticks $pid_b)
  taskset -c 1 wrk "${extra[@]}" -t1 -c"$connections" -d"${duration}s" "$url_a" > "$work/a.wrk" 2>&1 & run=$!
  taskset -c 1 wrk "${extra[@]}" -t1 -c"$connections" -d"${duration}s" "$url_b" > "$work/b.wrk" 2>&1
  wait "$run"
  ta=$(( $(cpu_ticks "$pid_a") - ta )); tb=$(( $(cpu_ticks $pid_b) - tb ))
  na=$(awk '/requests in/ {print $1}' "$work/a.wrk"); nb=$(awk '/requests in/ {print $1}' "$work/b.wrk")
  grep -q "Non-2xx" "$work/a.wrk" "$work/b.wrk" && echo "bench: non-2xx responses; is $path served?" >&2
  awk -v r="$round" -v na="$na" -v nb="$nb" -v ta="$ta" -v tb="$tb" -v hz="$hz" 'BEGIN {
    ka = na / (ta / hz) / 1000; kb = nb / (tb / hz) / 1000
    printf "round %d  A %7.1f  B %7.1f  A/B %.2f  (server CPU %.1f s / %.1f s)\n", r, ka, kb, ka / kb, ta / hz, tb / hz }'
done
