import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

import { createUser } from 'nkeys.js';

import { checkAgainst, JOIN_TOKEN_PATTERN, JoinGrantV1, JoinRequestV1 } from '@app/contracts';
import { newCurveKey } from '@app/federation';
import { ConfigError, loadConfig, newAuthKeyPair, readOptions, requiredOption } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { joinSettingsFile, OwnKeys } from './join-settings.rules';

/** How long the hub may take to answer: the join and a reload of the NATS server's authorization. */
const HUB_TIMEOUT_MS = 30_000;

export interface JoinIo {
  fetch: typeof fetch;
  now: () => Date;
  cwd: string;
}

/** Where the settings (and the templates beside them) go; with no --out, named after the co-op the hub says this is. */
interface Destination {
  settings: string;
  templates: string;
}

/**
 * `local-coop-node join --hub <url> --token <token> [--out <file>] [--force]`: makes the node's NKey and
 * curve key and its sign-in pair here, sends the hub only the public halves of the first two with the
 * token, and writes the configuration the node starts from (mode 0600). Returns what to tell the admin;
 * never a seed, which goes into the file alone.
 */
export async function runJoinCommand(args: string[], io: JoinIo = { fetch, now: () => new Date(), cwd: process.cwd() }): Promise<string> {
  const options = readOptions(args, { values: ['hub', 'token', 'out'], flags: ['force'] });
  const hub = hubUrl(requiredOption(options, 'hub'));
  const token = requiredOption(options, 'token');
  if (!JOIN_TOKEN_PATTERN.test(token))
    throw new Error('--token must be the join token consortium staff gave you (ccmj_ and 43 characters)');
  const force = options.flags.has('force');
  const chosen = options.values.out ? destinationFor(resolve(io.cwd, options.values.out)) : null;
  if (chosen && !force) refuseExisting(chosen);

  const keys = makeOwnKeys();
  const grant = await askToJoin(io.fetch, hub, { token, publicKey: keys.natsPublicKey, sealingKey: keys.curvePublicKey });
  // With no --out the name comes from the hub's answer, after the token is spent: an existing file is
  // never overwritten (without --force), and the keys go to the first free name beside it instead.
  const where = chosen ?? (force ? destinationFor(join(io.cwd, `${grant.coopId}.env`)) : freeDestination(io.cwd, grant.coopId));

  const templatesFile = grant.templates ? where.templates : null;
  const text = joinSettingsFile(grant, keys, templatesFile, io.now());
  if (templatesFile)
    writeFileSync(templatesFile, JSON.stringify(grant.templates, null, 2) + '\n', { mode: 0o644, flag: force ? 'w' : 'wx' });
  writeFileSync(where.settings, text, { mode: 0o600, flag: force ? 'w' : 'wx' });
  chmodSync(where.settings, 0o600); // an existing file (with --force) keeps its old mode otherwise
  checkStarts(text, where.settings);
  return [
    `joined the consortium as ${grant.coopId} (${grant.name}), sponsored by ${grant.sponsorCoopId}`,
    `the node's public keys: NATS ${keys.natsPublicKey}, sealing ${keys.curvePublicKey}`,
    `its settings, with the private keys made on this machine, are in ${where.settings} (mode 0600): keep that file secret`,
    ...(templatesFile ? [`the sponsor's rulebook and ${grant.templates!.policies.length} policies are in ${templatesFile}`] : []),
    `start the node: node --env-file=${where.settings} dist/apps/local-coop-node/main.js`,
  ].join('\n');
}

function hubUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("--hub must be the hub's address, e.g. https://hub.example.coop");
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--hub must be an http:// or https:// address');
  return url;
}

function destinationFor(settings: string): Destination {
  const base = basename(settings).replace(/\.env$/, '');
  return { settings, templates: join(dirname(settings), `${base}.templates.json`) };
}

function freeDestination(dir: string, coopId: string): Destination {
  for (let n = 1; ; n++) {
    const d = destinationFor(join(dir, n === 1 ? `${coopId}.env` : `${coopId}-${n}.env`));
    if (!existsSync(d.settings) && !existsSync(d.templates)) return d;
  }
}

function refuseExisting(d: Destination): void {
  for (const file of [d.settings, d.templates]) {
    if (existsSync(file)) throw new Error(`${file} exists already: not overwritten, and nothing was sent (give --force to replace it)`);
  }
}

function makeOwnKeys(): OwnKeys {
  const nkey = createUser();
  const curve = newCurveKey();
  const auth = newAuthKeyPair();
  return {
    natsSeed: new TextDecoder().decode(nkey.getSeed()),
    natsPublicKey: nkey.getPublicKey(),
    curveSeed: curve.seed,
    curvePublicKey: curve.publicKey,
    authPrivateKey: auth.AUTH_PRIVATE_KEY,
    authPublicKey: auth.AUTH_PUBLIC_KEY,
  };
}

async function askToJoin(fetchFn: typeof fetch, hub: URL, request: JoinRequestV1): Promise<JoinGrantV1> {
  const endpoint = new URL('onboarding/join', hub.href.endsWith('/') ? hub.href : `${hub.href}/`);
  let response: Response;
  try {
    response = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
    });
  } catch (error) {
    if ((error as { name?: string })?.name === 'TimeoutError') {
      throw new Error(
        `the hub at ${hub.origin} did not answer in ${HUB_TIMEOUT_MS / 1000} s: it may have taken the token; ask consortium staff before trying again`,
        { cause: error },
      );
    }
    throw new Error(`cannot reach the hub at ${hub.origin} (${reason(error)}): nothing was changed, and the token still works`, {
      cause: error,
    });
  }
  const body = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    answer = undefined;
  }
  if (!response.ok) throw new Error(`the hub refused the join: ${refusal(response.status, answer)}`);
  const checked = checkAgainst(JoinGrantV1, answer);
  if (!checked.ok) {
    throw new Error(
      `the hub's answer is not a join grant (${checked.errors.slice(0, 5).join('; ')}); it may have taken the token: ask consortium staff`,
    );
  }
  return checked.value;
}

function refusal(status: number, answer: unknown): string {
  const a = (answer ?? {}) as { code?: unknown; message?: unknown };
  const message = Array.isArray(a.message) ? a.message.join('; ') : typeof a.message === 'string' ? a.message : `HTTP ${status}`;
  return typeof a.code === 'string' ? `${a.code}: ${message}` : `${status}: ${message}`;
}

function reason(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

/** The file must be one the node starts from; if it is not, the admin is told what to fix (never a value). */
function checkStarts(text: string, file: string): void {
  try {
    loadConfig(NodeConfig, parseEnv(text));
  } catch (error) {
    if (error instanceof ConfigError)
      throw new Error(`${file} was written but the node would not start from it: ${error.message}`, { cause: error });
    throw error;
  }
}
