import { ExecutionContext, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { ANY_SIGNED_IN, PAGE_ROLES_KEY, PageGuard } from './page.guard';
import { WebSignIn } from './web.config';
import { WebPeople } from './web-app';

describe('PageGuard', () => {
  const settings = { sessionHours: 8 } as WebSignIn;
  const handler = () => undefined;
  const contextFor = (roles: string[] | undefined, role = 'coop-admin', method = 'GET') => {
    if (roles) Reflect.defineMetadata(PAGE_ROLES_KEY, roles, handler);
    else Reflect.deleteMetadata(PAGE_ROLES_KEY, handler);
    const req = {
      method,
      originalUrl: '/x',
      session: { user: { subject: 's', name: 'n', role, signedInAt: Date.now() }, destroy: (cb: () => void) => cb() },
    };
    return {
      switchToHttp: () => ({ getRequest: () => req }),
      getHandler: () => handler,
      getClass: () => class {},
    } as unknown as ExecutionContext;
  };
  const guard = (people?: WebPeople) => new PageGuard(new Reflector(), settings, people);

  it('refuses a page that names no roles to everyone: pages are closed by default', async () => {
    await expect(guard().canActivate(contextFor(undefined))).rejects.toBeInstanceOf(ForbiddenException);
    await expect(guard().canActivate(contextFor([]))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('lets in the roles a page names, or anyone signed in when it says so', async () => {
    await expect(guard().canActivate(contextFor(['coop-admin']))).resolves.toBe(true);
    await expect(guard().canActivate(contextFor(['member']))).rejects.toBeInstanceOf(ForbiddenException);
    await expect(guard().canActivate(contextFor([ANY_SIGNED_IN], 'member'))).resolves.toBe(true);
  });

  it('ends the session of a person the app no longer admits, whatever the page', async () => {
    const people: WebPeople = { admit: () => Promise.resolve({}), stillAdmitted: () => Promise.resolve(false) };
    await expect(guard(people).canActivate(contextFor([ANY_SIGNED_IN]))).rejects.toMatchObject({ name: 'SignInRequired' });
  });
});
