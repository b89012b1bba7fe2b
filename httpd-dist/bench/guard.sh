#!/usr/bin/env bash
# Keep-alive GET /echo through the guard validators, in one run: no validator; `access` with 20
# rules (10 deny blocks, 10 allow blocks, the client matching the last); `ratelimit` with room
# for 1 M clients, one client; and `ratelimit` keyed by a random X-Forwarded-For per request
# from a trusted 127.0.0.1 (16 M possible clients churning through the 1 M buckets). The rate
# is set so that nothing is refused: this measures the cost of checking, not of refusing.
# Each is measured in ROUNDS rounds taken in turns; the medians are printed, with requests per
# second of server CPU (req/s divided by the CPU share), the figure that survives a busy machine.
#   usage: httpd-dist/bench/guard.sh [DURATION_SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18090 18091 18092 18093
rounds=${3:-3}

conf() { # conf PORT VALIDATOR-TABLES
  echo_conf "$1" "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n\n$2\n"
}
deny=$(for i in $(seq 10); do printf '"10.%d.0.0/16", ' "$i"; done)
allow=$(for i in $(seq 9); do printf '"192.0.%d.0/24", ' "$i"; done)
access=$(printf '[[validator]]\nid = "access"\ndeny = [%s"2001:db8::/32"]\nallow = [%s"127.0.0.0/8"]\n' "$deny" "$allow")
limit=$(printf '[[validator]]\nid = "ratelimit"\nrate = 1000000000\nburst = 1000000\nkeys = 1000000\n')

declare -A pid
for port in 18090 18091 18092 18093; do
  case $port in
    18090) start_httpd "$(conf $port "")" ;;
    18091) start_httpd "$(conf $port "$access")" ;;
    *) start_httpd "$(conf $port "$limit")" ;;
  esac
  pid[$port]=$httpd_pid
done
for port in 18090 18091 18092 18093; do wait_port $port; done
cat > "$work/xff.lua" <<'LUA'
request = function()
  local xff = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(0, 255))
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = xff })
end
LUA

# measure_xff NAME URL DURATION CONNECTIONS PID: as measure, with a random X-Forwarded-For
measure_xff() {
  wrk_args=(-s "$work/xff.lua")
  measure "$@"
  wrk_args=()
}

for port in 18090 18091 18092; do
  measure warm-$port http://127.0.0.1:$port/echo 3 "$connections" "${pid[$port]}" > /dev/null
done
measure_xff warm-18093 http://127.0.0.1:18093/echo 3 "$connections" "${pid[18093]}" > /dev/null
# rounds taken in turns, so that load from elsewhere on the machine falls on every server alike
for round in $(seq "$rounds"); do
  measure none-$round http://127.0.0.1:18090/echo "$duration" "$connections" "${pid[18090]}" >> "$work/none.rounds"
  measure access-$round http://127.0.0.1:18091/echo "$duration" "$connections" "${pid[18091]}" >> "$work/access.rounds"
  measure limit-$round http://127.0.0.1:18092/echo "$duration" "$connections" "${pid[18092]}" >> "$work/limit.rounds"
  measure_xff limitxff-$round http://127.0.0.1:18093/echo "$duration" "$connections" "${pid[18093]}" >> "$work/limitxff.rounds"
done
# summary NAME: the medians over the rounds of req/s, CPU % and requests per server CPU-second
summary() {
  awk '{r[NR]=$1; c[NR]=$2; k[NR]=($2 > 0 ? $1 * 100 / $2 : 0)}
       function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
           if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int((n + 1) / 2)] }
       END {printf "%12.0f req/s  %4.0f%% CPU  %8.0f req/CPU-s", med(r, NR), med(c, NR), med(k, NR)}' "$work/$1.rounds"
}
non2xx=$(grep -h "Non-2xx" "$work"/*.wrk || true)
evicted=$(grep -h "guard.ratelimit.evicted" "$work"/httpd-18093.toml.log | tail -1 || true)

echo "GET /echo, keep-alive, $connections connections, ${duration}s x $rounds rounds in turns (medians), server on CPU 0"
printf '%-36s %s\n' "no validator" "$(summary none)" "access, 20 rules" "$(summary access)" \
    "ratelimit, 1 client (1 M buckets)" "$(summary limit)" \
    "ratelimit, random XFF (1 M buckets)" "$(summary limitxff)"
[ -z "$non2xx" ] || echo "refused responses (should be none): $non2xx"
[ -z "$evicted" ] || echo "random XFF server, last eviction line: ${evicted#*guard.}"
