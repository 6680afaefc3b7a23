import { randomBytes, timingSafeEqual } from 'node:crypto';

import { NotFoundException } from '@nestjs/common';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';

import type { Principal } from '@app/platform';

import type { PendingSignIn } from './oidc-client';
import { PgSessionStore } from './session.store';
import { WebSignIn } from './web.config';

/** Who is signed in to the pages. */
export interface WebUser {
  subject: string;
  name: string;
  role: string;
  signedInAt: number;
  /** On a node, the member record a member's sign-in is tied to. */
  memberId?: string;
  /** The ID token, kept to end the session at the identity provider on sign-out (its `id_token_hint`). */
  idToken?: string;
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
export function webSession(settings: WebSignIn, dataSource: DataSource, cookieName = SESSION_COOKIE): RequestHandler {
  return session({
    name: cookieName,
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

/** The person signed in, as the API's use cases take them (the same rules apply to a page as to the API). */
export function pagePrincipal(req: Request): Principal {
  const user = req.session.user;
  if (!user) throw new Error('pagePrincipal: no one is signed in (is the page guarded by PageGuard?)');
  return { subject: user.subject, role: user.role, ...(user.memberId ? { memberId: user.memberId } : {}) };
}

/** A new synchronizer token for a session's forms. */
export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

/**
 * The synchronizer token of the session's forms. Sign-in makes it with the session, so drawing a page
 * never changes the session: a page's body goes out before its session is saved, and a request the
 * browser makes meanwhile (a missing icon's error page) must not make a second token that overwrites
 * the one in the form. Made here only for a session from before that.
 */
export function csrfToken(req: Request): string {
  if (!req.session.csrf) req.session.csrf = newCsrfToken();
  return req.session.csrf;
}

export function csrfMatches(req: Request): boolean {
  const expected = req.session?.csrf;
  const given: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Byte lengths, not string lengths: a token of the right length with a multibyte character is simply wrong.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The member signed in on a node's member page: their own record's id from the session, never from the URL or form. */
export function signedInMemberId(req: Request): string {
  const id = req.session.user?.memberId;
  if (!id) throw new NotFoundException('Your member record was not found.');
  return id;
}
