#!/usr/bin/env bash
# Memory of the launcher's JVM defaults, and what they cost in speed: each CANDIDATE runs the
# shipped conf/httpd.toml (its ports moved to 127.0.0.1:18120 and :18121) on CPU 0, serving a
# 13-byte file, and this prints, per run:
#   start    ms from launch to the first response (one run, not a median: startup.sh is that)
#   k64      thousand requests per server CPU-second, 10 s of wrk at 64 connections (warm-up)
#   idle     RSS in MiB 15 s after the warm-up
#   k256     as k64, 10 s at 256 connections;  peak: the highest RSS seen during it (every 0.2 s)
#   after    RSS 30 s after the load stopped (was memory given back?)
# Candidates run in turns, ROUNDS times, so that all of them see the same machine.
#   usage: httpd-dist/bench/memory.sh ROUNDS CANDIDATE...
#   CANDIDATE: an image folder, or "IMAGE|OPTS" to run it with HTTPD_JAVA_OPTS=OPTS
#   e.g. memory.sh 2 httpd-dist/target/httpd "httpd-dist/target/httpd|-XX:+UseG1GC"
# Each image is copied first (its conf and logs change); the access log is on, as shipped.
# PORT=N moves the listeners to N and N+1.
# Needs: wrk, curl. About 70 s per candidate and round.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:?usage: memory.sh ROUNDS CANDIDATE...}
shift
source "$here/common.sh" 10 64
port=${PORT:-18120} # and the admin listener on the next one
port_free "$port" $(( port + 1 ))
url="http://127.0.0.1:$port/13.txt"

# copy IMAGE N: the image at $work/image-N, with the shipped config on the bench ports
copy() {
  cp -a "$1" "$work/image-$2"
  sed -i "s/0\.0\.0\.0:8080/127.0.0.1:$port/; s/127\.0\.0\.1:9090/127.0.0.1:$(( port + 1 ))/" \
      "$work/image-$2/conf/httpd.toml"
  printf 'hello, world\n' > "$work/image-$2/www/13.txt"
}

rss() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# per_core "REQ/S CPU%": thousand requests per server CPU-second
per_core() { awk '{printf "%.1f", ($2 > 0) ? $1 / $2 / 10 : 0}' <<< "$1"; }

# run N OPTS: one measured run of image-N; prints the row's figures
run() {
  local img=$work/image-$1 t0 t1 pid warm load peak idle sampler
  rm -f "$img/logs/access.log"
  t0=$(date +%s%N)
  HTTPD_JAVA_OPTS="$2" taskset -c 0 "$img/bin/httpd" -c "$img/conf/httpd.toml" > "$work/log" 2>&1 &
  pid=$!
  pids+=("$pid")
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  warm=$(measure warm "$url" 10 64 "$pid")
  sleep 15
  idle=$(rss "$pid")
  ( peak=0; while kill -0 "$pid" 2>/dev/null; do
      r=$(rss "$pid"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$work/peak"
      sleep 0.2; done ) &
  sampler=$!
  load=$(measure load "$url" 10 256 "$pid")
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  peak=$(cat "$work/peak")
  sleep 30
  echo "$(( (t1 - t0) / 1000000 )) $(per_core "$warm") $idle $(per_core "$load") $peak $(rss "$pid")"
  kill -TERM "$pid"; wait "$pid" || true
}

declare -A copied=()
n=0
images=() opts=() labels=()
for c in "$@"; do
  dir=${c%%|*}; opt=""; [[ $c == *"|"* ]] && opt=${c#*|}
  [ -n "${copied[$dir]:-}" ] || { copied[$dir]=$n; copy "$dir" $n; n=$(( n + 1 )); }
  images+=("${copied[$dir]}"); opts+=("$opt"); labels+=("$(basename "$dir") $opt")
done

echo "load: $(uptime | sed 's/.*load average/load average/')"
printf '%-3s %-60s %6s %6s %5s %6s %5s %6s\n' "#" candidate start k64 idle k256 peak after
for r in $(seq "$rounds"); do
  for i in "${!images[@]}"; do
    row=$(run "${images[$i]}" "${opts[$i]}")
    printf '%-3s %-60s %6s %6s %5s %6s %5s %6s\n' "$r" "${labels[$i]}" $row
  done
done
echo "load: $(uptime | sed 's/.*load average/load average/')"
