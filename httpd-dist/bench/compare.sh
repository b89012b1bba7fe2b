#!/usr/bin/env bash
# Every row of issue 17 in one run: httpd's image against Debian's nginx and microhttp 0.11 (the
# fastest JVM server on small responses), each pinned to CPU 0, wrk pinned to CPU 1 (-t2,
# keep-alive), servers measured in turns on each row, after a warm-up of every row on every
# server ($WARMUP s each, default 3: the JVMs compile the hot paths of all rows first).
# Rows: a fixed 13-byte response, static 1 KiB / 64 KiB / 1 MiB files, GET /echo; at each of
# $CONNECTIONS (default "64 256") connections. Per server and row: req/s, the server's CPU share
# (utime+stime of all its processes, /proc/PID/stat), req per core-second (req/s / CPU share),
# wrk's p99 and max latency, errors (c connect, r read, w write, s non-2xx/3xx, t timeout > 2 s),
# then httpd's req per core-second over nginx's, microhttp's and the baseline's.
# The 13-byte response: httpd runs the example plugin's greeting handler (its drop-in jar from
# httpd-plugins/httpd-plugin-example/target, greeting = "Hiya": "Hiya, world!\n"), nginx
# `return 200 "Hello, world!"`, microhttp a constant "Hello, world!": a body made in memory by a
# handler on every server, rather than a 13-byte file (the 1 KiB row measures the file path).
# nginx has no echo: its echo row prints "—".
# FLOORS=1 adds the floors of four I/O designs (bench/FloorServer.java: no HTTP work, the 13
# bytes after any request head) on the 13-byte row only: "floor vthread" (a virtual thread per
# connection reading its socket, httpd's design before issue 17, with -Djdk.pollerMode=1),
# "floor poller" (httpd's design now: a selector on a virtual thread fills each connection's
# inbox and unparks its virtual thread, which writes), "floor handoff" (a selector thread reads,
# a virtual thread per request writes) and "floor loop" (one selector thread does everything,
# microhttp's design). ROWS="13 B,echo" measures only the rows named.
#   usage: [BASELINE=IMAGE] [CONNECTIONS="64 256"] [WARMUP=3] [FLOORS=1] [ROWS=...] httpd-dist/bench/compare.sh [DURATION] [IMAGE]
# DURATION: seconds per measurement (default 10); IMAGE: default httpd-dist/target/httpd;
# BASELINE: a second image, measured as "httpd (baseline)" in the same turns; its greeting
# plugin is the example jar in BASELINE_PLUGINS (a folder; default: the one built here), for an
# image older than the API that jar was built against refuses it.
# Needs: the build (mvn -B -o package -DskipTests), wrk, nginx (nginx-light), a JDK 25
# (JAVA25_HOME or /usr/lib/jvm/*25*), microhttp 0.11 in ~/.m2 (fetched with mvn when missing).
# Takes about rows x servers x (WARMUP + connection counts x DURATION): 6 min at 8 s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
duration=${1:-10}
warmup=${WARMUP:-3}
image=$(cd "${2:-$image}" && pwd)
baseline=${BASELINE:+$(cd "$BASELINE" && pwd)}
read -r -a counts <<< "${CONNECTIONS:-64 256}"
command -v nginx >/dev/null || { echo "bench: nginx not installed (apt-get install -y nginx-light)" >&2; exit 1; }
java25
# ports from a random base (PORTS=N to fix it): other runs on the machine may hold fixed ones
ports=${PORTS:-$(( 20000 + RANDOM % 20000 ))}
port_free "$ports" $(( ports + 1 )) $(( ports + 2 )) $(( ports + 3 )) $(( ports + 4 )) $(( ports + 5 )) $(( ports + 6 )) $(( ports + 7 ))
hz=$(getconf CLK_TCK)

rows_setup

