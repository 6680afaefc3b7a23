import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';

import type { PendingSignIn } from './oidc-client';
import { PgSessionStore } from './session.store';
import { WebSignIn } from './web.config';

/** Who is signed in to the pages. */
export interface WebUser {
  subject: string;
  name: string;
  role: string;
  signedInAt: number;
}

declare module 'express-session' {
  interface SessionData {
    user?: WebUser;
    csrf?: string;
    pending?: PendingSignIn;
  }
}

export const SESSION_COOKIE = 'ccm_session';

/**
 * The pages' session: an httpOnly, SameSite=Lax cookie holding only a signed random id (Secure
 * unless the app is reached on this machine over plain HTTP), the state kept server-side in
 * PostgreSQL. It lasts WEB_SESSION_HOURS from sign-in, and is never extended by use.
 */
export function webSession(settings: WebSignIn, dataSource: DataSource): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: settings.sessionSecret,
    store: new PgSessionStore(dataSource, settings.sessionHours),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    // Behind a TLS-terminating proxy, the request reaches the app over HTTP: trust its X-Forwarded-Proto for Secure cookies.
    proxy: settings.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies, path: '/', maxAge: settings.sessionHours * 3_600_000 },
  });
}

/** The synchronizer token of the session's forms, made on first use. */
export function csrfToken(req: Request): string {
  if (!req.session.csrf) req.session.csrf = randomBytes(32).toString('base64url');
  return req.session.csrf;
}

export function csrfMatches(req: Request): boolean {
  const expected = req.session?.csrf;
  const given: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
