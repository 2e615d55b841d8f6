#!/usr/bin/env bash
# Starts a Git smart-HTTP server for tests: lighttpd on 127.0.0.1 running
# git's CGI `git http-backend`, with HTTP basic auth (htpasswd, bcrypt) on
# everything below /git/, in the background.
#
#   start-git-server.sh <workdir> <port>
#
# <port> 0 picks a free port. Environment:
#   GIT_SERVER_USER / GIT_SERVER_PASSWORD    the user (defaults: sbom / s3cret)
#   GIT_SERVER_EXTRA_USER / _EXTRA_PASSWORD  an optional second user (e.g. x-access-token)
#   GIT_SERVER_EMPTY=1                       leave the repository without commits
#   GIT_SERVER_TLS=1                         serve HTTPS instead of HTTP (needs lighttpd-mod-openssl)
# Passwords go to htpasswd on stdin, never on a command line.
#
# Creates under <workdir>:
#   repos/sbom.git          bare repository (http.receivepack true); unless
#                           empty, one commit "initial commit" (README.md) on main
#   htpasswd, lighttpd.conf, log/, www/
#   certs/ca.crt ...        with GIT_SERVER_TLS=1 (SAN DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1)
#   lighttpd.pid, git.port  while the server runs
#
# Prints "git <scheme>://127.0.0.1:<port>/git/sbom.git" once the server
# answers. A running server of <workdir> is stopped first (fresh repository).
# Stop it with stop-git-server.sh <workdir>.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib/services.sh
. "$HERE/../lib/services.sh"

