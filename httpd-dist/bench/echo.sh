#!/usr/bin/env bash
# Keep-alive GET /echo: httpd's image against the JDK's com.sun.net.httpserver on virtual
# threads, measured with wrk in the same run on 127.0.0.1 (servers on CPU 0, wrk on CPU 1).
#   usage: httpd-dist/bench/echo.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: the built image (mvn install), wrk, a JDK 25 (JAVA25_HOME or /usr/lib/jvm/*25*).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18080 18081
jdk=${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)}
[ -x "$jdk/bin/java" ] || { echo "bench: no JDK 25 found (set JAVA25_HOME)" >&2; exit 1; }

printf '[[listen]]\naddress = "127.0.0.1:18080"\n\n[[route]]\npath = "/echo"\nhandler = "echo"\n' \
    > "$work/httpd.toml"
start_httpd "$work/httpd.toml"
taskset -c 0 "$jdk/bin/java" "$here/JdkEchoServer.java" 18081 > "$work/jdk.log" 2>&1 &
jdk_pid=$!; pids+=("$jdk_pid")
wait_port 18080; wait_port 18081

measure warm-httpd http://127.0.0.1:18080/echo 3 "$connections" "$httpd_pid" > /dev/null
measure warm-jdk http://127.0.0.1:18081/echo 3 "$connections" "$jdk_pid" > /dev/null
read -r h_rps h_cpu < <(measure httpd http://127.0.0.1:18080/echo "$duration" "$connections" "$httpd_pid")
read -r j_rps j_cpu < <(measure jdk http://127.0.0.1:18081/echo "$duration" "$connections" "$jdk_pid")

echo "GET /echo, keep-alive, $connections connections, ${duration}s each, server on CPU 0"
printf '%-28s %12s req/s  %4s%% CPU\n' "httpd (image)" "$h_rps" "$h_cpu" \
    "JDK httpserver (virtual)" "$j_rps" "$j_cpu"
awk -v a="$h_rps" -v b="$j_rps" 'BEGIN { printf "ratio httpd/jdk: %.2f\n", a / b }'
