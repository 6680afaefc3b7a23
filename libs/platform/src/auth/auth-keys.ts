import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

/**
 * An app's sign-in key pair: ES256, on P-256. The public half (SPKI) is all a server needs to check
 * tokens; the private half (PKCS#8) only where tokens are minted. Either is accepted as PEM or as
 * one line of base64 of the DER, which fits an env file.
 */
export interface AuthKeys {
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/** The settings that carry the keys, as every app's configuration names them. */
export interface AuthKeySettings {
  AUTH_PUBLIC_KEY?: string;
  AUTH_PRIVATE_KEY?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The key, or null when the text is not a P-256 public key in either accepted form. */
export function parsePublicKey(text: string): KeyObject | null {
  return onP256(() => (isPem(text) ? createPublicKey(text) : createPublicKey({ key: der(text), format: 'der', type: 'spki' })));
}

/** The key, or null when the text is not a P-256 private key (PKCS#8) in either accepted form. */
export function parsePrivateKey(text: string): KeyObject | null {
  return onP256(() => (isPem(text) ? createPrivateKey(text) : createPrivateKey({ key: der(text), format: 'der', type: 'pkcs8' })));
}

/**
 * The keys named by the settings. Given only the private key, the public one is derived from it;
 * given both, they must be one pair, or the server would check tokens against a key that never signed them.
 */
export function authKeysFrom(settings: AuthKeySettings): AuthKeys {
  const privateKey = settings.AUTH_PRIVATE_KEY ? parsePrivateKey(settings.AUTH_PRIVATE_KEY) : null;
  if (settings.AUTH_PRIVATE_KEY && !privateKey) throw new Error('AUTH_PRIVATE_KEY is not a P-256 private key');
  const publicKey = settings.AUTH_PUBLIC_KEY ? parsePublicKey(settings.AUTH_PUBLIC_KEY) : privateKey ? createPublicKey(privateKey) : null;
  if (!publicKey) throw new Error('AUTH_PUBLIC_KEY is not set, or is not a P-256 public key');
  if (privateKey && !samePublicKey(createPublicKey(privateKey), publicKey))
    throw new Error('AUTH_PRIVATE_KEY and AUTH_PUBLIC_KEY are not one key pair');
  return privateKey ? { publicKey, privateKey } : { publicKey };
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return encodePublicKey(a) === encodePublicKey(b);
}

/** A fresh pair, each half as one line of base64 (DER), ready for an env file. */
export function newAuthKeyPair(): { AUTH_PRIVATE_KEY: string; AUTH_PUBLIC_KEY: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    AUTH_PRIVATE_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    AUTH_PUBLIC_KEY: encodePublicKey(publicKey),
  };
}

export function encodePublicKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

function isPem(text: string): boolean {
  return text.trimStart().startsWith('-----BEGIN ');
}

function der(text: string): Buffer {
  const compact = text.trim();
  if (!BASE64.test(compact)) throw new Error('not base64');
  return Buffer.from(compact, 'base64');
}

function onP256(read: () => KeyObject): KeyObject | null {
  try {
    const key = read();
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}
