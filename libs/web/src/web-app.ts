/** What an app tells the pages about itself. */
export interface WebApp {
  serviceName: string;
  /** The roles a person may sign in to this app with (the role claim is mapped onto these). */
  roles: readonly string[];
  /** Where a signed-in person lands. */
  home: string;
  /** The app's own templates, relative to the repository root (e.g. apps/consortium-hub/src/pages/views). */
  views: readonly string[];
}

export const WEB_APP = Symbol('WEB_APP');
