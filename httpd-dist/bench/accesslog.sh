#!/usr/bin/env bash
# Keep-alive GET /echo with the access log's file sink on and off: two images side by side,
# measured with wrk in the same run on 127.0.0.1 (servers on CPU 0, wrk on CPU 1).
#   usage: httpd-dist/bench/accesslog.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18083 18084

start_httpd "$(echo_conf 18083)"; off_pid=$httpd_pid
start_httpd "$(echo_conf 18084 '[[access_log]]\nsink = "file"\npath = "access.log"\n')"; on_pid=$httpd_pid
wait_port 18083; wait_port 18084

measure warm-off http://127.0.0.1:18083/echo 3 "$connections" "$off_pid" > /dev/null
measure warm-on http://127.0.0.1:18084/echo 3 "$connections" "$on_pid" > /dev/null
read -r off_rps off_cpu < <(measure off http://127.0.0.1:18083/echo "$duration" "$connections" "$off_pid")
read -r on_rps on_cpu < <(measure on http://127.0.0.1:18084/echo "$duration" "$connections" "$on_pid")
lines=$(wc -l < "$work/access.log")

echo "GET /echo, keep-alive, $connections connections, ${duration}s each, server on CPU 0"
printf '%-28s %12s req/s  %4s%% CPU\n' "access log off" "$off_rps" "$off_cpu" \
    "access log on (combined)" "$on_rps" "$on_cpu"
awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "ratio on/off: %.2f\n", a / b }'
echo "access.log lines written: $lines"
