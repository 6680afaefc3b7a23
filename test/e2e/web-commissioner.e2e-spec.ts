import { readFileSync } from 'node:fs';

import { Browser, BrowserContext } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { RunningIdp, startHubWithPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { publishedRelease } from '../support/report-release';

/**
 * A commissioner in a real browser: signs in through the identity provider as a person does, opens
 * the latest release, sees a suppressed figure shown as suppressed, downloads the CSV and signs out.
 * axe-core on every page; the wrong role, a form without its CSRF token and a signed-out cookie are refused.
 */
describe('the commissioner in the browser', () => {
  const mesh = new TestMesh();
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  let period: string;

  beforeAll(async () => {
    ({ hub, idp } = await startHubWithPages(mesh));
    ({ period } = await publishedRelease(mesh, ['web-golcar', 'web-honley']));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();

  const signIn = (context: BrowserContext, user: string, start = '/reports') =>
    signInAs(context, hub, idp.issuer, user, start, (page) => axe.check(page));

  it('signs a commissioner in, shows the latest release with suppressed cells as suppressed, and downloads its CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await signIn(context, 'commissioner');
    expect(new URL(page.url()).pathname).toBe('/reports');
    await expect(page.locator('header').innerText()).resolves.toContain('Chris Commissioner (commissioner)');
    await axe.check(page);

    const cookie = (await context.cookies(hub)).find((c) => c.name === 'ccm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

    await page.getByRole('link', { name: period }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Report for ${period}`);
    await axe.check(page);
    await screenshot(page, 'commissioner-report');
    const suppressed = page.locator('td[data-status="suppressed"]');
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(new Set(await suppressed.allInnerTexts())).toEqual(new Set(['suppressed']));
    expect(await page.locator('svg.ccm-chart').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-${period}-release-1\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 3)).toEqual(['period', 'section', 'metric']);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.includes(',suppressed,'))).toBe(true);
    const api = (
      await mesh
        .hub()
        .as('commissioner')
        .get(`/reporting/cycles/${new URL(page.url()).pathname.split('/')[2]}/report.csv`)
    ).text;
    expect(csv).toBe(api.replace(/^\uFEFF/, ''));
    await context.close();
  });

  it('refuses a form without its CSRF token, and ends the session at sign-out for good', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'commissioner');
    const refused = await context.request.post(`${hub}/sign-out`, { form: { _csrf: 'forged' }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    const missing = await context.request.post(`${hub}/sign-out`, { form: {}, maxRedirects: 0 });
    expect(missing.status()).toBe(403);
    expect((await context.request.get(`${hub}/reports`, { maxRedirects: 0 })).status()).toBe(200);

    const before = await context.cookies(hub);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${hub}/sign-in?signed-out=1`);
    await axe.check(page);
    await expect(page.getByText('You have signed out.').isVisible()).resolves.toBe(true);

    // The old cookie, kept and replayed, no longer signs anyone in: the session is gone on the server.
    const replay = await browser.newContext();
    await replay.addCookies(before);
    const res = await replay.request.get(`${hub}/reports`, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toBe('/sign-in?next=%2Freports');
    await replay.close();
    await context.close();
  });

  it('refuses a person whose role is not the hub’s (a co-op admin), with no session', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'coop-admin');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
    await expect(page.locator('main').innerText()).resolves.toContain('no role');
    await axe.check(page);
    expect((await context.request.get(`${hub}/reports`, { maxRedirects: 0 })).status()).toBe(303);
    await context.close();
  });

  it('keeps the API on bearer tokens: a page session is no API credential', async () => {
    const res = await fetch(`${hub}/reporting/cycles`);
    expect(res.status).toBe(401);
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.sort()).toEqual(expect.arrayContaining(['/reports', '/sign-in', '/auth/callback']));
    expect(axe.failures()).toEqual({});
  });
});
