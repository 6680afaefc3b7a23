import { Browser, BrowserContext } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { anOffer } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * A commissioner places a care package in a real browser: posts the request through the form (a name
 * typed where none belongs is refused, naming the field), watches the request's page show the offer as
 * it arrives from a co-op's node (the page reloads itself) with the co-op that has not answered, and
 * accepts it. axe-core on every page.
 */
describe('brokerage in the browser', () => {
  const mesh = new TestMesh();
  const MARSDEN = 'web-marsden';
  const SLAITH = 'web-slaithwaite';
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  const axe = new AccessibilityLog();
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');

  beforeAll(async () => {
    ({ hub, idp } = await startPages(mesh, { hub: true }));
    for (const coop of [MARSDEN, SLAITH]) await mesh.startNode(coop, { COOP_LOCALITIES: 'Marsden', COOP_SERVICES: 'personal-care' });
    await waitFor(
      'both co-ops online',
      async () => (await mesh.hub().as('consortium-staff').get('/coops?connectivity=online')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.includes('Marsden')).length === 2,
    );
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const signIn = (context: BrowserContext) =>
    signInAs(context, hub, idp.issuer, 'commissioner', '/package-requests', (page) => axe.check(page));

  it('posts a request through the form, shows the offer as it arrives and who has not answered, and accepts it', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    expect(new URL(page.url()).pathname).toBe('/package-requests');
    await axe.check(page);

    const fill = async (reference: string) => {
      await page.getByLabel('Council case reference').fill(reference);
      await page.getByLabel('Locality').fill('Marsden');
      await page.getByRole('checkbox', { name: 'personal-care' }).check();
      await page.getByLabel('Hours a week').fill('10.5');
      await page.getByLabel('Visits a day').fill('2');
      await page.getByRole('checkbox', { name: 'morning' }).check();
      await page.getByRole('checkbox', { name: 'evening' }).check();
      await page.getByLabel('Starts on').fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
      await page.getByRole('radio', { name: 'council-commissioned' }).check();
    };
    await fill('Mrs Edith Crabtree');
    await page.getByRole('button', { name: 'Post the request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Package requests');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the council’s case reference');
    await axe.check(page);
    expect(await mesh.hubQuery('SELECT id FROM brokerage_request')).toEqual([]);

    await page.getByLabel('Council case reference').fill('KC-2027-00412');
    await page.getByRole('button', { name: 'Post the request' }).click();
    await page.waitForURL(/\/package-requests\/[0-9a-f-]{36}\?done=posted$/);
    const id = new URL(page.url()).pathname.split('/')[2];
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('KC-2027-00412');
    await expect(page.locator('#no-offers').isVisible()).resolves.toBe(true);
    await expect(page.locator('#not-answered li').count()).resolves.toBe(2);
    await axe.check(page);

    await waitFor(
      `${MARSDEN} to have the request`,
      async () => (await admin(MARSDEN).get('/brokerage/requests')).body,
      (b) => b.length === 1,
    );
    await admin(MARSDEN)
      .post(`/brokerage/requests/${id}/answer`)
      .send(anOffer({ timesOfDayCovered: ['morning', 'evening'], daysPerWeekCovered: 7 }))
      .expect(202);
    // No click: the page reloads itself while the request is open, and shows the offer when it has arrived.
    await page.locator(`tr[data-offer="${MARSDEN}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator('#not-answered li').allInnerTexts()).resolves.toEqual([`${SLAITH} care co-op`]);
    await axe.check(page);
    await screenshot(page, 'commissioner-package-request');

    await page.getByRole('button', { name: `Accept the offer of ${MARSDEN} care co-op` }).click();
    await page.waitForURL(/done=placed$/);
    await expect(page.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe('placed');
    await axe.check(page);
    await waitFor(
      `${MARSDEN}'s placement`,
      async () => (await admin(MARSDEN).get('/brokerage/placements')).body,
      (b) => b[0]?.councilReference === 'KC-2027-00412',
    );
    await context.close();
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.sort()).toEqual(expect.arrayContaining(['/package-requests']));
    expect(axe.failures()).toEqual({});
  });
});
