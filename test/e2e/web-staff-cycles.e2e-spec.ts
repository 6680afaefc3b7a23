import { Browser, BrowserContext } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { RunningIdp, startHubWithPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { submittedReturns } from '../support/report-release';

/**
 * Consortium staff in a real browser: sign in through the identity provider as a person does, see
 * the return cycles with their completeness, open one, send a return back with a comment (an empty
 * comment first: the error beside the field, nothing stored) and approve another; the effect checked
 * in the hub's return_review rows. axe-core on every page; a form without its CSRF token and a
 * commissioner are refused.
 */
describe('consortium staff reviewing returns in the browser', () => {
  const mesh = new TestMesh();
  const GOLCAR = 'cyc-golcar';
  const HONLEY = 'cyc-honley';
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  let cycleId: string;
  let period: string;

  beforeAll(async () => {
    ({ hub, idp } = await startHubWithPages(mesh));
    ({ cycleId, period } = await submittedReturns(mesh, [GOLCAR, HONLEY]));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();
  const reviews = () =>
    mesh.hubQuery<{ coop_id: string; decision: string; comment: string | null; reviewed_by: string; message_id: string }>(
      'SELECT coop_id, decision, comment, reviewed_by, message_id FROM return_review WHERE cycle_id = $1 ORDER BY coop_id',
      [cycleId],
    );
  const currentReturn = async (coop: string) =>
    (
      await mesh.hubQuery<{ message_id: string }>(
        'SELECT message_id FROM return_submission WHERE cycle_id = $1 AND coop_id = $2 AND superseded_at IS NULL',
        [cycleId, coop],
      )
    )[0].message_id;

  const signIn = (context: BrowserContext, user: string, start: string) =>
    signInAs(context, hub, idp.issuer, user, start, (page) => axe.check(page));

  it('shows staff the cycles with their completeness, and opens one’s review queue', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'consortium-staff', '/cycles');
    expect(new URL(page.url()).pathname).toBe('/cycles');
    await expect(page.locator('header').innerText()).resolves.toContain('Sam Staff (consortium-staff)');
    await axe.check(page);
    const row = page.locator(`tr[data-cycle="${cycleId}"]`);
    const count = (name: string) => row.locator(`td[data-count="${name}"]`).innerText();
    await expect(Promise.all(['asked', 'submitted', 'late', 'not-answered', 'awaiting-review'].map(count))).resolves.toEqual([
      '2',
      '2',
      '0',
      '0',
      '2',
    ]);

    await page.getByRole('link', { name: period }).click();
    await page.waitForURL(`${hub}/cycles/${cycleId}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Returns for ${period}`);
    await axe.check(page);
    await screenshot(page, 'staff-review-queue');
    await expect(page.locator(`tr[data-coop="${GOLCAR}"] td[data-review]`).getAttribute('data-review')).resolves.toBe('pending');
    await expect(page.locator('section.ccm-review').count()).resolves.toBe(2);
    await context.close();
  });

  it('shows an empty comment’s error beside the field with nothing stored, then sends the return back and approves another', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'consortium-staff', `/cycles/${cycleId}`);
    expect(new URL(page.url()).pathname).toBe(`/cycles/${cycleId}`);
    const golcar = page.locator(`section[data-coop="${GOLCAR}"]`);

    // An empty comment: the error summary and the error beside the field, the form kept, nothing stored.
    await page.locator(`#comment-${GOLCAR}`).fill('   ');
    await golcar.getByRole('button', { name: /return back$/ }).click();
    await page.waitForURL(`${hub}/cycles/${cycleId}/coops/${GOLCAR}/send-back`);
    await expect(page.title()).resolves.toMatch(/^Error: Returns for/);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter a comment saying what the co-op should check');
    await expect(page.locator(`.govuk-error-summary a[href="#comment-${GOLCAR}"]`).count()).resolves.toBe(1);
    await expect(page.locator(`#comment-${GOLCAR}-error`).innerText()).resolves.toContain(
      'Enter a comment saying what the co-op should check',
    );
    await expect(page.locator(`#comment-${GOLCAR}`).getAttribute('aria-describedby')).resolves.toContain(`comment-${GOLCAR}-error`);
    await axe.check(page, '/cycles/:id (error)');
    expect(await reviews()).toEqual([]);
    await expect(mesh.hubQuery('SELECT 1 FROM outbox_message WHERE type = $1', ['reporting.return-sent-back'])).resolves.toEqual([]);

    // A real comment: sent back, shown, stored.
    const comment = 'Hours delivered for befriending look double-counted; please check the visit records.';
    await page.locator(`#comment-${GOLCAR}`).fill(comment);
    await page
      .locator(`section[data-coop="${GOLCAR}"]`)
      .getByRole('button', { name: /return back$/ })
      .click();
    await page.waitForURL(`${hub}/cycles/${cycleId}?reviewed=${GOLCAR}`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(`${GOLCAR} care co-op’s return: sent back.`);
    await expect(page.locator(`tr[data-coop="${GOLCAR}"] td[data-review]`).innerText()).resolves.toContain(comment);
    await axe.check(page, '/cycles/:id (reviewed)');

    // Approve the other.
    await page
      .locator(`section[data-coop="${HONLEY}"]`)
      .getByRole('button', { name: /^Approve/ })
      .click();
    await page.waitForURL(`${hub}/cycles/${cycleId}?reviewed=${HONLEY}`);
    await expect(page.locator(`tr[data-coop="${HONLEY}"] td[data-review]`).getAttribute('data-review')).resolves.toBe('approved');
    await expect(page.getByText('No return is waiting for review.').isVisible()).resolves.toBe(true);

    expect(await reviews()).toEqual([
      { coop_id: GOLCAR, decision: 'sent-back', comment, reviewed_by: 'consortium-staff', message_id: await currentReturn(GOLCAR) },
      { coop_id: HONLEY, decision: 'approved', comment: null, reviewed_by: 'consortium-staff', message_id: await currentReturn(HONLEY) },
    ]);
    // The audit trail names the person who decided, from their page session, as it names an API caller.
    const audited = await mesh.hubQuery<{ actor: string; action: string; outcome: string }>(
      "SELECT actor, action, outcome FROM audit_event WHERE action LIKE 'POST /cycles/%' ORDER BY id",
    );
    expect(audited).toEqual([
      { actor: 'consortium-staff:consortium-staff', action: 'POST /cycles/:id/coops/:coopId/send-back', outcome: 'refused' },
      { actor: 'consortium-staff:consortium-staff', action: 'POST /cycles/:id/coops/:coopId/send-back', outcome: 'succeeded' },
      { actor: 'consortium-staff:consortium-staff', action: 'POST /cycles/:id/coops/:coopId/approval', outcome: 'succeeded' },
    ]);
    // The same as the API says.
    const api = (await mesh.hub().as('consortium-staff').get(`/reporting/cycles/${cycleId}/completeness`).expect(200)).body;
    expect(api).toMatchObject({ approved: 1, sentBack: 1, awaitingReview: 0 });
    await context.close();
  });

  it('refuses a review form without its CSRF token, with nothing stored', async () => {
    const context = await browser.newContext();
    await signIn(context, 'consortium-staff', '/cycles');
    const before = await reviews();
    const form = { messageId: await currentReturn(GOLCAR), comment: 'forged' };
    const missing = await context.request.post(`${hub}/cycles/${cycleId}/coops/${GOLCAR}/send-back`, { form, maxRedirects: 0 });
    expect(missing.status()).toBe(403);
    const forged = await context.request.post(`${hub}/cycles/${cycleId}/coops/${GOLCAR}/approval`, {
      form: { ...form, _csrf: 'forged' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await reviews()).toEqual(before);
    await context.close();
  });

  it('refuses a commissioner the staff’s pages (403)', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'commissioner', '/cycles');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
    await axe.check(page, '/cycles (commissioner)');
    expect((await context.request.get(`${hub}/cycles/${cycleId}`, { maxRedirects: 0 })).status()).toBe(403);
    // A commissioner's menu has no return cycles.
    await page.goto(`${hub}/reports`);
    await expect(page.getByRole('link', { name: 'Return cycles', exact: true }).count()).resolves.toBe(0);
    await context.close();
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages).toEqual(
      expect.arrayContaining([
        '/sign-in',
        '/cycles',
        `/cycles/${cycleId}`,
        '/cycles/:id (error)',
        '/cycles/:id (reviewed)',
        '/cycles (commissioner)',
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
