#!/bin/sh
# One-shot set-up for docker compose:
# - the hub's own NKey and its own sign-in key pair (hub/hub.env);
# - each co-op's NKey identity, provisioned on the hub, and the node's own sign-in key pair, made here
#   by the node's command, never by the hub (<coop>/<coop>.env);
# - the NATS authorization.
# Each app's file is in a directory of its own, which compose mounts (as a volume) into that app alone:
# no container can read another app's keys.
# Safe to run again: existing keys are kept, and a secrets file from before sign-in keys gets a pair.
# For tests and other layouts: SECRETS_DIR (/secrets), NATS_AUTH_DIR (/nats-auth), HUB and NODE (how
# to run each app's commands), SKIP_CHOWN=1 (chown happens only as root anyway).
set -eu
umask 077
HUB="${HUB:-node dist/apps/consortium-hub/main.js}"
NODE="${NODE:-node dist/apps/local-coop-node/main.js}"
SECRETS="${SECRETS_DIR:-/secrets}"
NATS_AUTH="${NATS_AUTH_DIR:-/nats-auth}"

# add_auth_keys FILE APP: appends APP's fresh sign-in key pair to FILE unless it has one.
add_auth_keys() {
  if ! grep -q '^AUTH_PUBLIC_KEY=' "$1"; then
    $2 auth-keys > "$1.keys"
    cat "$1.keys" >> "$1"
    rm -f "$1.keys"
  fi
}

mkdir -p "$SECRETS/hub"
HUB_ENV="$SECRETS/hub/hub.env"
if [ ! -s "$HUB_ENV" ]; then
  $HUB keygen > "$HUB_ENV.new"
  mv "$HUB_ENV.new" "$HUB_ENV"
fi
add_auth_keys "$HUB_ENV" "$HUB"
set -a
. "$HUB_ENV"
set +a

provision() {
  id="$1"; name="$2"; shift 2
  mkdir -p "$SECRETS/$id"
  file="$SECRETS/$id/$id.env"
  if [ ! -s "$file" ]; then
    $HUB provision --coop "$id" --name "$name" --out "$file" "$@"
  fi
  add_auth_keys "$file" "$NODE"
}
provision colne-valley "Co-operative Care Colne Valley"
provision holme-valley "Holme Valley Care Co-op" --sponsor colne-valley
provision preston "Preston Community Care Co-op"

$HUB nats-config --out "$NATS_AUTH/authorization.conf"
# The apps run as the image's unprivileged "node" user: let them read their keys, and the hub rewrite
# the authorization when a co-op joins or leaves.
if [ "$(id -u)" = 0 ] && [ -z "${SKIP_CHOWN:-}" ]; then
  chown -R node:node "$SECRETS" "$NATS_AUTH"
  # NATS runs as that user too, so the hub may signal it to reload: its JetStream store must be its own.
  if [ -d "${NATS_DATA:-/nats-data}" ]; then chown -R node:node "${NATS_DATA:-/nats-data}"; fi
fi
echo "provisioned: hub and three co-ops, each app with its own sign-in keys; NATS authorization written"
