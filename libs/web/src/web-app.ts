import type { SignedInPerson } from './oidc-client';
import type { WebUser } from './web-session';

/** What an app tells the pages about itself. */
export interface WebApp {
  serviceName: string;
  /** The roles a person may sign in to this app with (the role claim is mapped onto these). */
  roles: readonly string[];
  /** Where a signed-in person lands: one page for everyone, or one a role. */
  home: string | Readonly<Record<string, string>>;
  /** The app's own templates, relative to the repository root (e.g. apps/consortium-hub/src/pages/views). */
  views: readonly string[];
  /**
   * The session cookie's name. Cookies are not kept apart by port, so two apps on one host (the demo's hub
   * and nodes) need different names. Default `ccm_session`.
   */
  cookieName?: string;
}

export const WEB_APP = Symbol('WEB_APP');

/** Where a person with this role lands after sign-in. */
export function homeOf(app: WebApp, role: string): string {
  return typeof app.home === 'string' ? app.home : (app.home[role] ?? '/');
}

/**
 * An app's own check of a person who signed in with a role (optional): it may refuse them, with a
 * reason shown to them, or tie them to a record of its own (a node ties a member's sign-in to their
 * member record, so member pages show their own record only).
 */
export interface WebPeople {
  admit(person: SignedInPerson, role: string): Promise<{ memberId?: string } | { refused: string }>;
  /**
   * Asked on every page request: whether the person signed in may still use their session (a member
   * withdrawn or erased since signing in may not). False ends the session at once.
   */
  stillAdmitted(user: WebUser): Promise<boolean>;
}

export const WEB_PEOPLE = Symbol('WEB_PEOPLE');
