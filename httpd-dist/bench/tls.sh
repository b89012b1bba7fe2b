#!/usr/bin/env bash
# TLS: keep-alive req/s for a 13-byte and a 64 KiB file over TLS 1.3, beside httpd's own plain
# listener and beside Debian's nginx (same files, same P-256 certificate, TLSv1.3 with
# TLS_AES_128_GCM_SHA256 only, one worker, access log off), with each server's CPU use; then
# new TLS connections per second (a full handshake and one request each, openssl s_time -new)
# for httpd and nginx. Same run, 127.0.0.1 only, servers on CPU 0, clients on CPU 1; every
# step is bounded by its duration.
#   usage: httpd-dist/bench/tls.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: the built image (mvn package), wrk, openssl, nginx (apt-get install -y nginx-light).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18090 18091 18092 18093
command -v nginx >/dev/null || { echo "bench: nginx not installed (apt-get install -y nginx-light)" >&2; exit 1; }
command -v openssl >/dev/null || { echo "bench: openssl not installed" >&2; exit 1; }
cipher=TLS_AES_128_GCM_SHA256

mkdir -p "$work/www" "$work/certs"
printf 'Hello, World!' > "$work/www/13.txt"
head -c 65536 /dev/urandom > "$work/www/64k.bin"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$work/certs/server.key" -out "$work/certs/server.crt" 2> /dev/null
chmod 644 "$work/certs/server.key"

cat > "$work/httpd.toml" <<CONF
[[listen]]
address = "127.0.0.1:18090"

[[listen]]
address = "127.0.0.1:18091"
tls = "main"

[tls.main]
provider = "pem"
cert = "certs/server.crt"
key = "certs/server.key"
protocols = ["TLSv1.3"]
ciphers = ["$cipher"]

[[route]]
path = "/"
handler = "static"
root = "www"
CONF
nginx_conf "    server {
        listen 127.0.0.1:18092 ssl;
        listen 127.0.0.1:18093;
        ssl_certificate $work/certs/server.crt;
        ssl_certificate_key $work/certs/server.key;
        ssl_protocols TLSv1.3;
        ssl_conf_command Ciphersuites $cipher;
        root $work/www;
    }"
start_httpd "$work/httpd.toml"
start_nginx
wait_port 18090; wait_port 18091; wait_port 18092; wait_port 18093
nginx_pids=$(pgrep -P "$nginx_master" | tr '\n' ' ')

# what each TLS server settles on with an OpenSSL 3 client such as wrk's
for p in 18091 18092; do
  echo | timeout 5 openssl s_client -connect 127.0.0.1:$p -servername localhost 2>/dev/null \
      | awk -v p=$p '/^New,|Server Temp Key/ {printf "port %s: %s\n", p, $0}'
done

# the JIT first: the JVM's TLS code is cold until it has served a while
measure warm-jit-tls https://127.0.0.1:18091/13.txt 10 "$connections" "$httpd_pid" > /dev/null
measure warm-jit-plain http://127.0.0.1:18090/13.txt 5 "$connections" "$httpd_pid" > /dev/null

# per_core RPS CPU: requests per second of one whole server core
per_core() { awk -v r="$1" -v c="$2" 'BEGIN { printf "%.0f", (c > 0 ? r * 100 / c : 0) }'; }

echo "keep-alive, $connections connections, ${duration}s each, servers on CPU 0"
printf '%-6s %-14s %12s %8s %14s\n' file server req/s "CPU %" "req/core-s"
for f in 13.txt 64k.bin; do
  declare -A rps=()
  for row in "httpd-plain http://127.0.0.1:18090 $httpd_pid" \
             "httpd-tls https://127.0.0.1:18091 $httpd_pid" \
             "nginx-plain http://127.0.0.1:18093 $nginx_pids" \
             "nginx-tls https://127.0.0.1:18092 $nginx_pids"; do
    read -r name base server <<< "$row"
    measure "warm-$name" "$base/$f" 3 "$connections" $server > /dev/null
    read -r r c < <(measure "$name-$f" "$base/$f" "$duration" "$connections" $server)
    rps[$name]=$(per_core "$r" "$c")
    printf '%-6s %-14s %12s %8s %14s\n' "${f%%.*}" "$name" "$r" "$c" "${rps[$name]}"
  done
  awk -v t="${rps[httpd-tls]}" -v p="${rps[httpd-plain]}" -v n="${rps[nginx-tls]}" -v f="${f%%.*}" \
      'BEGIN { printf "%-6s per core: httpd tls/plain %.2f, httpd/nginx over tls %.2f\n", f, t / p, t / n }'
done

# new connections: a full handshake each (P-256 certificate, X25519, no resumption: wrk would
# resume sessions by ticket, so openssl s_time -new, four clients at once) and one GET
new_conns() { # NAME PORT SECONDS PID...: prints "conn/s cpu%"
  local name=$1 port=$2 seconds=$3; shift 3
  local before after hz clients=()
  hz=$(getconf CLK_TCK)
  before=$(cpu_ticks "$@")
  for i in 1 2 3 4; do
    taskset -c 1 openssl s_time -connect 127.0.0.1:"$port" -new -www /13.txt -time "$seconds" \
        > "$work/st-$name-$i.txt" 2>&1 &
    clients+=($!)
  done
  wait "${clients[@]}"
  after=$(cpu_ticks "$@")
  cat "$work"/st-"$name"-*.txt | awk -v t=$(( after - before )) -v hz="$hz" \
      '/connections in .* real seconds/ {n += $1; if ($4 > s) s = $4}
       END {printf "%.0f %.0f\n", n / s, 100 * t / hz / s}'
}
echo "new TLS connections (openssl s_time -new, 4 clients, full handshake + GET /13.txt), ${duration}s"
for row in "httpd 18091 $httpd_pid" "nginx 18092 $nginx_pids"; do
  read -r name port server <<< "$row"
  new_conns "warm-$name" "$port" 5 $server > /dev/null
  read -r r c < <(new_conns "$name" "$port" "$duration" $server)
  printf '%-14s %12s conn/s %5s%% CPU %10s conn/core-s\n' "$name" "$r" "$c" "$(per_core "$r" "$c")"
done
