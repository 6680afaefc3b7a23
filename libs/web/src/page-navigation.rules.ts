/** One entry of an app's page menu: where it goes, what it says, and the roles that may open it (its page's own @PageRoles). */
export interface PageSection {
  readonly href: string;
  readonly text: string;
  readonly roles: readonly string[];
}

export interface MenuEntry {
  href: string;
  text: string;
  active: boolean;
}

/** The menu for a person with `role`: the sections that role may open, in the table's order, the current one marked active. */
export function menuFor(sections: readonly PageSection[], role: string | undefined, active: string): MenuEntry[] {
  return sections
    .filter((s) => role !== undefined && s.roles.includes(role))
    .map(({ href, text }) => ({ href, text, active: href === active }));
}
