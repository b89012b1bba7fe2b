#!/usr/bin/env bash
# Reproduces the hardening defects of issue 11 against an image (default: this build's), on
# 127.0.0.1 only, each step bounded in time. Usage: hardening.sh [IMAGE_DIR]
#   D1  CPU share of the server while 1, then 2 clients ask for a 16 MiB file and read nothing
#       (SO_RCVBUF 64 KiB), over 10 s; and whether curl -m 2 gets another URL meanwhile
#   D3  how long a connection that never sends a byte is held (header_timeout 2s, idle 20s)
#   D2  log lines per second while 300 connections exhaust ulimit -n 256; recovery after
#   D7  after that flood: a second request on a keep-alive connection, a head 0.5 s late
# ONLY="D1 D3 D2" picks steps (D2 includes D7). Needs python3 and curl.
set -euo pipefail
image=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../target/httpd"}
[ -x "$image/bin/httpd" ] || { echo "no image at $image" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/www"
head -c $((16 << 20)) /dev/zero > "$work/www/16m.bin"
echo small > "$work/www/small.txt"
hz=$(getconf CLK_TCK)

# start NAME LIMITS [ULIMIT]: the image on a free port; sets pid and port
start() {
  cat > "$work/$1.toml" <<TOML
[[listen]]
address = "127.0.0.1:0"
[limits]
$2
[[route]]
path = "/"
handler = "static"
root = "www"
TOML
  (cd "$work" && exec bash -c "ulimit -n ${3:-$(ulimit -n)} && exec \"$image/bin/httpd\" -c $1.toml" \
      > "$work/$1.log" 2>&1) &
  pid=$!; pids+=("$pid")
  for _ in $(seq 200); do
    port=$(grep -o 'server.listen address="127.0.0.1:[0-9]*' "$work/$1.log" 2>/dev/null | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "server did not start: $(cat "$work/$1.log")" >&2; exit 1
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# runnable_ns PID: nanoseconds its threads spent on a CPU or waiting in the run queue for one;
# a spinning thread is runnable all the time, however little CPU a loaded machine gives it
runnable_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1 + $2} END {printf "%.0f", s}'; }

# stall N SECONDS: N clients that ask for 16m.bin and never read, for SECONDS
stall() {
  python3 - "$port" "$1" "$2" <<'PY' &
import socket, sys, time
port, n, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
socks = []
for _ in range(n):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    s.connect(("127.0.0.1", port)); s.sendall(b"GET /16m.bin HTTP/1.1\r\nHost: b\r\n\r\n"); socks.append(s)
time.sleep(secs)
PY
  stall_pid=$!
}

only=${ONLY:-D1 D3 D2}
if [[ " $only " == *" D1 "* ]]; then
echo "== D1: clients that never read a 16 MiB file ($image)"
start d1 ''
for n in 1 2; do
  stall "$n" 12; sleep 1
  before=$(ticks "$pid"); rbefore=$(runnable_ns "$pid")
  code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/small.txt" || true)
  sleep 10
  after=$(ticks "$pid"); rafter=$(runnable_ns "$pid")
  kill "$stall_pid" 2>/dev/null || true; wait "$stall_pid" 2>/dev/null || true
  awk -v t=$((after - before)) -v hz="$hz" -v n="$n" -v c="$code" -v r=$((rafter - rbefore)) \
      'BEGIN {printf "D1 %d stalled: server CPU %.0f%% of a core over 10 s, runnable %.0f%% of a thread; curl -m 2 /small.txt: %s\n", n, 100 * t / hz / 10, r / 1e8, c}'
done
kill "$pid"; wait "$pid" 2>/dev/null || true
fi

if [[ " $only " == *" D3 "* ]]; then
echo "== D3: a connection that never sends a byte (header_timeout 2s, idle_timeout 20s)"
start d3 $'header_timeout = "2s"\nidle_timeout = "20s"'
python3 - "$port" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.settimeout(25); t = time.time()
try:
    s.recv(1); print("D3 silent connection closed by the server after %.1f s" % (time.time() - t))
except socket.timeout:
    print("D3 silent connection still open after 25 s")
PY
kill "$pid"; wait "$pid" 2>/dev/null || true
fi

if [[ " $only " == *" D2 "* ]]; then
echo "== D2/D7: 300 connections under ulimit -n 256, right after start"
start d2 'connections = 1000' 256
grep -o 'server.fd_limit.*' "$work/d2.log" || echo "D2 no start-up warning about the descriptor limit"
python3 - "$port" "$work/d2.log" <<'PY'
import os, socket, sys, time
port, log = int(sys.argv[1]), sys.argv[2]
def lines(): 
    with open(log, 'rb') as f: return f.read().count(b'\n')
socks = []
for _ in range(300):  # each sends a whole request at once, as a flood of real clients would
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET /small.txt HTTP/1.1\r\nHost: b\r\n\r\n")
    socks.append(s)
time.sleep(1); l0, b0, t0 = lines(), os.path.getsize(log), time.time()
time.sleep(5); l1, b1, t1 = lines(), os.path.getsize(log), time.time()
print("D2 during exhaustion: %.0f log lines/s, %.0f bytes/s" % ((l1 - l0) / (t1 - t0), (b1 - b0) / (t1 - t0)))
for s in socks: s.close()
t = time.time()
def get(late=False, twice=False):
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(3)
    try:
        if late:
            s.sendall(b"GET /small.txt HTTP/1.1\r\n"); time.sleep(0.5); s.sendall(b"Host: b\r\n\r\n")
        else:
            s.sendall(b"GET /small.txt HTTP/1.1\r\nHost: b\r\n\r\n")
        r = s.recv(4096)
        if twice and r.startswith(b"HTTP/1.1 200"):
            time.sleep(0.2); s.sendall(b"GET /small.txt HTTP/1.1\r\nHost: b\r\n\r\n"); r = s.recv(4096)
        return r.split(b"\r\n")[0].decode() or "closed"
    except OSError as e:
        return "no answer (%s)" % e.__class__.__name__
    finally:
        s.close()
first = None
while time.time() - t < 15:
    if get().startswith("HTTP/1.1 200"):
        first = time.time() - t; break
    time.sleep(0.2)
print("D2 first 200 after the flood left: %s" % ("%.1f s" % first if first else "none within 15 s"))
print("D7 keep-alive second request: %s; head 0.5 s late: %s" % (get(twice=True), get(late=True)))
PY
echo "D7 stack traces in the server log: $(grep -c 'at java.base' "$work/d2.log" || true), log size $(stat -c %s "$work/d2.log") bytes"
fi
