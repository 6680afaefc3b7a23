import { createHmac, createPrivateKey, sign } from 'node:crypto';

/**
 * Builds a JWT by hand, byte by byte, so a test can present exactly the token an attacker would:
 * any header, any claims, signed with any key or none. The apps' own TokenService refuses to mint
 * most of these, which is the point.
 */
export type ForgeKey = { alg: 'ES256'; privateKey: string } | { alg: 'HS256'; secret: string | Buffer } | { alg: 'none' };

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function forgeToken(claims: Record<string, unknown>, key: ForgeKey, header: Record<string, unknown> = {}): string {
  const data = `${part({ alg: key.alg, typ: 'JWT', ...header })}.${part(claims)}`;
  return `${data}.${signature(data, key)}`;
}

function signature(data: string, key: ForgeKey): string {
  if (key.alg === 'none') return '';
  if (key.alg === 'HS256') return createHmac('sha256', key.secret).update(data).digest('base64url');
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

/** The token with its payload replaced and its signature kept. */
export function withPayload(token: string, claims: Record<string, unknown>): string {
  const [header, , sig] = token.split('.');
  return `${header}.${part(claims)}.${sig}`;
}

export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
