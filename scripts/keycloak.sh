#!/usr/bin/env bash
# A real Keycloak for development and tests.
#   scripts/keycloak.sh start   fetch Keycloak through Maven (cached in ~/.m2), start it on 127.0.0.1 on a free
#                               port with the demo realm, wait until it answers; the last line is its base URL
#   scripts/keycloak.sh stop    stop the Keycloak this script started (by its pid), nothing else
# The realm has admin events on, with their representations (adminEventsEnabled, adminEventsDetailsEnabled), and the
# app's client may read them (view-events): the app reads users disabled or deleted from them within seconds.
# Secrets (the app's client secret, the bootstrap admin password) are made fresh at every start and written,
# readable only by you, to target/keycloak/client-secret and target/keycloak/admin-password.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=26.5.6
WORK="$ROOT/target/keycloak"
DIST="$WORK/keycloak-$VERSION"
REALM="$ROOT/src/test/resources/keycloak/tokengov-realm.json"

running() {
  [ -f "$WORK/pid" ] && kill -0 "$(cat "$WORK/pid")" 2>/dev/null
}

free_port() {
  local port
  for port in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

secret() {
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

unpack() {
  [ -x "$DIST/bin/kc.sh" ] && return
  mkdir -p "$WORK"
  "$ROOT/mvnw" -q -B -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$WORK" >&2
  (cd "$WORK" && jar xf "keycloak-quarkus-dist-$VERSION.zip")
  chmod +x "$DIST"/bin/*.sh
}

start() {
  if running; then
    cat "$WORK/url"
    return
  fi
  unpack
  local port client_secret admin_password
  port=$(free_port)
  client_secret=$(secret)
  admin_password=$(secret)
  (umask 077 && printf '%s' "$client_secret" > "$WORK/client-secret" && printf '%s' "$admin_password" > "$WORK/admin-password")
  # A fresh realm at every start: the dev database goes, the realm file comes with this start's client secret.
  rm -rf "$DIST/data"
  mkdir -p "$DIST/data/import"
  (umask 077 && sed "s/__TOKENGOV_CLIENT_SECRET__/$client_secret/" "$REALM" > "$DIST/data/import/tokengov-realm.json")
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    setsid "$DIST/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$port" --import-realm \
    > "$WORK/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$WORK/pid"
  local url="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    if curl -sf -o /dev/null "$url/realms/tokengov/.well-known/openid-configuration"; then
      echo "$url" > "$WORK/url"
      echo "$url"
      return
    fi
    if ! running; then
      echo "Keycloak stopped while starting; see $WORK/keycloak.log" >&2
      tail -20 "$WORK/keycloak.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "Keycloak did not answer within 180 s; see $WORK/keycloak.log" >&2
  stop
  return 1
}

stop() {
  if running; then
    local pid
    pid=$(cat "$WORK/pid")
    # kc.sh runs Keycloak's JVM in the process group that setsid gave it.
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
  fi
  rm -f "$WORK/pid" "$WORK/url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
