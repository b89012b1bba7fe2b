#!/usr/bin/env bash
# Keep-alive GET /echo with request counting off (no [admin]) and on ([admin]: every exchange
# adds to a LongAdder per route, method and status class): two images side by side, measured
# with wrk in the same run on 127.0.0.1 (servers on CPU 0, wrk on CPU 1), off and on taking
# turns ROUNDS times so that drift on a shared machine hits both alike.
#   usage: httpd-dist/bench/metrics.sh [DURATION_SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18085 18086 18087
duration=${1:-10}
connections=${2:-50}
rounds=${3:-2}

route='[[route]]\npath = "/echo"\nhandler = "echo"\n'
printf "[[listen]]\naddress = \"127.0.0.1:18085\"\n\n$route" > "$work/off.toml"
printf "[[listen]]\naddress = \"127.0.0.1:18086\"\n\n$route\n[admin]\naddress = \"127.0.0.1:18087\"\n" \
    > "$work/on.toml"
start_httpd "$work/off.toml"; off_pid=$httpd_pid
start_httpd "$work/on.toml"; on_pid=$httpd_pid
wait_port 18085; wait_port 18086; wait_port 18087

measure warm-off http://127.0.0.1:18085/echo 3 "$connections" "$off_pid" > /dev/null
measure warm-on http://127.0.0.1:18086/echo 3 "$connections" "$on_pid" > /dev/null
echo "GET /echo, keep-alive, $connections connections, ${duration}s each, server on CPU 0"
sum_off=0 sum_on=0
for round in $(seq "$rounds"); do
  read -r off_rps off_cpu < <(measure off http://127.0.0.1:18085/echo "$duration" "$connections" "$off_pid")
  read -r on_rps on_cpu < <(measure on http://127.0.0.1:18086/echo "$duration" "$connections" "$on_pid")
  printf 'round %d  %-16s %10s req/s  %4s%% CPU\n' "$round" "counting off" "$off_rps" "$off_cpu"
  printf 'round %d  %-16s %10s req/s  %4s%% CPU\n' "$round" "counting on" "$on_rps" "$on_cpu"
  sum_off=$(awk -v a="$sum_off" -v b="$off_rps" 'BEGIN { print a + b }')
  sum_on=$(awk -v a="$sum_on" -v b="$on_rps" 'BEGIN { print a + b }')
done
awk -v a="$sum_on" -v b="$sum_off" 'BEGIN { printf "ratio on/off over all rounds: %.3f\n", a / b }'
curl -s http://127.0.0.1:18087/metrics | grep '^httpd_requests_total'
