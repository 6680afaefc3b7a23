import { generateKeyPairSync } from 'node:crypto';

import { authKeysFrom, encodePublicKey, newAuthKeyPair, parsePrivateKey, parsePublicKey } from './auth-keys';

describe('sign-in keys', () => {
  const pair = newAuthKeyPair();

  it('makes a P-256 pair as one line of base64 each', () => {
    expect(pair.AUTH_PRIVATE_KEY).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(pair.AUTH_PUBLIC_KEY).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(parsePublicKey(pair.AUTH_PUBLIC_KEY)?.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('reads the same key as PEM or as base64 of the DER', () => {
    const pem = parsePublicKey(pair.AUTH_PUBLIC_KEY)!.export({ format: 'pem', type: 'spki' }).toString();
    expect(encodePublicKey(parsePublicKey(pem)!)).toBe(pair.AUTH_PUBLIC_KEY);
    const privatePem = parsePrivateKey(pair.AUTH_PRIVATE_KEY)!.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(authKeysFrom({ AUTH_PRIVATE_KEY: privatePem, AUTH_PUBLIC_KEY: pem }).privateKey).toBeDefined();
  });

  it('refuses keys that are not P-256, and text that is not a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    for (const text of [rsa, p384, ed, 'not a key', '', pair.AUTH_PUBLIC_KEY.slice(0, 40), pair.AUTH_PRIVATE_KEY])
      expect(parsePublicKey(text)).toBeNull();
    expect(parsePrivateKey(pair.AUTH_PUBLIC_KEY)).toBeNull();
  });

  it('derives the public key from the private one, and refuses two halves of different pairs', () => {
    expect(encodePublicKey(authKeysFrom({ AUTH_PRIVATE_KEY: pair.AUTH_PRIVATE_KEY }).publicKey)).toBe(pair.AUTH_PUBLIC_KEY);
    expect(() => authKeysFrom({ AUTH_PRIVATE_KEY: pair.AUTH_PRIVATE_KEY, AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY })).toThrow(
      'AUTH_PRIVATE_KEY and AUTH_PUBLIC_KEY are not one key pair',
    );
    expect(() => authKeysFrom({})).toThrow('AUTH_PUBLIC_KEY is not set');
  });
});
