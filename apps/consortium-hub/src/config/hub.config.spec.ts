import { loadConfig, newAuthKeyPair } from '@app/platform';

import { HubConfig } from './hub.config';

// A syntactically valid NKey user seed; nothing is signed with it here.
const SECRET = { AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY, NATS_NKEY_SEED: 'SU' + 'A'.repeat(56) };

describe('the hub configuration', () => {
  it('takes PUBLIC_BASE_URL as an http or https URL, and leaves it unset by default', () => {
    expect(loadConfig(HubConfig, SECRET).PUBLIC_BASE_URL).toBeUndefined();
    expect(loadConfig(HubConfig, { ...SECRET, PUBLIC_BASE_URL: 'https://hub.example.coop' }).PUBLIC_BASE_URL).toBe(
      'https://hub.example.coop',
    );
    expect(loadConfig(HubConfig, { ...SECRET, PUBLIC_BASE_URL: 'http://localhost:3000/api' }).PUBLIC_BASE_URL).toBe(
      'http://localhost:3000/api',
    );
  });

  it('refuses a PUBLIC_BASE_URL that is not one, naming the variable and not its value', () => {
    for (const bad of ['hub.example.coop', 'ftp://hub.example.coop', 'https://hub.example.coop/?x=1', 'javascript:alert(1)']) {
      expect(() => loadConfig(HubConfig, { ...SECRET, PUBLIC_BASE_URL: bad })).toThrow(
        'PUBLIC_BASE_URL must be an http:// or https:// URL with no query or fragment, e.g. https://hub.example.coop',
      );
    }
  });
});

describe('the hub configuration of NATS reloads', () => {
  it('takes NATS_SERVER_PID_FILE with NATS_AUTH_FILE, and checks every 30 s by default', () => {
    const config = loadConfig(HubConfig, {
      ...SECRET,
      NATS_AUTH_FILE: '/nats-auth/authorization.conf',
      NATS_SERVER_PID_FILE: '/nats-auth/nats.pid',
    });
    expect(config.NATS_SERVER_PID_FILE).toBe('/nats-auth/nats.pid');
    expect(config.NATS_AUTH_CHECK_MS).toBe(30_000);
    expect(loadConfig(HubConfig, SECRET).NATS_SERVER_PID_FILE).toBeUndefined();
  });

  it('refuses a pid file without an authorization file to reload, or one that is not an absolute path', () => {
    expect(() => loadConfig(HubConfig, { ...SECRET, NATS_SERVER_PID_FILE: '/nats-auth/nats.pid' })).toThrow(
      'NATS_SERVER_PID_FILE needs NATS_AUTH_FILE',
    );
    expect(() => loadConfig(HubConfig, { ...SECRET, NATS_AUTH_FILE: '/a.conf', NATS_SERVER_PID_FILE: 'nats.pid' })).toThrow(
      'NATS_SERVER_PID_FILE must be an absolute file path',
    );
    expect(() => loadConfig(HubConfig, { ...SECRET, NATS_AUTH_CHECK_MS: '50' })).toThrow(
      'NATS_AUTH_CHECK_MS must be a whole number of milliseconds between 200 and 3600000',
    );
  });
});
