import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

import { Principal } from './principal';

export const ROLES_KEY = 'ccm:roles';
export const PUBLIC_KEY = 'ccm:public';

/** The roles allowed to call a route. A route with neither @Roles nor @Public is refused to everyone. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call (health, readiness). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
