#!/usr/bin/env bash
# The HTTPS deployment of deploy/nginx/safespaces.conf, tested on loopback: the committed file
# with only its ports, certificate paths and upstream port changed, a throwaway self-signed
# certificate, nginx in the foreground with its own prefix, and the real safespaces-server
# (--trust-proxy) behind it; then curl and openssl as a browser and a phone would be.
# Usage: nginx_tls_test.sh SERVER_BINARY CONFIG_FILE [WEB_DIST]. Exit 77 (skipped) only when
# nginx is not installed; tools/setup.sh installs it.
set -euo pipefail

SERVER="$1"
CONFIG="$2"
WEB_DIST="${3:-}"
NAME="safespaces.example.org"  # the config's server_name, resolved to 127.0.0.1 by curl

NGINX="$(command -v nginx || true)"
[[ -z "$NGINX" && -x /usr/sbin/nginx ]] && NGINX=/usr/sbin/nginx
if [[ -z "$NGINX" ]]; then
  echo "SKIPPED: nginx is not installed (tools/setup.sh installs it), so the HTTPS example is not tested."
  exit 77
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/safespaces-nginx-XXXXXX")"
chmod 755 "$WORK"  # nginx's workers run as another user when the test runs as root
SERVER_PID="" NGINX_PID=""
cleanup() {
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
check() {  # check "what a user would notice" COMMAND...
  local what="$1"
  shift
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAILED: $what"
    FAILURES=$((FAILURES + 1))
  fi
}

# A port nobody answers on, below the range the system hands out for outgoing connections
# and "--port 0" (another test's connection may hold any port in that range, and nginx then
# cannot bind it); nginx itself says if it was taken meanwhile (then we try again).
EPHEMERAL_LOW=32768
read -r EPHEMERAL_LOW _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
PORT_LOW=10000
((EPHEMERAL_LOW - PORT_LOW > 2000)) || PORT_LOW=$((EPHEMERAL_LOW / 2))
free_port() {
  local port
  while :; do
    port=$((PORT_LOW + RANDOM % (EPHEMERAL_LOW - PORT_LOW)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# 1. A certificate for the config's name, good for two days.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=$NAME" -addext "subjectAltName=DNS:$NAME" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

# 2. The real server behind it, on a free port, with the web app (or a stand-in page).
if [[ -z "$WEB_DIST" || ! -f "$WEB_DIST/index.html" ]]; then
  WEB_DIST="$WORK/web"
  mkdir -p "$WEB_DIST"
  printf '<!doctype html><title>Safe Spaces</title><p>Stand-in page: the web build is not there.\n' \
    > "$WEB_DIST/index.html"
  echo "note: no web build, so the app page is a stand-in (the server adds the same headers)"
fi
"$SERVER" --port 0 --data "$WORK/data" --web "$WEB_DIST" --trust-proxy >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
APP_PORT=""
for _ in $(seq 100); do
  APP_PORT="$(sed -n 's|.*running on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/server.out")"
  [[ -n "$APP_PORT" ]] && break
  sleep 0.1
done
[[ -n "$APP_PORT" ]] || { echo "FAILED: the server did not start"; cat "$WORK/server.log"; exit 1; }

# 3. nginx with the committed server blocks: only ports, certificate paths and the upstream
# port change. IPv6 listens go to ::1 when this machine has it.
IPV6=0
[[ -r /proc/net/if_inet6 ]] && grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 && IPV6=1
mkdir -p "$WORK/nginx/logs"
for attempt in 1 2 3 4 5; do
  HTTPS_PORT="$(free_port)"
  HTTP_PORT="$(free_port)"
  sed -e "s|listen 443 |listen 127.0.0.1:$HTTPS_PORT |" \
      -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" \
      -e "s|/etc/letsencrypt/live/$NAME/fullchain.pem|$WORK/cert.pem|" \
      -e "s|/etc/letsencrypt/live/$NAME/privkey.pem|$WORK/key.pem|" \
      -e "s|http://127.0.0.1:8080|http://127.0.0.1:$APP_PORT|" \
      "$CONFIG" > "$WORK/nginx/safespaces.conf"
  if ((IPV6)); then
    sed -i -e "s|listen \[::\]:443 |listen [::1]:$HTTPS_PORT |" -e "s|listen \[::\]:80;|listen [::1]:$HTTP_PORT;|" \
      "$WORK/nginx/safespaces.conf"
  else
    sed -i -e '/listen \[::\]/d' "$WORK/nginx/safespaces.conf"
  fi
  # The example must not have listened anywhere else, or it was changed in a way this test misses.
  if grep -vE '^ *#' "$WORK/nginx/safespaces.conf" | grep -E 'listen +(443|80)[ ;]|/etc/letsencrypt|127\.0\.0\.1:8080'; then
    echo "FAILED: the example's listen, certificate or upstream lines are not the ones this test knows"
    exit 1
  fi
  # The access log below is what nginx would write without the example's "access_log off".
  cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log info;
events { worker_connections 64; }
http {
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  include $WORK/nginx/safespaces.conf;
}
EOF
  : > "$WORK/nginx/logs/error.log"
  "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  # nginx listens on one port as soon as it has bound it, and keeps retrying (then gives up)
  # when another is taken: it has started only when both answer and it has not complained.
  for _ in $(seq 50); do
    grep -q "bind() to .* failed" "$WORK/nginx/logs/error.log" 2>/dev/null && break
    (exec 3<>"/dev/tcp/127.0.0.1/$HTTPS_PORT") 2>/dev/null \
      && (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && break
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  if grep -q "bind() to .* failed" "$WORK/nginx/logs/error.log" 2>/dev/null; then
    kill "$NGINX_PID" 2>/dev/null || true
  elif kill -0 "$NGINX_PID" 2>/dev/null; then
    break
  fi
  wait "$NGINX_PID" || true
  NGINX_PID=""
  grep -q "Address already in use" "$WORK/nginx/logs/error.log" || break
done
if [[ -z "$NGINX_PID" ]]; then
  echo "FAILED: nginx did not start with the example config"
  cat "$WORK/nginx/logs/error.log"
  exit 1
fi
echo "nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') on https://$NAME:$HTTPS_PORT (127.0.0.1), server on port $APP_PORT"

BASE="https://$NAME:$HTTPS_PORT"
CURL=(curl -sS --max-time 30 --cacert "$WORK/cert.pem" --resolve "$NAME:$HTTPS_PORT:127.0.0.1"
      --resolve "$NAME:$HTTP_PORT:127.0.0.1")

# A request's status, headers and body into $WORK/last.{status,head,body}.
fetch() {
  "${CURL[@]}" -D "$WORK/last.head" -o "$WORK/last.body" -w '%{http_code} %{http_version}' "$@" \
    > "$WORK/last.status" || echo "000 0" > "$WORK/last.status"
}
status_is() { [[ "$(cut -d' ' -f1 "$WORK/last.status")" == "$1" ]]; }
header_has() { grep -qiE "^$1:.*$2" "$WORK/last.head"; }
body_has() { grep -q -- "$1" "$WORK/last.body"; }

# 4. What a phone and an officer's browser meet.
fetch "$BASE/api/v1/health"
check "GET /api/v1/health over HTTPS is 200" status_is 200
check "... over HTTP/2" grep -q ' 2$' "$WORK/last.status"
check "... with HSTS for at least a year" header_has Strict-Transport-Security 'max-age=(3[2-9][0-9]{6}|[4-9][0-9]{7}|[0-9]{9,})'
check "... saying ok" body_has '"status":"ok"'

fetch "$BASE/"
check "the app page is 200" status_is 200
check "... as HTML" header_has Content-Type 'text/html'
check "... with the server's Content-Security-Policy" header_has Content-Security-Policy "frame-ancestors 'none'"
check "... with HSTS" header_has Strict-Transport-Security 'max-age='
check "... and nosniff" header_has X-Content-Type-Options nosniff

DEVICE="0e6a7c2e-5b1d-4f0a-9c3e-2d7b8a6f4e10"
fetch -X POST -H 'Content-Type: application/json' --data "{\"device_id\":\"$DEVICE\",\"cursor\":\"\",\"items\":[]}" \
  "$BASE/api/v1/sync"
check "POST /api/v1/sync through the proxy is 200" status_is 200
check "... with the sync answer" body_has '"results"'

head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$WORK/five-mb.json"
fetch -X POST -H 'Content-Type: application/json' --data-binary "@$WORK/five-mb.json" "$BASE/api/v1/sync"
check "a 5 MB body is refused with 413" status_is 413
check "... as the API's JSON error" body_has '"code":"payload_too_large"'
check "... by nginx, before it reaches the server" grep -q 'client intended to send too large body' \
  "$WORK/nginx/logs/error.log"

fetch "http://$NAME:$HTTP_PORT/api/v1/health?x=1"
check "http:// is redirected (301)" status_is 301
check "... to the same address on https://" header_has Location "https://$NAME/api/v1/health\\?x=1"

# 5. TLS: 1.2 and 1.3 work; 1.1 is refused by the server (the client is told to allow it).
check "TLS 1.2 connects" "${CURL[@]}" -o /dev/null --tlsv1.2 --tls-max 1.2 "$BASE/api/v1/health"
check "TLS 1.3 connects" "${CURL[@]}" -o /dev/null --tlsv1.3 "$BASE/api/v1/health"
tls11_refused() {
  ! openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -servername "$NAME" -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' \
      </dev/null >"$WORK/tls11.out" 2>&1
}
check "TLS 1.1 is refused" tls11_refused

# 6. The rate limits see each client's own address through X-Real-IP (10 restore tries a
# minute per address), and a client cannot choose its address by sending the header itself.
restore_from() {  # restore_from SOURCE_ADDRESS [extra curl args]: the status
  local from="$1"
  shift
  "${CURL[@]}" --interface "$from" -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data '{"code":"apple river stone cloud"}' "$@" "$BASE/api/v1/restore"
}
LIMITED=0
for _ in $(seq 12); do [[ "$(restore_from 127.0.0.2)" == 429 ]] && LIMITED=1; done
check "12 restore tries from 127.0.0.2 meet the limit (429)" test "$LIMITED" = 1
check "... while 127.0.0.3 is not limited" test "$(restore_from 127.0.0.3)" != 429
check "... and 127.0.0.2 cannot step round it with its own X-Real-IP" \
  test "$(restore_from 127.0.0.2 -H 'X-Real-IP: 10.9.8.7')" = 429

# 7. Nothing kept the clients' addresses: no access log, nothing in the server's log.
no_access_log() { [[ ! -s "$WORK/nginx/logs/access.log" ]]; }
check "nginx wrote no access log" no_access_log
check "the server's log holds no client address" bash -c "! grep -E '127\\.0\\.0\\.[23]|10\\.9\\.8\\.7' '$WORK/server.log'"

if ((FAILURES)); then
  echo "$FAILURES check(s) failed. nginx's error log:"
  tail -n 20 "$WORK/nginx/logs/error.log"
  exit 1
fi
echo "all checks passed"
