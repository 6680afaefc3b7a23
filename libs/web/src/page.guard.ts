import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { Principal } from '@app/platform';

import { sessionExpired } from './sign-in.rules';
import { WEB_SIGN_IN, WebSignIn } from './web.config';
import { SignInRequired } from './web.errors';
import { WEB_PEOPLE, WebPeople } from './web-app';
import { csrfMatches, pagePrincipal } from './web-session';

export const PAGE_ROLES_KEY = 'ccm:page-roles';
/** Anyone signed in, whatever their role (the front door, signing out). */
export const ANY_SIGNED_IN = '*signed-in*';
/**
 * The roles that may see a page: the same as the API the page uses, or ANY_SIGNED_IN. Every page must
 * say: a page that names no roles is refused to everyone (closed by default, as the API's guard is).
 */
export const PageRoles = (...roles: string[]) => SetMetadata(PAGE_ROLES_KEY, roles);

/**
 * For every page: a signed-in, unexpired session with one of the page's roles (else sign-in, or 403),
 * and on every POST the session's CSRF token in the form (else 403, nothing done).
 */
@Injectable()
export class PageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(WEB_SIGN_IN) private readonly settings: WebSignIn | null,
    @Optional() @Inject(WEB_PEOPLE) private readonly people?: WebPeople,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const user = req.session?.user;
    if (!this.settings || !user) throw new SignInRequired(req.originalUrl);
    if (
      sessionExpired(user.signedInAt, this.settings.sessionHours, Date.now()) ||
      (this.people && !(await this.people.stillAdmitted(user)))
    ) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      throw new SignInRequired(req.originalUrl);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !csrfMatches(req)) {
      throw new ForbiddenException('This form has expired or did not come from this service. Go back, reload the page and try again.');
    }
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(PAGE_ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.length) throw new ForbiddenException('This page names no roles, so it is shown to no one.');
    if (!roles.includes(ANY_SIGNED_IN) && !roles.includes(user.role))
      throw new ForbiddenException(`Your role (${user.role}) cannot see this page.`);
    // The audit trail records who made a change from a page as it does from the API: by the principal.
    (req as Request & { principal?: Principal }).principal = pagePrincipal(req);
    return true;
  }
}
