import { Browser, BrowserContext } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

/**
 * A care package placed in real browsers: the commissioner posts the request through the hub's form (a
 * name typed where none belongs is refused, naming the field); the co-op's admin offers on the node's own
 * page (a note with a date of birth is refused); the commissioner's page shows the offer as it arrives
 * (the page reloads itself) with the co-op that has not answered; the offer is accepted and the node's
 * page lists the placement. axe-core on every page.
 */
describe('brokerage in the browser', () => {
  const mesh = new TestMesh();
  const MARSDEN = 'web-marsden';
  const SLAITH = 'web-slaithwaite';
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  let node: string;
  const axe = new AccessibilityLog();
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const day = (offset: number) => ukDay(offset);

  beforeAll(async () => {
    const served = { COOP_LOCALITIES: 'Marsden', COOP_SERVICES: 'personal-care' };
    let nodes: Record<string, string>;
    ({ hub, idp, nodes } = await startPages(mesh, { hub: true, nodes: [MARSDEN], nodeOverrides: served }));
    node = nodes[MARSDEN];
    await mesh.startNode(SLAITH, served);
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
  const signInToNode = (context: BrowserContext) =>
    signInAs(context, node, idp.issuer, 'coop-admin', '/admin/package-requests', (page) => axe.check(page));

  it('posts a request through the form, the admin offers on the node, the offer shows as it arrives, and is accepted', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    expect(new URL(page.url()).pathname).toBe('/package-requests');
    await axe.check(page);

    await page.getByLabel('Council case reference').fill('Mrs Edith Crabtree');
    await page.getByLabel('Locality').fill('Marsden');
    await page.getByRole('checkbox', { name: 'personal-care' }).check();
    await page.getByLabel('Hours a week').fill('10.5');
    await page.getByLabel('Visits a day').fill('2');
    await page.getByRole('checkbox', { name: 'morning' }).check();
    await page.getByRole('checkbox', { name: 'evening' }).check();
    await page.getByLabel('Starts on').fill(day(2));
    await page.getByRole('radio', { name: 'council-commissioned' }).check();
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
    // The co-op's admin answers on the node's own page.
    const adminContext = await browser.newContext();
    const desk = await signInToNode(adminContext);
    expect(new URL(desk.url()).pathname).toBe('/admin/package-requests');
    await axe.check(desk);
    await desk.getByRole('link', { name: /Marsden/ }).click();
    await desk.waitForURL(`${node}/admin/package-requests/${id}`);
    await axe.check(desk);
    await desk.getByRole('radio', { name: 'Offer' }).check();
    await desk.getByLabel('You can start on').fill(day(1));
    await desk.getByRole('checkbox', { name: 'morning' }).check();
    await desk.getByRole('checkbox', { name: 'evening' }).check();
    await desk.getByLabel('Note for the commissioner (optional)').fill('For Edith, born 01/02/1940');
    await desk.getByRole('button', { name: 'Send your answer' }).click();
    await expect(desk.locator('.govuk-error-summary').innerText()).resolves.toContain('no dates, postcodes or long numbers');
    await axe.check(desk);
    expect(await mesh.nodeQuery(MARSDEN, 'SELECT * FROM brokerage_answer_sent')).toEqual([]);
    await desk.getByLabel('Note for the commissioner (optional)').fill('Two carers on the Marsden round');
    await desk.getByRole('button', { name: 'Send your answer' }).click();
    await desk.waitForURL(/answered=1$/);
    await axe.check(desk);

    // No click on the hub: its page reloads itself while the request is open, and shows the offer once it has arrived.
    await page.locator(`tr[data-offer="${MARSDEN}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`tr[data-offer="${MARSDEN}"]`).innerText()).resolves.toContain('Two carers on the Marsden round');
    await expect(page.locator('#not-answered li').allInnerTexts()).resolves.toEqual([`${SLAITH} care co-op`]);
    await axe.check(page);
    await screenshot(page, 'commissioner-package-request');

    await page.getByRole('button', { name: `Accept the offer of ${MARSDEN} care co-op` }).click();
    await page.waitForURL(/done=placed$/);
    await expect(page.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe('placed');
    await axe.check(page);

    // The admin's desk lists the placement with the council's reference once it has arrived.
    await waitFor(
      `${MARSDEN}'s placement`,
      async () => (await admin(MARSDEN).get('/brokerage/placements')).body,
      (b) => b[0]?.councilReference === 'KC-2027-00412',
    );
    await desk.goto(`${node}/admin/package-requests`);
    await expect(desk.locator(`tr[data-placement="${id}"] th`).innerText()).resolves.toBe('KC-2027-00412');
    await axe.check(desk);

    // The admin opens the placement and starts the person's care with the details the council gave.
    await desk.getByRole('link', { name: 'KC-2027-00412' }).click();
    await desk.waitForURL(`${node}/admin/package-requests/placements/${id}`);
    await axe.check(desk);
    await desk.getByLabel('Full name').fill('Edith Marsh');
    await desk.getByLabel('Date of birth').fill('2099-01-01');
    await desk.getByLabel('Address').fill('4 Mill Lane, Marsden');
    await desk.getByRole('button', { name: 'Start care' }).click();
    await expect(desk.locator('.govuk-error-summary').innerText()).resolves.toContain('dateOfBirth 2099-01-01 is after startedOn');
    await expect(desk.locator('#dateOfBirth-error').innerText()).resolves.toContain('after startedOn');
    await expect(desk.getByLabel('Full name').inputValue()).resolves.toBe('Edith Marsh');
    await axe.check(desk);
    expect(await mesh.nodeQuery(MARSDEN, 'SELECT id FROM service_user')).toEqual([]);
    await desk.getByLabel('Date of birth').fill('1938-02-11');
    await desk.getByRole('button', { name: 'Start care' }).click();
    await desk.waitForURL(/started=1$/);
    await expect(desk.locator('main').innerText()).resolves.toContain('Edith Marsh is now a person supported');
    const [person] = await mesh.nodeQuery<{ id: string; locality: string; funding_type: string }>(
      MARSDEN,
      'SELECT id, locality, funding_type FROM service_user',
    );
    expect(person).toMatchObject({ locality: 'Marsden' });
    await expect(desk.locator('[data-care]').getAttribute('data-care')).resolves.toBe(person.id);
    await expect(desk.getByRole('button', { name: 'Start care' }).count()).resolves.toBe(0);
    await axe.check(desk);
    await adminContext.close();
    await context.close();
  }, 180_000);

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.sort()).toEqual(
      expect.arrayContaining([
        '/package-requests',
        '/admin/package-requests',
        expect.stringMatching(/^\/admin\/package-requests\/placements\//),
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