start_httpd "$(rows_conf "$ports")"
declare -A port=([httpd]=$ports [nginx]=$(( ports + 1 )) [microhttp]=$(( ports + 2 ))) procs=()
servers=(httpd)
if [ -n "$baseline" ]; then
  mkdir -p "$work/baseline-plugins"
  cp "${BASELINE_PLUGINS:-$work/plugins}"/*.jar "$work/baseline-plugins/"
  taskset -c 0 "$baseline/bin/httpd" -c "$(rows_conf $(( ports + 3 )) baseline-plugins)" > "$work/baseline.log" 2>&1 &
  pids+=($!); procs[baseline]=$!; port[baseline]=$(( ports + 3 )); servers+=(baseline)
fi
rows_nginx "${port[nginx]}"
start_microhttp "${port[microhttp]}"
procs[microhttp]=$microhttp_pid
servers+=(nginx microhttp)
if [ -n "${FLOORS:-}" ]; then
  floor_port=$(( ports + 4 ))
  for mode in vthread poller handoff loop; do
    taskset -c 0 "$jdk/bin/java" -Djdk.pollerMode=1 "$here/FloorServer.java" "$mode" "$floor_port" \
        > "$work/floor-$mode.log" 2>&1 &
    pids+=($!); procs[floor-$mode]=$!; port[floor-$mode]=$floor_port; servers+=("floor-$mode")
    floor_port=$(( floor_port + 1 ))
  done
fi
for s in "${servers[@]}"; do WAIT_SECONDS=60 wait_port "${port[$s]}"; done  # java compiles the .java first
procs[httpd]=$httpd_pid
procs[nginx]="$nginx_master $(pgrep -P "$nginx_master" | tr '\n' ' ')"
for s in "${servers[@]}"; do  # each answered on its own port, not something else that listens there
  kill -0 ${procs[$s]} 2>/dev/null || { echo "bench: $s did not start; its log: $work" >&2; cat "$work"/*.log >&2; exit 1; }
done
for s in "${servers[@]}"; do
  size=$(curl -s "http://127.0.0.1:${port[$s]}/hello" | wc -c)
  [ "$size" = 13 ] || echo "bench: $s answers /hello with $size bytes, not 13" >&2
done

# wrk_run URL CONNECTIONS SECONDS PID...: one wrk run; prints
# "req/s cpu% req-per-core-second p99_ms max_ms errors"
wrk_run() {
  local url=$1 c=$2 d=$3 before after line; shift 3
  before=$(cpu_ticks "$@")
  line=$(taskset -c 1 wrk -t2 -c"$c" -d"${d}s" -s "$here/summary.lua" "$url" | grep '^SUMMARY')
  after=$(cpu_ticks "$@")
  echo "$line" | awk -v ticks=$(( after - before )) -v hz="$hz" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    secs = v["duration_us"] / 1e6; rps = v["requests"] / secs; cpu = ticks / hz / secs
    err = ""; n = split("connect read write status timeout", k, " ")
    for (i = 1; i <= n; i++) if (v[k[i]] > 0) err = err substr(k[i], 1, 1) v[k[i]] " "
    printf "%.0f %.0f %.0f %.2f %.1f %s\n", rps, 100 * cpu, (cpu > 0 ? rps / cpu : 0),
        v["p99_us"] / 1000, v["max_us"] / 1000, err == "" ? "0" : err
  }'
}

rows=()
for row in "13 B|/hello" "1 KiB|/1k.bin" "64 KiB|/64k.bin" "1 MiB|/1m.bin" "echo|/echo"; do
  [[ ",${ROWS:-${row%%|*}}," == *",${row%%|*},"* ]] && rows+=("$row")
done
# skip SERVER ROW: the pairs not measured (nginx has no echo, the floors only answer 13 bytes)
skip() { [ "$1/$2" = nginx/echo ] || { [[ $1 == floor-* ]] && [ "$2" != "13 B" ]; }; }
echo "compare.sh: ${duration}s per measurement (after ${warmup}s warm-up per row and server), connections ${counts[*]}, servers on CPU 0, wrk -t2 on CPU 1"
echo "load before: $(uptime | sed 's/.*load/load/')"
printf '%-7s %5s  %-17s %9s %5s %11s %8s %8s  %s\n' row conns server req/s CPU% req/core-s p99-ms max-ms errors
for row in "${rows[@]}"; do  # warm-up: every path before the first measurement (the JIT)
  for s in "${servers[@]}"; do
    skip "$s" "${row%%|*}" && continue
    wrk_run "http://127.0.0.1:${port[$s]}${row#*|}" "${counts[0]}" "$warmup" ${procs[$s]} > /dev/null
  done
done
for row in "${rows[@]}"; do
  name=${row%%|*}; path=${row#*|}
  for c in "${counts[@]}"; do
    declare -A per_core=()
    for s in "${servers[@]}"; do
      label=${s/-/ }; [ "$s" = baseline ] && label="httpd (baseline)"
      if skip "$s" "$name"; then  # a floor prints no row where it does not run
        [[ $s == floor-* ]] || printf '%-7s %5s  %-17s %9s\n' "$name" "$c" "$label" "—"; continue
      fi
      read -r rps cpu core p99 max err < <(wrk_run "http://127.0.0.1:${port[$s]}$path" "$c" "$duration" ${procs[$s]})
      per_core[$s]=$core
      printf '%-7s %5s  %-17s %9s %5s %11s %8s %8s  %s\n' "$name" "$c" "$label" "$rps" "$cpu" "$core" "$p99" "$max" "$err"
    done
    ratios=""
    for s in nginx microhttp baseline floor-vthread floor-poller floor-handoff floor-loop; do
      [ -n "${per_core[$s]:-}" ] && [ "${per_core[$s]}" != 0 ] && \
        ratios+=$(awk -v a="${per_core[httpd]}" -v b="${per_core[$s]}" -v s="$s" 'BEGIN { printf "  /%s %.2f", s, a / b }')
    done
    echo "        httpd req per core-second:${ratios:-  —}"
    unset per_core
  done
done
echo "load after: $(uptime | sed 's/.*load/load/')"
printf 'RSS after the run, MiB:'
for s in "${servers[@]}"; do
  printf ' %s %s' "$s" "$(for p in ${procs[$s]}; do awk '/VmRSS/ {print $2}' "/proc/$p/status"; done \
      | awk '{ t += $1 } END { printf "%.0f", t / 1024 }')"
done
echo
