#!/usr/bin/env bash
# Starts Debian's docker-registry (distribution 2.8) on 127.0.0.1 with TLS and
# htpasswd (bcrypt) basic auth, in the background.
#
#   start-registry.sh <workdir> <port>
#
# <port> 0 picks a free port. Credentials come from REGISTRY_USER and
# REGISTRY_PASSWORD (defaults: sbom / s3cret); the password is handed to
# htpasswd on stdin, never on a command line.
#
# Creates under <workdir>:
#   certs/ca.crt, certs/ca.key          CA (kept across runs)
#   certs/server.crt, certs/server.key  server cert, SAN DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1
#   certs.d/ca.crt                      the CA alone, for skopeo --cert-dir / --dest-cert-dir
#   htpasswd, registry.yml, data/, registry.log
#   registry.pid, registry.port         while the registry runs
#
# Prints "registry https://127.0.0.1:<port> ca=<workdir>/certs/ca.crt" once
# GET /v2/ answers 401. Idempotent: when the registry of <workdir> already runs,
# it only prints that line. Stop it with stop-registry.sh <workdir>.
set -euo pipefail
# shellcheck source=../lib/services.sh
. "$(cd "$(dirname "$0")/../lib" && pwd)/services.sh"

[ $# -eq 2 ] || usage_exit "<workdir> <port>"
mkdir -p "$1"
WORKDIR="$(cd "$1" && pwd)"
PORT="$2"
USER_NAME="${REGISTRY_USER:-sbom}"
PASSWORD="${REGISTRY_PASSWORD:-s3cret}"
CERTS="$WORKDIR/certs"
PIDFILE="$WORKDIR/registry.pid"
PORTFILE="$WORKDIR/registry.port"

require_command docker-registry
require_command htpasswd "htpasswd (apache2-utils)"

# True when the pid file names a docker-registry serving this workdir's config.
running() {
  pidfile_process_runs "$PIDFILE" "docker-registry serve $WORKDIR/registry.yml"
}

announce() {
  echo "registry https://127.0.0.1:$(cat "$PORTFILE") ca=$CERTS/ca.crt"
}

if running; then
  announce
  exit 0
fi
rm -f "$PIDFILE" "$PORTFILE"

make_certs() {
  mkdir -p "$CERTS" "$WORKDIR/certs.d"
  if [ ! -s "$CERTS/ca.crt" ] || [ ! -s "$CERTS/ca.key" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=sbom-operator test CA" \
      -keyout "$CERTS/ca.key" -out "$CERTS/ca.crt" 2>/dev/null
    rm -f "$CERTS/server.crt"
  fi
  if [ ! -s "$CERTS/server.crt" ] || [ ! -s "$CERTS/server.key" ] \
     || ! openssl verify -CAfile "$CERTS/ca.crt" "$CERTS/server.crt" >/dev/null 2>&1; then
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
      -keyout "$CERTS/server.key" -out "$CERTS/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' \
      >"$CERTS/server.ext"
    openssl x509 -req -in "$CERTS/server.csr" -CA "$CERTS/ca.crt" -CAkey "$CERTS/ca.key" \
      -CAcreateserial -days 3650 -extfile "$CERTS/server.ext" -out "$CERTS/server.crt" 2>/dev/null
    rm -f "$CERTS/server.csr" "$CERTS/server.ext"
  fi
  chmod 600 "$CERTS/ca.key" "$CERTS/server.key"
  cp "$CERTS/ca.crt" "$WORKDIR/certs.d/ca.crt"
}

write_config() {
  local port="$1"
  # The registry accepts bcrypt entries only (-B).
  printf '%s\n' "$PASSWORD" | htpasswd -ciB "$WORKDIR/htpasswd" "$USER_NAME" 2>/dev/null
  chmod 600 "$WORKDIR/htpasswd"
  mkdir -p "$WORKDIR/data"
  cat >"$WORKDIR/registry.yml" <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORKDIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  tls:
    certificate: $CERTS/server.crt
    key: $CERTS/server.key
auth:
  htpasswd:
    realm: sbom-registry
    path: $WORKDIR/htpasswd
EOF
}

# Waits until /v2/ answers 401 (up, TLS and auth active). Fails when the
# process dies or 10 s pass.
wait_ready() {
  local pid="$1" port="$2" code
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --cacert "$CERTS/ca.crt" \
      "https://127.0.0.1:$port/v2/" || true)"
    [ "$code" = "401" ] && return 0
    sleep 0.1
  done
  return 1
}

make_certs
attempts=0
while :; do
  port="$PORT"
  if [ "$port" = "0" ]; then
    port="$(pick_port)"
  fi
  write_config "$port"
  # setsid: the registry must not die with the caller's process group.
  setsid nohup docker-registry serve "$WORKDIR/registry.yml" >"$WORKDIR/registry.log" 2>&1 </dev/null &
  pid=$!
  if wait_ready "$pid" "$port"; then
    echo "$pid" >"$PIDFILE"
    echo "$port" >"$PORTFILE"
    announce
    exit 0
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  attempts=$((attempts + 1))
  # Another process may have taken a randomly picked port meanwhile: retry.
  if [ "$PORT" != "0" ] || [ $attempts -ge 5 ]; then
    echo "docker-registry did not come up on 127.0.0.1:$port; log follows" >&2
    tail -n 20 "$WORKDIR/registry.log" >&2
    exit 1
  fi
done
