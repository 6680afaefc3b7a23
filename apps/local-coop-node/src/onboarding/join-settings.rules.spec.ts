import { parseEnv } from 'node:util';

import { createUser } from 'nkeys.js';

import { JoinGrantV1 } from '@app/contracts';
import { newCurveKey } from '@app/federation';
import { loadConfig, newAuthKeyPair } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { envValue, joinSettingsFile, OwnKeys } from './join-settings.rules';

function ownKeys(): OwnKeys {
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

const grant: JoinGrantV1 = {
  coopId: 'huddersfield',
  name: 'Huddersfield Care Co-op',
  localities: ['Huddersfield', 'Lindley'],
  services: ['personal-care', 'befriending'],
  sponsorCoopId: 'colne-valley',
  hubPublicKey: createUser().getPublicKey(),
  natsUrls: ['nats://a.example:4222', 'tls://b.example:4222'],
  subjectRoot: 'ccm',
};

describe('the settings a joining node writes', () => {
  it('is a configuration the node starts from, naming the co-op, its keys, the hub and the templates file', () => {
    const keys = ownKeys();
    const text = joinSettingsFile(grant, keys, '/srv/huddersfield.templates.json', new Date('2026-03-01T10:00:00Z'));
    const env = parseEnv(text);
    expect(env).toEqual({
      COOP_ID: 'huddersfield',
      COOP_NAME: 'Huddersfield Care Co-op',
      COOP_LOCALITIES: 'Huddersfield,Lindley',
      COOP_SERVICES: 'personal-care,befriending',
      COOP_SPONSOR_ID: 'colne-valley',
      COOP_FOUNDING_TEMPLATES_FILE: '/srv/huddersfield.templates.json',
      NATS_NKEY_SEED: keys.natsSeed,
      NODE_CURVE_SEED: keys.curveSeed,
      HUB_PUBLIC_KEY: grant.hubPublicKey,
      NATS_URL: 'nats://a.example:4222,tls://b.example:4222',
      NATS_SUBJECT_ROOT: 'ccm',
      AUTH_PUBLIC_KEY: keys.authPublicKey,
      AUTH_PRIVATE_KEY: keys.authPrivateKey,
    });
    const config = loadConfig(NodeConfig, env);
    expect(config).toMatchObject({ COOP_LOCALITIES: ['Huddersfield', 'Lindley'], COOP_SERVICES: ['personal-care', 'befriending'] });
    // The public halves are named in comments, the private ones only as settings.
    expect(text).toContain(keys.natsPublicKey);
    expect(text.split(keys.natsSeed).length).toBe(2);
    expect(text).toMatch(/move its line to a file of its own/);
  });

  it('leaves out the templates file when the sponsor shared none, and lists no services when the registry has none', () => {
    const env = parseEnv(joinSettingsFile({ ...grant, services: [] }, ownKeys(), null, new Date()));
    expect(env.COOP_FOUNDING_TEMPLATES_FILE).toBeUndefined();
    expect(env.COOP_SERVICES).toBeUndefined();
  });

  it('writes a value bare when it can, quoted when it holds a # or spaces at its ends, and reads back the same', () => {
    expect(envValue('X', 'Huddersfield Care Co-op')).toBe('Huddersfield Care Co-op');
    expect(envValue('X', 'MIGHAgEAMBMG+/==')).toBe('MIGHAgEAMBMG+/==');
    for (const value of ['Co-op #1', ' padded ', 'O\'Neill "Care"', 'back\\slash', '#', '']) {
      expect(parseEnv(`X=${envValue('X', value)}\n`).X).toBe(value);
    }
  });

  it('refuses a value that would add a line of its own, or a locality holding a comma', () => {
    expect(() => envValue('COOP_NAME', 'Care\nNATS_URL=nats://elsewhere')).toThrow('COOP_NAME holds a control character');
    expect(() => joinSettingsFile({ ...grant, localities: ['Lindley, West'] }, ownKeys(), null, new Date())).toThrow(
      'COOP_LOCALITIES entry "Lindley, West" holds a comma',
    );
  });
});
