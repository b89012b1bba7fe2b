#!/usr/bin/env bash
# Keep-alive GET /echo with request counting off (no [admin]) and on ([admin]: every exchange
# adds to a LongAdder per route, method and status class and to its duration bucket): two
# servers of this image side by side, measured with wrk in the same run on 127.0.0.1 (servers
# on CPU 0, wrk on CPU 1), off and on taking turns ROUNDS times so that drift on a shared
# machine hits both alike. Bytes and rejections are counted in both (always on, as the
# connection counters are); BASELINE=DIR adds a third server from another image without
# [admin] (say, one built before byte counting existed), measured in the same turns.
#   usage: [BASELINE=DIR] httpd-dist/bench/metrics.sh [DURATION_SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18085 18086 18087 18088
rounds=${3:-2}

start_httpd "$(echo_conf 18085)"; off_pid=$httpd_pid
start_httpd "$(echo_conf 18086 '[admin]\naddress = "127.0.0.1:18087"\n')"; on_pid=$httpd_pid
wait_port 18085; wait_port 18086; wait_port 18087
if [ -n "${BASELINE:-}" ]; then
  base_conf=$(echo_conf 18088)
  taskset -c 0 "$BASELINE/bin/httpd" -c "$base_conf" > "$base_conf.log" 2>&1 &
  base_pid=$!; pids+=("$base_pid")
  wait_port 18088
  measure warm-base http://127.0.0.1:18088/echo 3 "$connections" "$base_pid" > /dev/null
fi

measure warm-off http://127.0.0.1:18085/echo 3 "$connections" "$off_pid" > /dev/null
measure warm-on http://127.0.0.1:18086/echo 3 "$connections" "$on_pid" > /dev/null
# row ROUND NAME REQ/S CPU%: also requests per server-core-second, steadier on a shared machine
row() {
  printf 'round %d  %-16s %10s req/s  %4s%% CPU  %8.0f req per core-second\n' "$1" "$2" "$3" "$4" \
      "$(awk -v r="$3" -v c="$4" 'BEGIN { print (c > 0 ? r * 100 / c : 0) }')"
}
echo "GET /echo, keep-alive, $connections connections, ${duration}s each, server on CPU 0"
sum_off=0 sum_on=0
for round in $(seq "$rounds"); do
  read -r off_rps off_cpu < <(measure off http://127.0.0.1:18085/echo "$duration" "$connections" "$off_pid")
  read -r on_rps on_cpu < <(measure on http://127.0.0.1:18086/echo "$duration" "$connections" "$on_pid")
  row "$round" "counting off" "$off_rps" "$off_cpu"
  row "$round" "counting on" "$on_rps" "$on_cpu"
  sum_off=$(awk -v a="$sum_off" -v b="$off_rps" 'BEGIN { print a + b }')
  sum_on=$(awk -v a="$sum_on" -v b="$on_rps" 'BEGIN { print a + b }')
  if [ -n "${BASELINE:-}" ]; then
    read -r base_rps base_cpu < <(measure base http://127.0.0.1:18088/echo "$duration" "$connections" "$base_pid")
    row "$round" "baseline image" "$base_rps" "$base_cpu"
    sum_base=$(awk -v a="${sum_base:-0}" -v b="$base_rps" 'BEGIN { print a + b }')
  fi
done
awk -v a="$sum_on" -v b="$sum_off" 'BEGIN { printf "ratio on/off over all rounds: %.3f\n", a / b }'
if [ -n "${BASELINE:-}" ]; then
  awk -v a="$sum_on" -v b="$sum_base" 'BEGIN { printf "ratio on/baseline over all rounds: %.3f\n", a / b }'
fi
curl -s http://127.0.0.1:18087/metrics | grep -E '^httpd_(requests_total|request_duration_seconds_count|(received|sent)_bytes_total)'
