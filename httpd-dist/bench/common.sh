# Shared by the bench scripts: sourced, not run. Servers run pinned to CPU 0, wrk to CPU 1,
# so req/s is per server core; every run is bounded by its duration.
image="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../target/httpd"
[ -x "$image/bin/httpd" ] || { echo "bench: build the image first: mvn install -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk not installed (apt-get install -y wrk)" >&2; exit 1; }
# every script that sources this takes [DURATION_SECONDS] [CONNECTIONS] first (sourced, this
# file sees the script's own arguments)
duration=${1:-10}
connections=${2:-50}
work=$(mktemp -d)
pids=()
wrk_args=()  # more wrk options for the next measure, such as (-H "Connection: close")
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# wait_port PORT: until something accepts on 127.0.0.1:PORT ($WAIT_SECONDS, default 10 s, at most)
wait_port() {
  for _ in $(seq $(( ${WAIT_SECONDS:-10} * 10 ))); do
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on $1" >&2; exit 1
}

# port_free PORT...: refuse to measure a server that was already there
port_free() {
  local p
  for p in "$@"; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then
      echo "bench: port $p is already in use; stop what listens there first" >&2; exit 1
    fi
  done
}

# cpu_ticks PID...: user+system clock ticks used so far by these processes
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$total"
}

# measure NAME URL DURATION CONNECTIONS PID...: prints "req/s cpu%" (cpu% of one core)
measure() {
  local name=$1 url=$2 duration=$3 connections=$4; shift 4
  local before after hz
  hz=$(getconf CLK_TCK)
  before=$(cpu_ticks "$@")
  taskset -c 1 wrk "${wrk_args[@]}" -t1 -c"$connections" -d"${duration}s" "$url" > "$work/$name.wrk" 2>&1
  after=$(cpu_ticks "$@")
  awk -v t=$(( after - before )) -v hz="$hz" -v d="$duration" \
      '/Requests\/sec/ {printf "%s %.0f\n", $2, 100 * t / hz / d}' "$work/$name.wrk"
}

# echo_conf PORT [TOML]: writes $work/httpd-PORT.toml (a listener on 127.0.0.1:PORT serving
# the echo handler at /echo, then TOML, its \n escapes expanded) and prints its path
echo_conf() {
  printf '[[listen]]\naddress = "127.0.0.1:%s"\n\n[[route]]\npath = "/echo"\nhandler = "echo"\n\n%b' \
      "$1" "${2:-}" > "$work/httpd-$1.toml"
  echo "$work/httpd-$1.toml"
}

# start_httpd CONFIG: the image on CPU 0; sets httpd_pid
start_httpd() {
  taskset -c 0 "$image/bin/httpd" -c "$1" > "$1.log" 2>&1 &
  httpd_pid=$!
  pids+=("$httpd_pid")
}

# nginx_conf SERVER_BLOCK: $work/nginx/nginx.conf for one worker, access log off, sendfile on,
# serving this server { ... } block; then start_nginx runs it on CPU 0
nginx_conf() {
  mkdir -p "$work/nginx"
  chmod 755 "$work"  # nginx workers run as nobody
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx;
    scgi_temp_path $work/nginx;
$1
}
CONF
}

# start_nginx: the nginx of nginx_conf on CPU 0; sets nginx_master (its workers are its
# children: pgrep -P "$nginx_master")
start_nginx() {
  taskset -c 0 nginx -c "$work/nginx/nginx.conf" > "$work/nginx/out.log" 2>&1 &
  nginx_master=$!
  pids+=("$nginx_master")
}

# rows_setup: the files of the rows (1k.bin, 64k.bin, 1m.bin in $work/www) and the example
# plugin's drop-in jar (the 13-byte greeting) in $work/plugins; exits when the jar is not built
rows_setup() {
  local example
  example=$(ls "$(dirname "${BASH_SOURCE[0]}")"/../../httpd-plugins/httpd-plugin-example/target/httpd-plugin-example-*.jar 2>/dev/null \
      | grep -v -e sources -e javadoc | head -n1 || true)
  [ -n "$example" ] || { echo "bench: no example plugin jar; build first: mvn -B -o package -DskipTests" >&2; exit 1; }
  mkdir -p "$work/www" "$work/plugins"
  head -c 1024 /dev/urandom > "$work/www/1k.bin"
  head -c 65536 /dev/urandom > "$work/www/64k.bin"
  head -c 1048576 /dev/urandom > "$work/www/1m.bin"
  cp "$example" "$work/plugins/"
}

# rows_conf PORT [PLUGINS_DIR]: $work/httpd-PORT.toml serving the rows on PORT (static files
# at /, the greeting at /hello, echo at /echo; drop-ins from PLUGINS_DIR, default plugins);
# prints its path
rows_conf() {
  printf '[server]\nplugins_dir = "%s"\n\n[[listen]]\naddress = "127.0.0.1:%s"\n
[[route]]\npath = "/"\nhandler = "static"\nroot = "www"\n
[[route]]\npath = "/hello"\nhandler = "greeting"\ngreeting = "Hiya"\n
[[route]]\npath = "/echo"\nhandler = "echo"\n' "${2:-plugins}" "$1" > "$work/httpd-$1.toml"
  echo "$work/httpd-$1.toml"
}

# java25: sets jdk to a JDK 25 (JAVA25_HOME, else /usr/lib/jvm/*25*); exits when there is none
java25() {
  jdk=${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)}
  [ -x "$jdk/bin/java" ] || { echo "bench: no JDK 25 found (set JAVA25_HOME)" >&2; exit 1; }
}

# rows_nginx PORT: nginx (nginx_conf, start_nginx) serving the rows on PORT: the files of
# $work/www at /, a constant 13-byte "Hello, world!" at /hello; sets nginx_master
rows_nginx() {
  command -v nginx >/dev/null || { echo "bench: nginx not installed (apt-get install -y nginx-light)" >&2; exit 1; }
  nginx_conf "    server {
        listen 127.0.0.1:$1;
        keepalive_timeout 65;
        root $work/www;
        location = /hello { default_type text/plain; return 200 \"Hello, world!\"; }
    }"
  start_nginx
}

# start_microhttp PORT: MicrohttpServer.java (microhttp 0.11 from ~/.m2, fetched when missing)
# on CPU 0, serving the rows on PORT; sets microhttp_pid. It compiles its source first: wait
# for its port with WAIT_SECONDS=60.
start_microhttp() {
  local jar=~/.m2/repository/org/microhttp/microhttp/0.11/microhttp-0.11.jar
  java25
  [ -f "$jar" ] || mvn -q dependency:get -Dartifact=org.microhttp:microhttp:0.11 >&2
  taskset -c 0 "$jdk/bin/java" -cp "$jar" "$(dirname "${BASH_SOURCE[0]}")/MicrohttpServer.java" "$1" "$work/www" \
      > "$work/microhttp.log" 2>&1 &
  microhttp_pid=$!
  pids+=("$microhttp_pid")
}
