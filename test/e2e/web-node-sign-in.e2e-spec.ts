import { createHash } from 'node:crypto';

import { Browser } from 'playwright-core';

import { AccessibilityLog, launchChromium, signInAs } from '../support/browser';
import { aMember } from '../support/builders';
import { RunningPages, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';

/**
 * Signing in to a co-op's own node in a real browser: its admin by role; a member tied to their own
 * member record by the verified email address on it (the tie kept for later sign-ins, ended by erasure);
 * someone who is not a current member refused with a reason and no session; the hub's and the node's
 * sessions side by side in one browser; and signing out ending the session at the identity provider too.
 */
describe('signing in to a node', () => {
  const mesh = new TestMesh();
  const COOP = 'web-sign-in-marsden';
  let pages: RunningPages;
  let node: string;
  let browser: Browser;
  const axe = new AccessibilityLog();
  const ties = () =>
    mesh.nodeQuery<{ subject: string; member_id: string }>(COOP, 'SELECT subject, member_id FROM member_sign_in ORDER BY subject');
  const sessions = async () => (await mesh.nodeQuery<{ n: number }>(COOP, 'SELECT count(*)::int AS n FROM web_session'))[0].n;
  const admin = () => mesh.node(COOP).as('coop-admin');

  beforeAll(async () => {
    pages = await startPages(mesh, { hub: true, nodes: [COOP] });
    node = pages.nodes[COOP];
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await pages?.idp.close();
  });

  it("signs the co-op's admin in to the admin's overview, in a cookie of the node's own", async () => {
    const context = await browser.newContext();
    const page = await signInAs(context, node, pages.idp.issuer, 'coop-admin', '/');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.locator('header').innerText()).resolves.toContain('Ada Admin (coop-admin)');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`${COOP} care co-op`);
    await axe.check(page);
    const cookies = await context.cookies(node);
    expect(cookies.map((c) => c.name)).toContain(`ccm_node_${COOP}`);
    expect(cookies.find((c) => c.name === `ccm_node_${COOP}`)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await context.close();
  });

  it('leaves a signed-in session as it is when drawing pages (an error page too), its CSRF token the form’s', async () => {
    const context = await browser.newContext();
    const page = await signInAs(context, node, pages.idp.issuer, 'coop-admin', '/admin/profile');
    // The session row is keyed by a hash of the id in the signed cookie (s:<id>.<signature>).
    const cookie = decodeURIComponent((await context.cookies(node)).find((c) => c.name === `ccm_node_${COOP}`)!.value);
    const id = createHash('sha256')
      .update(cookie.slice(2, cookie.lastIndexOf('.')))
      .digest('hex');
    const stored = async () =>
      (await mesh.nodeQuery<{ data: { csrf?: string } }>(COOP, 'SELECT data FROM web_session WHERE id = $1', [id]))[0].data;
    const before = await stored();
    expect(await page.locator('input[name="_csrf"]').first().inputValue()).toBe(before.csrf);
    // Pages the browser may ask for while another page's session is still being saved must not write it.
    for (const path of ['/admin/members', '/favicon.ico', '/admin/no-such-page']) await context.request.get(`${node}${path}`);
    expect(await stored()).toEqual(before);
    await context.close();
  });

  it('ties a member to their own record by the verified email on it, and keeps the tie when the email changes', async () => {
    const mo = (
      await admin()
        .post('/members', aMember({ fullName: 'Mo Member', email: 'Mo.Member@COOP.example' }))
        .expect(201)
    ).body as {
      id: string;
    };
    const context = await browser.newContext();
    const page = await signInAs(context, node, pages.idp.issuer, 'member', '/');
    expect(new URL(page.url()).pathname).toBe('/me');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mo Member');
    await axe.check(page);
    expect(await ties()).toEqual([{ subject: 'member', member_id: mo.id }]);

    // The admin records another address: the member still signs in to the same record, by the tie.
    await admin().patch(`/members/${mo.id}`, { email: 'mo@elsewhere.example' }).expect(200);
    const again = await signInAs(await browser.newContext(), node, pages.idp.issuer, 'member', '/me');
    await expect(again.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mo Member');
    await context.close();
  });

  it('refuses someone whose email is on no current membership, with the reason and no session', async () => {
    const before = await sessions();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${node}/me`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('input[name="login"]', 'member-2');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === node);
    await expect(page.locator('main').innerText()).resolves.toContain('Your account is not tied to a member of this co-op');
    await axe.check(page, '/auth/callback (refused)');
    expect(await ties()).toEqual([expect.objectContaining({ subject: 'member' })]);
    // Not even the pending sign-in's row is kept.
    expect(await sessions()).toBe(before);
    await context.close();
  });

  it('keeps the hub’s and the node’s sessions apart in one browser, and signs out at the identity provider too', async () => {
    const context = await browser.newContext();
    const hubPage = await signInAs(context, pages.hub, pages.idp.issuer, 'consortium-staff', '/reports');
    expect(new URL(hubPage.url()).pathname).toBe('/reports');
    // Still signed in at the provider as staff: a co-op admin's node refuses that role, so sign out first.
    await hubPage.getByRole('button', { name: 'Sign out' }).click();
    await hubPage.waitForURL(`${pages.hub}/sign-in?signed-out=1`);
    await axe.check(hubPage, '/sign-in (signed out)');

    // The provider's session ended too: signing in again asks who you are.
    const nodePage = await context.newPage();
    await nodePage.goto(`${node}/admin`);
    await nodePage.getByRole('button', { name: 'Sign in' }).click();
    await nodePage.waitForURL((url) => url.origin === pages.idp.issuer);
    await expect(nodePage.locator('input[name="login"]').isVisible()).resolves.toBe(true);
    await nodePage.fill('input[name="login"]', 'coop-admin');
    await nodePage.fill('input[name="password"]', 'any password');
    await nodePage.click('button[type="submit"]');
    await nodePage.waitForURL(`${node}/admin`);

    // Signed in to the hub again (as the same person at the provider, who has no hub role: refused) leaves the node's session alone.
    await hubPage.goto(`${pages.hub}/reports`);
    expect(new URL(hubPage.url()).pathname).toBe('/sign-in');
    await nodePage.reload();
    expect(new URL(nodePage.url()).pathname).toBe('/admin');
    const names = (await context.cookies([pages.hub, node])).map((c) => c.name);
    expect(names).toContain(`ccm_node_${COOP}`);
    await context.close();
  });

  it('ends a withdrawn member’s session and sign-in, and erasing them removes the tie', async () => {
    const [tie] = await ties();
    const signedIn = await signInAs(await browser.newContext(), node, pages.idp.issuer, 'member', '/me');
    expect(new URL(signedIn.url()).pathname).toBe('/me');
    await admin().post(`/members/${tie.member_id}/withdrawal`, { reason: 'Moved away' }).expect(200);
    // The session made before the withdrawal ends at the next page.
    await signedIn.reload();
    expect(new URL(signedIn.url()).pathname).toBe('/sign-in');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${node}/me`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('input[name="login"]', 'member');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === node);
    await expect(page.locator('main').innerText()).resolves.toContain('Your membership of this co-op has ended.');
    await admin().post(`/members/${tie.member_id}/erasure`).expect(200);
    expect(await ties()).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.length).toBeGreaterThanOrEqual(4);
    expect(axe.failures()).toEqual({});
  });
});
