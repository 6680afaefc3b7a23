import { createHash, createHmac, randomBytes } from 'node:crypto';

import type { WebUser } from '../../libs/web/src';

/**
 * A page session made straight in an app's `web_session` table, and the cookie that names it, signed
 * with the app's session secret as express-session signs it: a person "signed in" with any role without
 * the identity provider, so a suite can try every page with every role quickly. The browser suites sign in for real.
 */
export async function forgeSession(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  secret: string,
  user: Partial<WebUser> & { role: string },
  cookieName = 'ccm_session',
): Promise<{ cookie: string; csrf: string }> {
  const sid = randomBytes(24).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + 3_600_000);
  const data = {
    cookie: { originalMaxAge: 3_600_000, expires: expires.toISOString(), httpOnly: true, path: '/', sameSite: 'lax', secure: false },
    csrf,
    user: { subject: `forged-${user.role}`, name: `Forged ${user.role}`, signedInAt: Date.now(), ...user },
  };
  await query('INSERT INTO web_session (id, data, expires_at) VALUES ($1, $2, $3)', [
    createHash('sha256').update(sid).digest('hex'),
    JSON.stringify(data),
    expires,
  ]);
  const signature = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return { cookie: `${cookieName}=${encodeURIComponent(`s:${sid}.${signature}`)}`, csrf };
}
