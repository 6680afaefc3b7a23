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

describe('the hub configuration of candidate retention', () => {
  it('purges after 180 days, reminds 14 days before, and sweeps hourly by default', () => {
    const config = loadConfig(HubConfig, SECRET);
    expect([config.RECRUITMENT_RETENTION_DAYS, config.RECRUITMENT_REMINDER_DAYS, config.RECRUITMENT_RETENTION_SWEEP_MS]).toEqual([
      180, 14, 3_600_000,
    ]);
    const set = loadConfig(HubConfig, { ...SECRET, RECRUITMENT_RETENTION_DAYS: '365', RECRUITMENT_REMINDER_DAYS: '30' });
    expect([set.RECRUITMENT_RETENTION_DAYS, set.RECRUITMENT_REMINDER_DAYS]).toEqual([365, 30]);
  });

  it('refuses a reminder that would not come before the purge, and values out of bounds, naming the variable', () => {
    expect(() => loadConfig(HubConfig, { ...SECRET, RECRUITMENT_RETENTION_DAYS: '60', RECRUITMENT_REMINDER_DAYS: '60' })).toThrow(
      'RECRUITMENT_REMINDER_DAYS must be fewer than RECRUITMENT_RETENTION_DAYS',
    );
    expect(() => loadConfig(HubConfig, { ...SECRET, RECRUITMENT_RETENTION_DAYS: '7' })).toThrow(
      'RECRUITMENT_RETENTION_DAYS must be a whole number of days between 30 and 3650',
    );
    expect(() => loadConfig(HubConfig, { ...SECRET, RECRUITMENT_REMINDER_DAYS: '0' })).toThrow(
      'RECRUITMENT_REMINDER_DAYS must be a whole number of days between 1 and 365',
    );
    expect(() => loadConfig(HubConfig, { ...SECRET, RECRUITMENT_RETENTION_SWEEP_MS: '10' })).toThrow(
      'RECRUITMENT_RETENTION_SWEEP_MS must be a whole number of milliseconds between 1000 and 86400000',
    );
  });
});
