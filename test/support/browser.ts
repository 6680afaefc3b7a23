import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium, headless: Playwright's own browser download cannot work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

export interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.2 AA and best practice). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * What axe-core found on every page a browser suite showed: `check(page)` after each page is drawn
 * (named by its path, or by `as` for a second state of the same page), `failures()` at the end.
 */
export class AccessibilityLog {
  private readonly byPage = new Map<string, Violation[]>();

  async check(page: Page, as = new URL(page.url()).pathname): Promise<void> {
    this.byPage.set(as, await seriousViolations(page));
  }

  /** The pages checked, in the order first checked. */
  get pages(): string[] {
    return [...this.byPage.keys()];
  }

  /** Each page with a serious or critical violation, with its violations: `{}` when there is none. */
  failures(): Record<string, Violation[]> {
    return Object.fromEntries([...this.byPage].filter(([, found]) => found.length > 0));
  }
}

/**
 * Signs `user` in to the app at `app` the way a person does: opens `start`, is sent to the sign-in page,
 * presses Sign in, and types the user id on the identity provider's own page (any password). When the
 * browser context is already signed in at the provider, it comes straight back. `atSignIn` runs on the
 * app's sign-in page before the button is pressed (an accessibility check of it). Answers the page, back on the app.
 */
export async function signInAs(
  context: BrowserContext,
  app: string,
  idpIssuer: string,
  user: string,
  start = '/',
  atSignIn?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app}${start}`);
  if (new URL(page.url()).pathname !== '/sign-in') throw new Error(`${start} did not ask for sign-in (at ${page.url()})`);
  await atSignIn?.(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === idpIssuer || (url.origin === app && url.pathname !== '/sign-in'));
  if (new URL(page.url()).origin === idpIssuer) {
    await page.fill('input[name="login"]', user);
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === app);
  }
  return page;
}

/**
 * The README's screenshots are made by the browser suites themselves: with SCREENSHOTS=1 (`npm run
 * screenshots`), `screenshot` saves the page as docs/screenshots/<name>.png; otherwise it does nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'screenshots', `${name}.png`), fullPage: false });
}
