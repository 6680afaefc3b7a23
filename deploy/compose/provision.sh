#!/bin/sh
# One-shot set-up for docker compose:
# - the hub's own NKey and its own sign-in key pair (hub.env);
# - each co-op's NKey identity, provisioned on the hub, its seed written to a file only that co-op's
#   container reads, and the node's own sign-in key pair, made here by the node's command, never by the hub;
# - the NATS authorization.
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

if [ ! -s "$SECRETS/hub.env" ]; then
  $HUB keygen > "$SECRETS/hub.env.new"
  mv "$SECRETS/hub.env.new" "$SECRETS/hub.env"
fi
add_auth_keys "$SECRETS/hub.env" "$HUB"
set -a
. "$SECRETS/hub.env"
set +a

provision() {
  id="$1"; name="$2"; shift 2
  if [ ! -s "$SECRETS/$id.env" ]; then
    $HUB provision --coop "$id" --name "$name" --out "$SECRETS/$id.env" "$@"
  fi
  add_auth_keys "$SECRETS/$id.env" "$NODE"
}
provision colne-valley "Co-operative Care Colne Valley"
provision holme-valley "Holme Valley Care Co-op" --sponsor colne-valley
provision preston "Preston Community Care Co-op"

$HUB nats-config --out "$NATS_AUTH/authorization.conf"
# The apps run as the image's unprivileged "node" user: let them read their keys, and the hub rewrite
# the authorization when a co-op joins or leaves.
if [ "$(id -u)" = 0 ] && [ -z "${SKIP_CHOWN:-}" ]; then
  chown -R node:node "$SECRETS" "$NATS_AUTH"
fi
echo "provisioned: hub and three co-ops, each app with its own sign-in keys; NATS authorization written"
