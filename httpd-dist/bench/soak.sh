#!/usr/bin/env bash
# Soak and leak check of the image on 127.0.0.1: REQUESTS keep-alive requests (default 10 M)
# mixed over echo, static (200, 304, 206) and errors (404, 405, 400, 413), a new connection
# every 100 requests (soak.lua). Every 10 s it records the server's open descriptors
# (/proc/PID/fd), RSS, heap after a full GC (jcmd GC.run, then GC.heap_info) and platform
# threads; at the end one more sample after the load. It fails when any final value exceeds
# 1.2 x its value at a quarter of the run (fds and threads: + 4 more, for small counts), when a
# response has another status than its request must get, or on any socket error.
# Usage: soak.sh [REQUESTS] [IMAGE_DIR]    CSV of the samples: $SOAK_CSV (default: a temp file)
set -euo pipefail
requests=${1:-10000000}
image=${2:-"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../target/httpd"}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -x "$image/bin/httpd" ] || { echo "soak: no image at $image (mvn package -DskipTests)" >&2; exit 1; }
[ -x "$image/bin/jcmd" ] || { echo "soak: the image has no bin/jcmd" >&2; exit 1; }
command -v wrk >/dev/null || { echo "soak: wrk not installed" >&2; exit 1; }
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
csv=${SOAK_CSV:-$work/samples.csv}

mkdir -p "$work/www"
head -c 1500 /dev/urandom | base64 > "$work/www/page.html"
head -c 4096 /dev/urandom > "$work/www/4k.bin"
cat > "$work/httpd.toml" <<TOML
[[listen]]
address = "127.0.0.1:0"
[limits]
body_bytes = "1MiB"
[[route]]
path = "/echo"
handler = "echo"
[[route]]
path = "/"
handler = "static"
root = "www"
TOML
"$image/bin/httpd" -c "$work/httpd.toml" > "$work/server.log" 2>&1 &
server=$!
port=
for _ in $(seq 200); do
  port=$(grep -o 'server.listen address="[^"]*:[0-9]*"' "$work/server.log" | grep -o '[0-9]*"$' | tr -d '"' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "soak: the server did not start"; cat "$work/server.log"; exit 1; }

# sample SECONDS: one CSV line: seconds,fds,rss_kib,heap_used_kib,threads
sample() {
  local fds rss heap threads
  fds=$(ls "/proc/$server/fd" | wc -l)
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status")
  "$image/bin/jcmd" "$server" GC.run > /dev/null
  heap=$("$image/bin/jcmd" "$server" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  echo "$1,$fds,$rss,$heap,$threads" >> "$csv"
}

echo "seconds,fds,rss_kib,heap_used_kib,threads" > "$csv"
threads=2
start=$(date +%s)
# bounded: at least 2,000 requests per second, or it fails for too few requests
limit=$(( requests / 2000 + 30 ))
mkdir -p "$work/done"
wrk -t$threads -c$threads -d${limit}s --timeout 10s -s "$here/soak.lua" "http://127.0.0.1:$port/" \
    -- $(( requests / threads )) "$work/done" > "$work/wrk.out" 2>&1 &
load=$!
finished() { [ "$(ls "$work/done" | wc -l)" -ge $threads ] || ! kill -0 "$load" 2>/dev/null; }
sample 0
while ! finished; do
  for _ in $(seq 100); do finished || sleep 0.1; done
  finished || sample $(( $(date +%s) - start ))
done
kill -INT "$load" 2>/dev/null || true
wait "$load" || true
elapsed=$(( $(date +%s) - start ))
sleep 1
sample "$elapsed"

cat "$work/wrk.out"
result=$(grep '^soak:' "$work/wrk.out" || echo "soak: no result")
echo "samples (seconds, fds, RSS KiB, heap after GC KiB, threads):"
cat "$csv"
python3 - "$csv" "$result" "$requests" "$elapsed" <<'PY'
import csv, re, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
result, wanted, elapsed = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
failed = []
m = re.search(r'requests=(\d+) unexpected=(\d+) socket_errors=(\d+)', result)
if not m:
    failed.append('no result from wrk')
else:
    done, unexpected, errors = map(int, m.groups())
    print(f'requests {done} in {elapsed} s ({done // max(elapsed, 1)}/s), unexpected statuses {unexpected}, socket errors {errors}')
    if done < wanted: failed.append(f'{done} of {wanted} requests')
    if unexpected or errors: failed.append('unexpected statuses or socket errors')
middle = rows[1:-1]
if not middle:
    failed.append('the run was too short for a sample at a quarter of it (one every 10 s)')
quarter = min(middle or rows, key=lambda r: abs(int(r['seconds']) - elapsed / 4))
last = rows[-1]
for key, slack in (('fds', 4), ('rss_kib', 0), ('heap_used_kib', 0), ('threads', 4)):
    q, l = int(quarter[key]), int(last[key])
    print(f'{key}: first {rows[0][key]}, quarter ({quarter["seconds"]} s) {q}, last {l}')
    if l > 1.2 * q + slack:
        failed.append(f'{key} grew from {q} to {l}')
if failed:
    print('soak FAILED: ' + '; '.join(failed)); sys.exit(1)
print('soak ok')
PY
