#!/usr/bin/env bash
# Keep-alive GET /echo: httpd's image against the JDK's com.sun.net.httpserver on virtual
# threads, measured with wrk in the same run on 127.0.0.1. Each server is pinned to CPU 0 and
# wrk to CPU 1, so req/s is per server core. Bounded: DURATION seconds per run, then both stop.
#   usage: httpd-dist/bench/echo.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: the built image (mvn install), wrk, a JDK 25 (JAVA25_HOME or /usr/lib/jvm/*25*).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image="$here/../target/httpd"
duration=${1:-10}
connections=${2:-50}
httpd_port=18080
jdk_port=18081

jdk=${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)}
[ -x "$image/bin/httpd" ] || { echo "bench: build the image first: mvn install -DskipTests" >&2; exit 1; }
[ -x "$jdk/bin/java" ] || { echo "bench: no JDK 25 found (set JAVA25_HOME)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

cat > "$work/httpd.toml" <<TOML
[[listen]]
address = "127.0.0.1:$httpd_port"

[[route]]
path = "/echo"
handler = "echo"
TOML

wait_port() {
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on $1" >&2; exit 1
}

run() { # name port
  wrk -t1 -c"$connections" -d"${duration}s" http://127.0.0.1:"$2"/echo > "$work/$1.txt" 2>&1 &
  local wrk_pid=$!
  taskset -pc 1 "$wrk_pid" >/dev/null
  wait "$wrk_pid"
  awk '/Requests\/sec/ {print $2}' "$work/$1.txt"
}

taskset -c 0 "$image/bin/httpd" -c "$work/httpd.toml" > "$work/httpd.log" 2>&1 &
pids+=($!)
taskset -c 0 "$jdk/bin/java" "$here/JdkEchoServer.java" "$jdk_port" > "$work/jdk.log" 2>&1 &
pids+=($!)
wait_port "$httpd_port"
wait_port "$jdk_port"

# Warm-up, then the measured runs, alternating so drift hits both alike.
duration_saved=$duration; duration=3
run httpd "$httpd_port" >/dev/null; run jdk "$jdk_port" >/dev/null
duration=$duration_saved
httpd_rps=$(run httpd "$httpd_port")
jdk_rps=$(run jdk "$jdk_port")

echo "GET /echo, keep-alive, $connections connections, ${duration}s, server on 1 core"
printf '%-28s %12s req/s\n' "httpd (image)" "$httpd_rps" "JDK httpserver (virtual)" "$jdk_rps"
awk -v a="$httpd_rps" -v b="$jdk_rps" 'BEGIN { printf "ratio httpd/jdk: %.2f\n", a / b }'
