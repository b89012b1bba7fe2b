#!/usr/bin/env bash
# c10k memory: RSS of the server before and after N idle keep-alive connections (one GET each,
# then silent), per connection, and 10 s after they close; httpd's image and nginx (one
# worker) in the same run, on 127.0.0.1, servers on CPU 0. Bounded: N connections, ~20 s each.
#   usage: httpd-dist/bench/c10k.sh [N] [IMAGE]      (N default 10000; IMAGE default the build)
# Needs: the built image, nginx (nginx-light), python3, and `ulimit -n` of at least N + 200.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
n=${1:-10000}
image=$(cd "${2:-$image}" && pwd)
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge $(( n + 200 )) ] || { echo "bench: ulimit -n below $(( n + 200 ))" >&2; exit 1; }
port_free 18100 18101

printf '[[listen]]\naddress = "127.0.0.1:18100"\n\n[[route]]\npath = "/echo"\nhandler = "echo"\n\n[limits]\nconnections = %d\nidle_timeout = "120s"\n' \
    $(( n + 100 )) > "$work/httpd.toml"
start_httpd "$work/httpd.toml"
nginx_conf "    keepalive_timeout 120s;
    server { listen 127.0.0.1:18101; location / { return 200 \"ok\n\"; } }"
sed -i "s/worker_connections 1024;/worker_connections $(( n + 100 ));/; 1i worker_rlimit_nofile $(( n + 200 ));" \
    "$work/nginx/nginx.conf"
start_nginx
wait_port 18100; wait_port 18101
nginx_worker=$(pgrep -P "$nginx_master" | head -n1)

read -r h0 h1 hk h2 < <(python3 "$here/c10k.py" 18100 /echo "$n" "$httpd_pid")
read -r g0 g1 gk g2 < <(python3 "$here/c10k.py" 18101 / "$n" "$nginx_worker")

echo "$n idle keep-alive connections, one GET each; RSS in MiB (nginx: its one worker)"
printf '%-26s %10s %10s %12s %16s\n' server before idle "KiB/conn" "10 s after close" \
    "httpd ($(basename "$(dirname "$image")")/$(basename "$image"))" "$h0" "$h1" "$hk" "$h2" \
    nginx "$g0" "$g1" "$gk" "$g2"
