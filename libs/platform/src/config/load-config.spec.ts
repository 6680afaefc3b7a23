import { ConfigError, FederationConfig, loadConfig, newAuthKeyPair, SignInConfig } from '../index';

const PAIR = newAuthKeyPair();
// A syntactically valid NKey user seed; nothing is signed with it here.
const SECRET = { AUTH_PUBLIC_KEY: PAIR.AUTH_PUBLIC_KEY, NATS_NKEY_SEED: 'SU' + 'A'.repeat(56) };
const AUTH_PUBLIC_KEY_MISSING =
  "AUTH_PUBLIC_KEY must be set: the app's ES256 public key (SPKI, PEM or one line of base64) that checks sign-in tokens, made by the app's auth-keys command";

describe('loadConfig', () => {
  it('gives developer-machine defaults for everything but secrets', () => {
    const c = loadConfig(FederationConfig, SECRET);
    expect(c).toMatchObject({
      PORT: 3000,
      DB_HOST: '127.0.0.1',
      DB_PORT: 5432,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_SUBJECT_ROOT: 'ccm',
      OUTBOX_POLL_MS: 250,
      STREAM_REPLICAS: 1,
    });
  });

  it('converts numbers from the environment', () => {
    expect(loadConfig(FederationConfig, { ...SECRET, DB_PORT: '6543', OUTBOX_POLL_MS: '10', STREAM_REPLICAS: '3' })).toMatchObject({
      DB_PORT: 6543,
      OUTBOX_POLL_MS: 10,
      STREAM_REPLICAS: 3,
    });
  });

  it('refuses a missing secret, naming the variable', () => {
    expect(() => loadConfig(FederationConfig, { NATS_NKEY_SEED: SECRET.NATS_NKEY_SEED })).toThrow(
      new ConfigError([AUTH_PUBLIC_KEY_MISSING]),
    );
    expect(() => loadConfig(FederationConfig, { AUTH_PUBLIC_KEY: SECRET.AUTH_PUBLIC_KEY })).toThrow(
      /NATS_NKEY_SEED must be set to an NKey user seed/,
    );
  });

  it('tells an app still given only JWT_SECRET what replaced it, without printing it', () => {
    const secret = 'the-old-shared-secret-0123456789abcdef';
    const attempt = () => loadConfig(FederationConfig, { NATS_NKEY_SEED: SECRET.NATS_NKEY_SEED, JWT_SECRET: secret });
    expect(attempt).toThrow(
      new ConfigError([
        `${AUTH_PUBLIC_KEY_MISSING} (JWT_SECRET is no longer used: each app checks ES256 tokens with its own key pair; AUTH_PRIVATE_KEY is needed only to mint tokens)`,
      ]),
    );
    expect(() => loadConfig(SignInConfig, { JWT_SECRET: secret })).toThrow(
      /^Invalid configuration: AUTH_PRIVATE_KEY must be set: .*\(JWT_SECRET is no longer used/,
    );
    expect(String(catchError(attempt))).not.toContain(secret);
    expect(JSON.stringify(loadConfig(FederationConfig, { ...SECRET, JWT_SECRET: secret }))).not.toContain(secret);
  });

  it('serves with the public key alone, or derives it from the private key', () => {
    expect(loadConfig(FederationConfig, SECRET)).toMatchObject({ AUTH_PUBLIC_KEY: PAIR.AUTH_PUBLIC_KEY, AUTH_TOKEN_MAX_HOURS: 720 });
    expect(
      loadConfig(FederationConfig, { NATS_NKEY_SEED: SECRET.NATS_NKEY_SEED, AUTH_PRIVATE_KEY: PAIR.AUTH_PRIVATE_KEY }).AUTH_PRIVATE_KEY,
    ).toBe(PAIR.AUTH_PRIVATE_KEY);
    expect(loadConfig(FederationConfig, { ...SECRET, ...PAIR, AUTH_TOKEN_MAX_HOURS: '24' }).AUTH_TOKEN_MAX_HOURS).toBe(24);
  });

  it.each([
    [{ AUTH_PUBLIC_KEY: 'c2VjcmV0' }, 'AUTH_PUBLIC_KEY must be a P-256 public key (SPKI) as PEM or one line of base64'],
    [{ AUTH_PUBLIC_KEY: PAIR.AUTH_PRIVATE_KEY }, 'AUTH_PUBLIC_KEY must be a P-256 public key (SPKI) as PEM or one line of base64'],
    [{ AUTH_PRIVATE_KEY: newAuthKeyPair().AUTH_PRIVATE_KEY }, 'AUTH_PUBLIC_KEY must be the public half of AUTH_PRIVATE_KEY'],
    [{ AUTH_PRIVATE_KEY: PAIR.AUTH_PUBLIC_KEY }, 'AUTH_PRIVATE_KEY must be a P-256 private key (PKCS#8) as PEM or one line of base64'],
    [{ AUTH_TOKEN_MAX_HOURS: '0' }, 'AUTH_TOKEN_MAX_HOURS must be a whole number of hours from 1 to 8784'],
  ])('refuses sign-in keys that cannot work (%j), naming the variable', (extra, message) => {
    expect(() => loadConfig(FederationConfig, { ...SECRET, ...extra })).toThrow(message);
  });

  it.each([
    ['DB_PORT', 'five', /DB_PORT must be a whole number between 1 and 65535/],
    ['PORT', '70000', /PORT must be a whole number between 0/],
    ['NATS_URL', 'http://localhost:4222', /NATS_URL must be one or more nats:\/\/ URLs/],
    ['NATS_SUBJECT_ROOT', 'ccm.prod', /NATS_SUBJECT_ROOT must be lower-case/],
    ['OUTBOX_POLL_MS', '5', /OUTBOX_POLL_MS must be a whole number of milliseconds between 10 and 60000/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['STREAM_REPLICAS', '2', /STREAM_REPLICAS must be 1, 3 or 5/],
  ])('refuses a malformed %s with a message that names it', (name, value, message) => {
    expect(() => loadConfig(FederationConfig, { ...SECRET, [name]: value })).toThrow(message);
  });

  it('takes TEST_CLOCK for tests and refuses it in production', () => {
    expect(loadConfig(FederationConfig, { ...SECRET }).TEST_CLOCK).toBe('false');
    expect(loadConfig(FederationConfig, { ...SECRET, TEST_CLOCK: 'true' }).TEST_CLOCK).toBe('true');
    expect(() => loadConfig(FederationConfig, { ...SECRET, TEST_CLOCK: 'yes' })).toThrow('TEST_CLOCK must be true or false');
    expect(() => loadConfig(FederationConfig, { ...SECRET, TEST_CLOCK: 'true', NODE_ENV: 'production' })).toThrow(
      'TEST_CLOCK must not be true with NODE_ENV=production',
    );
  });

  it('never prints the value it refused', () => {
    const error = catchError(() => loadConfig(FederationConfig, { ...SECRET, AUTH_PUBLIC_KEY: 'short-secret-value' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('short-secret-value');
    expect((error as Error).message).toContain('AUTH_PUBLIC_KEY must be a P-256 public key');
  });
});

function catchError(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
