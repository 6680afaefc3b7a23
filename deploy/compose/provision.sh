#!/bin/sh
# One-shot set-up for docker compose: the hub's own NKey, each co-op's identity (provisioned on the
# hub, its seed written to a file only that co-op's container reads), and the NATS authorization.
# Safe to run again: existing keys are kept.
set -eu
HUB="node dist/apps/consortium-hub/main.js"
SECRETS=/secrets

if [ ! -s "$SECRETS/hub.env" ]; then
  $HUB keygen > "$SECRETS/hub.env"
  chmod 600 "$SECRETS/hub.env"
fi
set -a
. "$SECRETS/hub.env"
set +a

provision() {
  id="$1"; name="$2"; shift 2
  if [ ! -s "$SECRETS/$id.env" ]; then
    $HUB provision --coop "$id" --name "$name" --env-file "$SECRETS/$id.env" "$@"
  fi
}
provision colne-valley "Co-operative Care Colne Valley"
provision holme-valley "Holme Valley Care Co-op" --sponsor colne-valley
provision preston "Preston Community Care Co-op"

$HUB nats-config --out /nats-auth/authorization.conf
# The apps run as the image's unprivileged "node" user: let them read their keys, and the hub rewrite
# the authorization when a co-op joins or leaves.
chown -R node:node "$SECRETS" /nats-auth
# NATS runs as that user too, so the hub may signal it to reload: its JetStream store must be its own.
chown -R node:node /nats-data
echo "provisioned: hub and three co-ops; NATS authorization written"
