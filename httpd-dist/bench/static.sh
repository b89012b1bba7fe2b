#!/usr/bin/env bash
# Static files: 1 KiB, 64 KiB and 1 MiB files served by httpd's image and by Debian's nginx
# (sendfile on, access log off, one worker), same files, keep-alive, measured with wrk in the
# same run on 127.0.0.1 (servers on CPU 0, wrk on CPU 1), with each server's CPU use.
#   usage: httpd-dist/bench/static.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: the built image (mvn install), wrk, nginx (apt-get install -y nginx-light).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
port_free 18085 18086
command -v nginx >/dev/null || { echo "bench: nginx not installed (apt-get install -y nginx-light)" >&2; exit 1; }

mkdir -p "$work/www" "$work/nginx"
chmod 755 "$work"  # nginx workers run as nobody
head -c 1024 /dev/urandom > "$work/www/1k.bin"
head -c 65536 /dev/urandom > "$work/www/64k.bin"
head -c 1048576 /dev/urandom > "$work/www/1m.bin"

printf '[[listen]]\naddress = "127.0.0.1:18085"\n\n[[route]]\npath = "/"\nhandler = "static"\nroot = "www"\n' \
    > "$work/httpd.toml"
nginx_conf "    server {
        listen 127.0.0.1:18086;
        root $work/www;
    }"
start_httpd "$work/httpd.toml"
start_nginx
wait_port 18085; wait_port 18086
nginx_pids=$(pgrep -P "$nginx_master" | tr '\n' ' ')

echo "static files, keep-alive, $connections connections, ${duration}s each, servers on CPU 0"
printf '%-8s %-8s %12s %8s\n' file server req/s "CPU %"
for f in 1k 64k 1m; do
  measure warm-h "http://127.0.0.1:18085/$f.bin" 5 "$connections" "$httpd_pid" > /dev/null
  measure warm-n "http://127.0.0.1:18086/$f.bin" 5 "$connections" $nginx_pids > /dev/null
  read -r h_rps h_cpu < <(measure "h$f" "http://127.0.0.1:18085/$f.bin" "$duration" "$connections" "$httpd_pid")
  read -r n_rps n_cpu < <(measure "n$f" "http://127.0.0.1:18086/$f.bin" "$duration" "$connections" $nginx_pids)
  printf '%-8s %-8s %12s %8s\n' "$f" httpd "$h_rps" "$h_cpu" "$f" nginx "$n_rps" "$n_cpu"
  awk -v a="$h_rps" -v b="$n_rps" -v f="$f" 'BEGIN { printf "%-8s ratio httpd/nginx: %.2f\n", f, a / b }'
done
