#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514) for the image at $1 and writes it to $2: a run that
# starts the server as shipped (free ports), serves about a thousand requests and stops on SIGTERM. It runs
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

# What the shipped conf/httpd.toml serves (the sample site, echo, info, a file access log, the
# admin listener), so that its start and first requests find their classes in the cache too.
toml_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
cat > "$train/httpd.toml" <<TOML
[[listen]]
address = "127.0.0.1:0"

[admin]
address = "127.0.0.1:0"

[[route]]
path = "/"
handler = "static"
root = $(toml_string "$image/www")
index = ["index.html"]

[[route]]
path = "/echo"
handler = "echo"

[[route]]
path = "/info"
handler = "info"
detail = "full"

[[access_log]]
sink = "file"
path = $(toml_string "$train/access.log")
format = "combined"
TOML
# The log exists before the JVM starts, so reading it never races the redirection.
: > "$train/log"
# An AOT option in HTTPD_JAVA_OPTS replaces the launcher's own (no -XX:AOTCache of a cache there).
# The cache keeps the classes, linked, but not the training's method profiles (JDK 25 adds them
# by default): every page of the cache stays resident, and the profiles cost 2-3 MiB of idle RSS
# for a warm-up the JIT does by itself in seconds (README.md, "Memory and JVM options").
HTTPD_JAVA_OPTS="-XX:AOTCacheOutput=$train/httpd.aot -Xlog:aot=error \
-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining" \
    setsid "$launcher" -c "$train/httpd.toml" >> "$train/log" 2>&1 < /dev/null &
pid=$!

listen_port() { # N: the port of the Nth listener started (1: data, 2: admin)
  sed -n 's/.*server\.listen address="127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$train/log" | sed -n "$1p"
}
port="" admin=""
for _ in $(seq $((start_timeout * 10))); do
  # the admin line first: once it is there, so is the data listener's before it (read in the
  # other order, both lines could land between the two reads and leave the port empty)
  admin=$(listen_port 2) port=$(listen_port 1)
  [ -n "$admin" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the training server exited before it listened: $(tail -n 3 "$train/log")"
  sleep 0.1
done
[ -n "$admin" ] || fail "the training server did not listen within ${start_timeout}s"

# One request a connection; each bounded, so a stuck exchange cannot stall the build. HEAD is a
# printf format (its \r\n become CR LF here: a command substitution would strip the last LF
# and leave a bare CR, which the server refuses with 400 before it routes anything), and the
# response must carry STATUS, so that the cache learns the exchanges it is meant to learn.
request() { # HEAD STATUS [PORT]
  exec 3<>"/dev/tcp/127.0.0.1/${3:-$port}" || return 1
  # shellcheck disable=SC2059 # HEAD is the format, on purpose
  printf "$1"'Connection: close\r\n\r\nhello' >&3 || true
  timeout 10 cat <&3 > "$train/response" || true
  exec 3>&-
  head -c 12 "$train/response" | grep -q "^HTTP/1.1 $2"
}
trap '' PIPE # the server closes after a bad request: a write may fail, and that is fine
served=0
for i in $(seq 100); do
  for exchange in "200 GET /echo?i=$i HTTP/1.1\r\nHost: t\r\n" \
              "200 POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n" \
              "404 GET /nowhere HTTP/1.1\r\nHost: t\r\n" "400 BAD\r\n" \
              "200 GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n" \
              "200 GET /favicon.ico HTTP/1.1\r\nHost: t\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n" \
              "206 GET /index.html HTTP/1.1\r\nHost: t\r\nRange: bytes=0-9\r\n" \
              "200 GET /info HTTP/1.1\r\nHost: t\r\n"; do
    request "${exchange#* }" "${exchange%% *}" \
        || fail "request $((served + 1)) (${exchange%%\\r*}) got no ${exchange%% *} response: $(head -c 40 "$train/response")"
    served=$((served + 1))
  done
  if [ $((i % 10)) -eq 0 ]; then # the admin listener
    for path in /health /ready /metrics /status; do
      request "GET $path HTTP/1.1\r\nHost: t\r\n" 200 "$admin" \
          || fail "admin request $path got no 200 response: $(head -c 40 "$train/response")"
      served=$((served + 1))
    done
  fi
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
