#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514) for the image at $1 and writes it to $2: a run that
# starts the server on a free port, serves a few hundred requests and stops on SIGTERM. It runs
# through the image's own bin/httpd, so the cache is trained with the JVM options the server
# runs with (a cache refuses some changes, such as -XX:+UseCompactObjectHeaders).
#   usage: train-aot.sh IMAGE OUT
# Exit 0 with OUT written, or non-zero with OUT absent: OUT appears only from a run that
# served every request and exited 0 (written beside, then moved). The training JVM and
# anything it forks run in a process group of their own, killed whatever happens here.
# Bounds, in seconds: AOT_START_TIMEOUT (30) to listen, AOT_STOP_TIMEOUT (60) to exit.
# AOT_LAUNCHER replaces the image's bin/httpd (tests use it to inject a slow or failing child).
set -euo pipefail
image=$1 out=$2
launcher=${AOT_LAUNCHER:-$image/bin/httpd}
start_timeout=${AOT_START_TIMEOUT:-30} stop_timeout=${AOT_STOP_TIMEOUT:-60}
rm -f "$out"
train=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 -- "-$pid" 2>/dev/null || true; fi
  rm -rf "$train"
}
trap cleanup EXIT
fail() { echo "train-aot: $*" >&2; exit 1; }

cat > "$train/httpd.toml" <<'TOML'
[[listen]]
address = "127.0.0.1:0"

[[route]]
path = "/echo"
handler = "echo"
TOML
# The log exists before the JVM starts, so reading it never races the redirection.
: > "$train/log"
# an AOT option in HTTPD_JAVA_OPTS replaces the launcher's own (no -XX:AOTCache of a cache there)
HTTPD_JAVA_OPTS="-XX:AOTCacheOutput=$train/httpd.aot -Xlog:aot=error" \
    setsid "$launcher" -c "$train/httpd.toml" >> "$train/log" 2>&1 < /dev/null &
pid=$!

listen_port() {
  sed -n 's/.*server\.listen address="127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$train/log" | head -n 1
}
port=""
for _ in $(seq $((start_timeout * 10))); do
  port=$(listen_port)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the training server exited before it listened: $(tail -n 3 "$train/log")"
  sleep 0.1
done
[ -n "$port" ] || fail "the training server did not listen within ${start_timeout}s"

# One request a connection; each bounded, so a stuck exchange cannot stall the build.
request() { # REQUEST-HEAD-PREFIX
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%sConnection: close\r\n\r\nhello' "$1" >&3 || true
  timeout 10 cat <&3 > "$train/response" || true
  exec 3>&-
  head -c 12 "$train/response" | grep -q '^HTTP/1.1 [0-9]'
}
trap '' PIPE # the server closes after a bad request: a write may fail, and that is fine
served=0
for i in $(seq 100); do
  for head in "GET /echo?i=$i HTTP/1.1\r\nHost: t\r\n" \
              "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n" \
              "GET /nowhere HTTP/1.1\r\nHost: t\r\n" "BAD\r\n"; do
    request "$(printf "$head")" || fail "request $((served + 1)) got no response"
    served=$((served + 1))
  done
done

kill -TERM "$pid" 2>/dev/null || fail "the training server was gone before SIGTERM"
status=0
for _ in $(seq $((stop_timeout * 10))); do # the cache is written as the JVM exits
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "the training server did not stop within ${stop_timeout}s"
wait "$pid" || status=$?
pid=""
[ "$status" -eq 0 ] || fail "the training server exited with $status: $(tail -n 3 "$train/log")"
[ -s "$train/httpd.aot" ] || fail "no cache was written"
mv "$train/httpd.aot" "$out.part" && mv "$out.part" "$out"
echo "train-aot: $served requests served; cache $(du -h "$out" | cut -f1)"
