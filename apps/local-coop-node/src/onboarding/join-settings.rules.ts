import { parseEnv } from 'node:util';

import type { JoinGrantV1 } from '@app/contracts';

/** What the node made for itself on this machine: the private halves never leave it. */
export interface OwnKeys {
  natsSeed: string;
  natsPublicKey: string;
  curveSeed: string;
  curvePublicKey: string;
  authPrivateKey: string;
  authPublicKey: string;
}

/**
 * One value as an env-file line holds it, read back the same by Node's `--env-file`, `util.parseEnv` and
 * docker compose: bare when it can be, else quoted. A control character (a line break above all) could
 * smuggle a setting of its own into the file, so it is refused, as is a value no quoting keeps whole.
 */
export function envValue(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error(`${name} holds a control character`);
  const candidates = [value, `'${value}'`, `"${value}"`, `\`${value}\``];
  const bare = /^[^\s"'`#]([^#]*[^\s#])?$/.test(value) || value === '';
  for (const written of bare ? candidates : candidates.slice(1)) {
    if (parseEnv(`${name}=${written}\n`)[name] === value) return written;
  }
  throw new Error(`${name} cannot be written to an env file as it is`);
}

/** Localities are one comma-separated setting: a locality holding a comma would become two. */
function list(name: string, values: string[]): string {
  for (const v of values) if (v.includes(',')) throw new Error(`${name} entry "${v}" holds a comma`);
  return values.join(',');
}

/**
 * The node's ready configuration: the co-op as the hub registered it, the keys made here, and the
 * hub's public key and NATS addresses. Written once by `local-coop-node join`, mode 0600: it is secret.
 */
export function joinSettingsFile(grant: JoinGrantV1, keys: OwnKeys, templatesFile: string | null, writtenAt: Date): string {
  const line = (name: string, value: string) => `${name}=${envValue(name, value)}`;
  return [
    `# Care Co-op Mesh: the node of ${grant.coopId}, written by "local-coop-node join" at ${writtenAt.toISOString()}.`,
    '# SECRET: it holds the private keys this machine made for the node (NATS_NKEY_SEED, NODE_CURVE_SEED, AUTH_PRIVATE_KEY).',
    '# They were never sent anywhere: the hub was given only their public halves. Keep this file mode 0600.',
    '# Start the node with it: node --env-file=<this file> dist/apps/local-coop-node/main.js',
    '',
    '# The co-op as the consortium registered it (read at the first start; then the node keeps its own profile)',
    line('COOP_ID', grant.coopId),
    line('COOP_NAME', grant.name),
    line('COOP_LOCALITIES', list('COOP_LOCALITIES', grant.localities)),
    grant.services.length
      ? line('COOP_SERVICES', list('COOP_SERVICES', grant.services))
      : '# COOP_SERVICES: the registry lists none yet (the node starts with personal-care; change it on the profile)',
    line('COOP_SPONSOR_ID', grant.sponsorCoopId),
    ...(templatesFile
      ? [`# The sponsor's rulebook and policies, adopted at the first start`, line('COOP_FOUNDING_TEMPLATES_FILE', templatesFile)]
      : []),
    '',
    `# The node's NATS identity and message-signing key; the hub knows its public half, ${keys.natsPublicKey}`,
    line('NATS_NKEY_SEED', keys.natsSeed),
    `# The node's sealing key: hired candidates' applications are sealed for its public half, ${keys.curvePublicKey}`,
    line('NODE_CURVE_SEED', keys.curveSeed),
    "# The hub: its public NKey (every message from it must verify with it) and the consortium's NATS",
    line('HUB_PUBLIC_KEY', grant.hubPublicKey),
    line('NATS_URL', grant.natsUrls.join(',')),
    line('NATS_SUBJECT_ROOT', grant.subjectRoot),
    '',
    '# The node\'s own sign-in keys (as "local-coop-node auth-keys" makes them; the hub never sees either).',
    '# The server needs only AUTH_PUBLIC_KEY. AUTH_PRIVATE_KEY mints tokens ("local-coop-node token"): to keep it',
    '# out of the server, move its line to a file of its own, kept offline, and use it only to mint:',
    `#   AUTH_PRIVATE_KEY=… COOP_ID=${grant.coopId} node dist/apps/local-coop-node/main.js token --role coop-admin`,
    line('AUTH_PUBLIC_KEY', keys.authPublicKey),
    line('AUTH_PRIVATE_KEY', keys.authPrivateKey),
    '',
  ].join('\n');
}
