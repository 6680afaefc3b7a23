import { ForbiddenException, Inject, Injectable, Logger, NotFoundException, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';

import { OidcClient } from './oidc-client';
import { roleFromClaim, safeReturnPath } from './sign-in.rules';
import { WEB_SIGN_IN, WebSignIn } from './web.config';
import { homeOf, WEB_APP, WEB_PEOPLE, WebApp, WebPeople } from './web-app';
import { newCsrfToken, SESSION_COOKIE } from './web-session';

/**
 * Sign-in: the person goes to the identity provider with a fresh state, nonce and PKCE verifier kept
 * in their session, and comes back with a code. A new session (a new id, against session fixation)
 * then holds who they are and their role here; a person with no role here gets no session.
 */
@Injectable()
export class SignInPeople {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(WEB_SIGN_IN) private readonly settings: WebSignIn | null,
    @Inject(WEB_APP) private readonly app: WebApp,
    private readonly oidc: OidcClient,
    @Optional() @Inject(WEB_PEOPLE) private readonly people?: WebPeople,
  ) {}

  async start(req: Request, next: unknown): Promise<string> {
    this.enabled();
    const { url, pending } = await this.oidc.start(safeReturnPath(next));
    req.session.pending = pending;
    await save(req);
    return url;
  }

  async finish(req: Request): Promise<string> {
    this.enabled();
    const pending = req.session.pending;
    if (!pending) throw new ForbiddenException('This sign-in has expired or was started elsewhere. Sign in again.');
    delete req.session.pending;
    const person = await this.oidc.finish(req.originalUrl, pending).catch((error: unknown) => {
      this.logger.warn(`sign-in refused: ${error instanceof Error ? error.name : 'error'}`);
      throw new ForbiddenException("The identity provider's answer could not be checked. Sign in again.");
    });
    const role = roleFromClaim(person.claims[this.settings!.roleClaim], this.settings!.roleMap, this.app.roles);
    if (!role) {
      await destroy(req);
      throw new ForbiddenException(`Your account has no role on the ${this.app.serviceName} here. Ask an administrator to give you one.`);
    }
    const admitted = this.people ? await this.people.admit(person, role) : {};
    if ('refused' in admitted) {
      await destroy(req);
      this.logger.warn(`sign-in refused by the app for role ${role}`);
      throw new ForbiddenException(admitted.refused);
    }
    await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
    req.session.user = {
      subject: person.subject,
      name: person.name,
      role,
      signedInAt: Date.now(),
      ...(admitted.memberId ? { memberId: admitted.memberId } : {}),
      ...(person.idToken ? { idToken: person.idToken } : {}),
    };
    req.session.csrf = newCsrfToken();
    await save(req);
    this.logger.log(`signed in with role ${role}`);
    return pending.next === '/' ? homeOf(this.app, role) : pending.next;
  }

  /**
   * Ends the session here (the row deleted, the cookie cleared), and answers where to go next: the
   * identity provider's end-session endpoint when it has one, so that the next sign-in asks again,
   * else this app's sign-in page.
   */
  async signOut(req: Request, res: Response): Promise<string> {
    const idToken = req.session.user?.idToken;
    await destroy(req);
    res.clearCookie(this.app.cookieName ?? SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.settings!.secureCookies,
    });
    return (await this.oidc.endSessionUrl(idToken, SIGNED_OUT)) ?? SIGNED_OUT;
  }

  private enabled(): void {
    if (!this.settings) throw new NotFoundException('Sign-in is not set up on this service.');
  }
}

/** Where a person lands once signed out, here and at the provider. */
export const SIGNED_OUT = '/sign-in?signed-out=1';

/** A refused sign-in keeps nothing: the pending sign-in's session row goes too. */
const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
