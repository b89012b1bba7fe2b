#!/usr/bin/env bash
# Completes the jlink runtime at $1 (target/httpd) into the httpd image, trains its AOT cache,
# then packs it.
#   $1 image folder   $2 dist sources (src/main/dist)   $3 sdk jars folder   $4 tar.gz to write
set -euo pipefail
image=$1 dist=$2 sdk=$3 tarball=$4
cp -R "$dist"/. "$image"/
chmod 755 "$image/bin/httpd"
mkdir -p "$image/plugins" "$image/logs" "$image/sdk"
if [ -d "$sdk" ]; then cp "$sdk"/* "$image/sdk/"; fi

# JDK 25 AOT cache (JEP 483/514): a training run that starts the server, serves a few hundred
# requests and stops; bin/httpd then starts with -XX:AOTCache (about 0.6 s -> 0.37 s to the
# first response on this machine kind). A failed training leaves no cache, not a failed build.
train=$(mktemp -d)
pid=""
# Whatever happens to this script, the training JVM does not outlive it.
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$train"' EXIT
cat > "$train/httpd.toml" <<'TOML'
[[listen]]
address = "127.0.0.1:0"

[[route]]
path = "/echo"
handler = "echo"
TOML
"$image/bin/java" -XX:AOTCacheOutput="$image/lib/httpd.aot" -Xlog:aot=error \
    -m io.httpd.core/io.httpd.core.Main -c "$train/httpd.toml" > "$train/log" 2>&1 &
pid=$!
port=""
for _ in $(seq 200); do
  port=$(sed -n 's/.*server\.listen address="127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$train/log")
  [ -n "$port" ] && break
  sleep 0.05
done
trap '' PIPE # the server closes after a bad request: a write may fail, and that is fine
if [ -n "$port" ]; then
  for i in $(seq 100); do
    for request in "GET /echo?i=$i HTTP/1.1\r\nHost: t\r\n" \
                   "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n" \
                   "GET /nowhere HTTP/1.1\r\nHost: t\r\n" "BAD\r\n"; do
      { exec 3<>/dev/tcp/127.0.0.1/"$port" &&
        printf "${request}Connection: close\r\n\r\nhello" >&3 &&
        cat <&3 > /dev/null; exec 3>&-; } 2>/dev/null || true
    done
  done
fi
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 300); do # the cache is written as the JVM exits: up to 30 s
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "finish-image: AOT training run did not stop; no cache" >&2
  kill -9 "$pid"
  rm -f "$image/lib/httpd.aot"
elif ! wait "$pid"; then
  echo "finish-image: AOT training run failed; no cache" >&2
  rm -f "$image/lib/httpd.aot"
fi
pid=""

tar -czf "$tarball" -C "$(dirname "$image")" "$(basename "$image")"