[ $# -eq 2 ] || usage_exit "<workdir> <port>"
mkdir -p "$1"
WORKDIR="$(cd "$1" && pwd)"
PORT="$2"
USER_NAME="${GIT_SERVER_USER:-sbom}"
PASSWORD="${GIT_SERVER_PASSWORD:-s3cret}"
SCHEME=http
[ "${GIT_SERVER_TLS:-0}" = "1" ] && SCHEME=https
BACKEND=/usr/lib/git-core/git-http-backend

require_command lighttpd
require_command htpasswd "htpasswd (apache2-utils)"
[ -x "$BACKEND" ] || { echo "$BACKEND is missing" >&2; exit 1; }

"$HERE/stop-git-server.sh" "$WORKDIR" >/dev/null

make_repository() {
  rm -rf "$WORKDIR/repos" "$WORKDIR/seed"
  mkdir -p "$WORKDIR/repos"
  git init -q --bare -b main "$WORKDIR/repos/sbom.git"
  git -C "$WORKDIR/repos/sbom.git" config http.receivepack true
  if [ "${GIT_SERVER_EMPTY:-0}" != "1" ]; then
    git init -q -b main "$WORKDIR/seed"
    echo "# SBOMs" >"$WORKDIR/seed/README.md"
    git -C "$WORKDIR/seed" add README.md
    git -C "$WORKDIR/seed" -c user.name=seed -c user.email=seed@example.com commit -q -m "initial commit"
    git -C "$WORKDIR/seed" push -q "$WORKDIR/repos/sbom.git" main
    rm -rf "$WORKDIR/seed"
  fi
}

make_users() {
  rm -f "$WORKDIR/htpasswd"
  printf '%s\n' "$PASSWORD" | htpasswd -ciB "$WORKDIR/htpasswd" "$USER_NAME" 2>/dev/null
  if [ -n "${GIT_SERVER_EXTRA_USER:-}" ]; then
    printf '%s\n' "${GIT_SERVER_EXTRA_PASSWORD:-}" | htpasswd -iB "$WORKDIR/htpasswd" "$GIT_SERVER_EXTRA_USER" 2>/dev/null
  fi
  chmod 600 "$WORKDIR/htpasswd"
}

make_certs() {
  local certs="$WORKDIR/certs"
  mkdir -p "$certs"
  if [ ! -s "$certs/ca.crt" ] || [ ! -s "$certs/server.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=sbom-operator git test CA" \
      -keyout "$certs/ca.key" -out "$certs/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
      -keyout "$certs/server.key" -out "$certs/server.csr" 2>/dev/null
    # libgit2 with mbedTLS ignores IP SANs: DNS:127.0.0.1 makes the IP URL work.
    printf 'subjectAltName=DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$certs/server.ext"
    openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" \
      -CAcreateserial -days 3650 -extfile "$certs/server.ext" -out "$certs/server.crt" 2>/dev/null
    cat "$certs/server.crt" "$certs/server.key" >"$certs/server.pem"
    rm -f "$certs/server.csr" "$certs/server.ext"
    chmod 600 "$certs/ca.key" "$certs/server.key" "$certs/server.pem"
  fi
}

write_config() {
  local port="$1" modules='"mod_auth", "mod_authn_file", "mod_cgi", "mod_alias", "mod_setenv", "mod_accesslog"' tls=""
  if [ "$SCHEME" = "https" ]; then
    modules="$modules, \"mod_openssl\""
    tls="ssl.engine = \"enable\"
ssl.pemfile = \"$WORKDIR/certs/server.pem\""
  fi
  mkdir -p "$WORKDIR/log" "$WORKDIR/www"
  cat >"$WORKDIR/lighttpd.conf" <<CONF
server.modules = ( $modules )
server.bind = "127.0.0.1"
server.port = $port
server.document-root = "$WORKDIR/www"
server.pid-file = "$WORKDIR/lighttpd.pid"
server.errorlog = "$WORKDIR/log/error.log"
accesslog.filename = "$WORKDIR/log/access.log"
server.max-request-size = 0
$tls
alias.url = ( "/git/" => "$BACKEND/" )
\$HTTP["url"] =~ "^/git/" {
  cgi.assign = ( "" => "" )
  setenv.add-environment = ( "GIT_PROJECT_ROOT" => "$WORKDIR/repos", "GIT_HTTP_EXPORT_ALL" => "1" )
}
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$WORKDIR/htpasswd"
auth.require = ( "/git/" => ( "method" => "basic", "realm" => "git", "require" => "valid-user" ) )
CONF
  lighttpd -tt -f "$WORKDIR/lighttpd.conf" >/dev/null
}

# Waits until the refs advertisement answers 401 (up, auth active).
wait_ready() {
  local port="$1" code
  for _ in $(seq 1 100); do
    code="$(curl -s -k -o /dev/null -w '%{http_code}' --max-time 2 \
      "$SCHEME://127.0.0.1:$port/git/sbom.git/info/refs?service=git-upload-pack" || true)"
    [ "$code" = "401" ] && return 0
    sleep 0.05
  done
  return 1
}

make_repository
make_users
[ "$SCHEME" = "https" ] && make_certs
attempts=0
while :; do
  port="$PORT"
  [ "$port" = "0" ] && port="$(pick_port)"
  write_config "$port"
  rm -f "$WORKDIR/lighttpd.pid"
  # lighttpd daemonises itself and writes its pid file.
  if lighttpd -f "$WORKDIR/lighttpd.conf" 2>"$WORKDIR/log/start.log" && wait_ready "$port"; then
    echo "$port" >"$WORKDIR/git.port"
    echo "git $SCHEME://127.0.0.1:$port/git/sbom.git"
    exit 0
  fi
  "$HERE/stop-git-server.sh" "$WORKDIR" >/dev/null
  attempts=$((attempts + 1))
  # A randomly picked port may have been taken meanwhile: retry.
  if [ "$PORT" != "0" ] || [ $attempts -ge 5 ]; then
    echo "lighttpd did not come up on 127.0.0.1:$port; log follows" >&2
    cat "$WORKDIR/log/start.log" >&2 || true
    tail -n 20 "$WORKDIR/log/error.log" >&2 || true
    exit 1
  fi
done
