import { Browser, BrowserContext, Page } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { aPaymentAcrossCoops, aVolunteer } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

interface CoopBalance {
  coopId: string;
  balanceMinutes: number;
  headroomMinutes: number;
}

/**
 * The hub's Time credits page in a real browser, on a real hub and two real nodes: empty at first; then a
 * payment made through the nodes' APIs clears between the co-ops, and another the receiving co-op refuses comes back.
 * Staff see each co-op's balance as the API gives it, the hours by month, the payments with the refusal's
 * reason and no person, and change the limit through the form (a bad limit is refused beside the field,
 * what was typed kept, nothing changed); a commissioner sees the balances and no form. axe-core on every
 * page shown.
 */
describe('time credits between co-ops in the browser', () => {
  const BROWSER_TEST_MS = 150_000;
  const mesh = new TestMesh();
  const HOLME = 'webtc-holme';
  const COLNE = 'webtc-colne';
  /** A code of the right shape that Colne never made: the hub forwards it, Colne refuses it. */
  const UNKNOWN_CODE = `${COLNE}.7K3M9Q2XWV4T8R6P1N5H`;
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  const axe = new AccessibilityLog();
  /** Every volunteer's name made in the suite: none may show on the hub's page. */
  const names: string[] = [];
  let completedId: string;
  let refusedId: string;

  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const staff = () => mesh.hub().as('consortium-staff');
  const volunteer = async (coop: string) => {
    const made = (await admin(coop).post('/volunteers').send(aVolunteer()).expect(201)).body;
    names.push(made.fullName);
    return made.id as string;
  };
  const settled = (id: string, status: string) =>
    waitFor(
      `transfer ${id} ${status} on ${HOLME}`,
      async () => (await admin(HOLME).get(`/time-bank/across-coops/${id}`).expect(200)).body,
      (t) => t.status === status,
    );
  const apiLimit = async (): Promise<number> => (await staff().get('/time-clearing/limit').expect(200)).body.limitMinutes;

  beforeAll(async () => {
    ({ hub, idp } = await startPages(mesh, { hub: true }));
    await mesh.startNode(HOLME);
    await mesh.startNode(COLNE);
    await mesh.registered(HOLME);
    await mesh.registered(COLNE);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const signIn = (context: BrowserContext, user: string) =>
    signInAs(context, hub, idp.issuer, user, '/time-credits', (page) => axe.check(page));
  const limitError = (page: Page) => page.locator('#limitHours-error');
  const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();

  /** Through the nodes' own APIs: a payment Colne's member is paid, and then one to a code Colne never made, which it refuses. */
  const payAcrossCoops = async () => {
    const payer = await volunteer(HOLME);
    const payee = await volunteer(COLNE);
    await admin(HOLME).post(`/volunteers/${payer}/hours`).send({ workedOn: ukDay(), activity: 'befriending', minutes: 300 }).expect(201);
    const code = (await admin(COLNE).post('/time-bank/payment-codes').send({ volunteerId: payee }).expect(201)).body.code as string;
    const pay = (paymentCode: string, minutes: number) =>
      admin(HOLME)
        .post('/time-bank/across-coops')
        .send(aPaymentAcrossCoops(payer, paymentCode, { minutes }))
        .expect(201);
    // One after the other, so the hub receives them in this order (the list is newest first).
    completedId = (await pay(code, 90)).body.id;
    await settled(completedId, 'completed');
    refusedId = (await pay(UNKNOWN_CODE, 30)).body.id;
    await settled(refusedId, 'refused');
  };

  it(
    'says nothing has cleared before any payment between co-ops',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff');
      await expect(page.locator('#no-balances').isVisible()).resolves.toBe(true);
      await expect(page.locator('#no-exchanges').isVisible()).resolves.toBe(true);
      await expect(page.locator('#transfers tbody').innerText()).resolves.toBe('No payment between co-ops yet.');
      await expect(page.locator('svg.ccm-chart').count()).resolves.toBe(0);
      await axe.check(page, '/time-credits (nothing yet)');
      await context.close();
      await payAcrossCoops();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows staff each co-op’s balance as the API gives it, the hours by month and the payments, with no person',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff');
      expect(new URL(page.url()).pathname).toBe('/time-credits');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Time credits between co-ops');
      await expect(menu(page)).resolves.toEqual([
        'Return cycles',
        'Published reports',
        'Trends',
        'Purchasing',
        'Tenders',
        'Care packages',
        'Time credits',
        'Co-ops',
        'Recruitment',
        'Onboarding',
      ]);
      await expect(page.locator('.govuk-service-navigation__item--active').innerText()).resolves.toBe('Time credits');

      const api = (await staff().get('/time-clearing/balances').expect(200)).body as { limitMinutes: number; coops: CoopBalance[] };
      expect(api.coops.map((c) => [c.coopId, c.balanceMinutes]).sort()).toEqual([
        [COLNE, 90],
        [HOLME, -90],
      ]);
      for (const c of api.coops) {
        const row = page.locator(`#balances tr[data-coop="${c.coopId}"]`);
        await expect(row.getAttribute('data-balance-minutes')).resolves.toBe(String(c.balanceMinutes));
        const cells = await row.locator('th, td').allInnerTexts();
        expect(cells).toEqual([
          `${c.coopId} care co-op`,
          c.balanceMinutes < 0 ? 'Owes' : 'Is owed',
          '1.5 hours',
          c.balanceMinutes < 0 ? `${Math.round((90 * 100) / api.limitMinutes)}%` : '0%',
          `${(c.headroomMinutes / 60).toLocaleString('en-GB', { maximumFractionDigits: 2 })} hours`,
        ]);
      }
      // The most owing first.
      await expect(page.locator('#balances tbody tr').first().getAttribute('data-coop')).resolves.toBe(HOLME);
      await expect(page.locator('[data-limit-minutes]').getAttribute('data-limit-minutes')).resolves.toBe(String(api.limitMinutes));

      // Only the completed payment is exchanged; the month is the one the receiving co-op credited it in.
      const month = (await staff().get('/time-clearing/exchanges').expect(200)).body.items[0].month as string;
      await expect(page.locator('#exchanges tbody tr').allInnerTexts()).resolves.toEqual([
        expect.stringMatching(new RegExp(`^${month}\\s+${HOLME} care co-op\\s+${COLNE} care co-op\\s+1\\s+1.5 hours$`)),
      ]);
      await expect(page.locator('#months tbody tr').allInnerTexts()).resolves.toEqual([`${month}\t1.5 hours`]);
      await expect(page.locator('svg.ccm-chart rect').count()).resolves.toBe(1);

      // The payments, newest first: the refused one given back with the receiving co-op's reason.
      await expect(
        page.locator('#transfers tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-transfer'))),
      ).resolves.toEqual([refusedId, completedId]);
      await expect(page.locator(`tr[data-transfer="${completedId}"] [data-status]`).getAttribute('data-status')).resolves.toBe('completed');
      const refused = page.locator(`tr[data-transfer="${refusedId}"]`);
      await expect(refused.locator('[data-status]').innerText()).resolves.toBe('Given back');
      const reason = (await staff().get('/time-clearing/transfers?status=reversed').expect(200)).body.items[0].refusalReason as string;
      expect(reason).toContain('TIMEBANK.CODE_UNKNOWN');
      await expect(refused.innerText()).resolves.toContain(reason);

      // No person: no volunteer's name, and no payment code, anywhere on the page.
      const text = await page.content();
      for (const name of names) expect(text).not.toContain(name);
      expect(text).not.toContain(UNKNOWN_CODE);
      await axe.check(page);
      await screenshot(page, 'staff-time-credits');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses a bad limit beside the field with what was typed, changing nothing; then staff change it',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'consortium-staff');
      const before = await apiLimit();
      await expect(page.getByLabel('The most any co-op may owe, in hours').inputValue()).resolves.toBe(String(before / 60));

      for (const typed of ['ten', '-5', '1.001', '100001', '']) {
        await page.getByLabel('The most any co-op may owe, in hours').fill(typed);
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.url() === `${hub}/time-credits/limit`),
          page.getByRole('button', { name: 'Change the limit' }).click(),
        ]);
        expect({ typed, status: answer.status() }).toEqual({ typed, status: 400 });
        await expect(page.title()).resolves.toMatch(/^Error: /);
        await expect(limitError(page).innerText()).resolves.toContain('Enter the limit in hours, from 0 to 100,000');
        await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#limitHours');
        await expect(page.getByLabel('The most any co-op may owe, in hours').inputValue()).resolves.toBe(typed);
        expect(await apiLimit()).toBe(before);
      }
      await axe.check(page, '/time-credits (error)');

      // A form without its CSRF token is refused and changes nothing.
      const forged = await context.request.post(`${hub}/time-credits/limit`, { form: { limitHours: '1' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect(await apiLimit()).toBe(before);

      await page.getByLabel('The most any co-op may owe, in hours').fill('12.5');
      await page.getByRole('button', { name: 'Change the limit' }).click();
      await page.waitForURL(`${hub}/time-credits?done=limit`);
      await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain('The limit is now 12.5 hours');
      expect(await apiLimit()).toBe(750);
      // Recorded with who changed it, and in the audit trail under the staff's role.
      const setting = await mesh.hubQuery<{ updated_by: string }>('SELECT updated_by FROM clearing_setting');
      expect(setting).toEqual([{ updated_by: expect.stringMatching(/\S/) }]);
      const audited = await mesh.hubQuery<{ actor_role: string; outcome: string }>(
        `SELECT actor_role, outcome FROM audit_event WHERE action = 'POST /time-credits/limit' ORDER BY id DESC LIMIT 1`,
      );
      expect(audited).toEqual([{ actor_role: 'consortium-staff', outcome: 'succeeded' }]);
      await expect(page.locator('[data-limit-minutes]').getAttribute('data-limit-minutes')).resolves.toBe('750');
      // Holme owes 1.5 hours of its 12.5: 12 %, and 11 hours still to pay out, as the API says.
      const holme = ((await staff().get('/time-clearing/balances').expect(200)).body.coops as CoopBalance[]).find(
        (c) => c.coopId === HOLME,
      )!;
      expect(holme.headroomMinutes).toBe(660);
      await expect(page.locator(`#balances tr[data-coop="${HOLME}"] td`).allInnerTexts()).resolves.toEqual([
        'Owes',
        '1.5 hours',
        '12%',
        '11 hours',
      ]);
      await axe.check(page, '/time-credits (limit changed)');
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a commissioner the balances and the months, without the form or the payments',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'commissioner');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Time credits between co-ops');
      await expect(menu(page)).resolves.toEqual(['Published reports', 'Trends', 'Tenders', 'Care packages', 'Time credits']);
      await expect(page.locator('#balances tbody tr').count()).resolves.toBe(2);
      await expect(page.locator('#exchanges tbody tr').count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Change the limit' }).count()).resolves.toBe(0);
      await expect(page.locator('#transfers').count()).resolves.toBe(0);
      await expect(page.locator('form[action="/time-credits/limit"]').count()).resolves.toBe(0);
      await axe.check(page, '/time-credits (commissioner)');
      // Even with a form's token, the limit is the staff's alone.
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const before = await apiLimit();
      const refused = await context.request.post(`${hub}/time-credits/limit`, { form: { _csrf: token, limitHours: '1' }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
      expect(await apiLimit()).toBe(before);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages).toEqual(
      expect.arrayContaining([
        '/sign-in',
        '/time-credits',
        '/time-credits (nothing yet)',
        '/time-credits (error)',
        '/time-credits (limit changed)',
        '/time-credits (commissioner)',
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
