import { ConfigError, FederationConfig, loadConfig } from '../index';

// A syntactically valid NKey user seed; nothing is signed with it here.
const SECRET = { JWT_SECRET: 'a'.repeat(32), NATS_NKEY_SEED: 'SU' + 'A'.repeat(56) };

describe('loadConfig', () => {
  it('gives developer-machine defaults for everything but secrets', () => {
    const c = loadConfig(FederationConfig, SECRET);
    expect(c).toMatchObject({ PORT: 3000, DB_HOST: '127.0.0.1', DB_PORT: 5432, NATS_URL: 'nats://127.0.0.1:4222', NATS_SUBJECT_ROOT: 'ccm', OUTBOX_POLL_MS: 250 });
  });

  it('converts numbers from the environment', () => {
    expect(loadConfig(FederationConfig, { ...SECRET, DB_PORT: '6543', OUTBOX_POLL_MS: '10' })).toMatchObject({ DB_PORT: 6543, OUTBOX_POLL_MS: 10 });
  });

  it('refuses a missing secret, naming the variable', () => {
    expect(() => loadConfig(FederationConfig, { NATS_NKEY_SEED: SECRET.NATS_NKEY_SEED })).toThrow(
      new ConfigError(['JWT_SECRET must be set: a random string of at least 32 characters that signs sign-in tokens']),
    );
    expect(() => loadConfig(FederationConfig, { JWT_SECRET: SECRET.JWT_SECRET })).toThrow(/NATS_NKEY_SEED must be set to an NKey user seed/);
  });

  it.each([
    ['DB_PORT', 'five', /DB_PORT must be a whole number between 1 and 65535/],
    ['PORT', '70000', /PORT must be a whole number between 0/],
    ['NATS_URL', 'http://localhost:4222', /NATS_URL must be one or more nats:\/\/ URLs/],
    ['NATS_SUBJECT_ROOT', 'ccm.prod', /NATS_SUBJECT_ROOT must be lower-case/],
    ['OUTBOX_POLL_MS', '5', /OUTBOX_POLL_MS must be a whole number of milliseconds between 10 and 60000/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('refuses a malformed %s with a message that names it', (name, value, message) => {
    expect(() => loadConfig(FederationConfig, { ...SECRET, [name]: value })).toThrow(message);
  });

  it('never prints the value it refused', () => {
    try {
      loadConfig(FederationConfig, { ...SECRET, JWT_SECRET: 'short-secret-value' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('short-secret-value');
      expect((error as Error).message).toContain('JWT_SECRET must be at least 32 characters');
    }
  });
});
