import { Browser, BrowserContext, Page } from 'playwright-core';

import { RULEBOOK_TEMPLATES } from '../../apps/local-coop-node/src/rulebook';
import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { aServiceUser, aStaffMember } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';

/**
 * A co-op's admin in a real browser keeping what the node records: records a safeguarding concern
 * (a blank category and a day ahead of the node's clock first: the errors beside the fields, what was
 * typed kept, nothing stored), records its referral and closes it, finds it by the list's filters;
 * records the co-op's own purchases (an amount that is not pounds and pence first) and reads the
 * quarter's local share; and reads the Type B line on the workforce page once the rulebook has the
 * rule. Every effect checked in the node's database; axe-core on every page; nothing about the person
 * leaves the node; a form without its CSRF token is refused with nothing stored.
 */
describe('a co-op admin keeping the node’s records in the browser', () => {
  const mesh = new TestMesh();
  const COOP = 'nrec-linthwaite';
  // The node's clock: 20 November 2026, in the quarter 2026-Q4 (1 October to 31 December).
  const TODAY = '2026-11-20';
  let idp: RunningIdp;
  let browser: Browser;
  let node: string;
  let admin: BrowserContext;
  let page: Page;
  const people: { id: string; fullName: string }[] = [];
  const axe = new AccessibilityLog();

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.provision(COOP);
    ({
      idp,
      nodes: { [COOP]: node },
    } = await startPages(mesh, { nodes: [COOP], nodeOverrides: { TEST_CLOCK: 'true' } }));
    await mesh.registered(COOP);
    mesh.nodeClock(COOP).setTo(new Date(`${TODAY}T12:00:00Z`));
    for (const fullName of ['Edith Nrec Walker', 'Harold Nrec Firth']) {
      const body = (await mesh.node(COOP).as('coop-admin').post('/service-users').send(aServiceUser({ fullName })).expect(201)).body;
      people.push({ id: body.id, fullName });
    }
    browser = await launchChromium();
    admin = await browser.newContext();
    page = await signInAs(admin, node, idp.issuer, 'coop-admin', '/admin/safeguarding');
  }, 240_000);

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const concerns = () =>
    mesh.nodeQuery<{
      id: string;
      service_user_id: string;
      raised_on: string;
      category: string;
      details: string | null;
      referred_on: string | null;
      outcome: string;
      closed_on: string | null;
    }>(
      COOP,
      "SELECT id, service_user_id, to_char(raised_on, 'YYYY-MM-DD') AS raised_on, category, details, to_char(referred_on, 'YYYY-MM-DD') AS referred_on, outcome, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM safeguarding_concern ORDER BY raised_on",
    );
  const purchases = () =>
    mesh.nodeQuery<{ supplier: string; description: string; bought_on: string; amount_pence: string; local_to: string | null }>(
      COOP,
      "SELECT supplier, description, to_char(bought_on, 'YYYY-MM-DD') AS bought_on, amount_pence::text, local_to FROM node_purchase ORDER BY bought_on",
    );

  it('has the safeguarding and purchases pages in the admin’s menu', async () => {
    expect(new URL(page.url()).pathname).toBe('/admin/safeguarding');
    const menu = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual(expect.arrayContaining(['Safeguarding', 'Purchases']));
    expect(menu.indexOf('Safeguarding')).toBe(menu.indexOf('Care') + 1);
    await expect(page.locator('#concerns tbody').innerText()).resolves.toContain('No concern matches.');
    await axe.check(page);
  }, 60_000);

  describe('safeguarding concerns', () => {
    it('refuses a concern without a category, with the error beside the field, what was typed kept and nothing stored', async () => {
      await page.goto(`${node}/admin/safeguarding`);
      await page.selectOption('#serviceUserId', people[0].id);
      await page.fill('#raisedOn', '2026-11-02');
      await page.fill('#details', 'Bruising on the forearm seen at the morning visit');
      await page.getByRole('button', { name: 'Record the concern' }).click();
      await page.waitForURL(`${node}/admin/safeguarding`);
      await expect(page.title()).resolves.toMatch(/^Error: Safeguarding concerns/);
      await expect(page.locator('#category-error').innerText()).resolves.toContain('Choose the Care Act category');
      await expect(page.locator('.govuk-error-summary a[href="#category"]').count()).resolves.toBe(1);
      await expect(page.inputValue('#serviceUserId')).resolves.toBe(people[0].id);
      await expect(page.inputValue('#raisedOn')).resolves.toBe('2026-11-02');
      await expect(page.inputValue('#details')).resolves.toBe('Bruising on the forearm seen at the morning visit');
      await axe.check(page, '/admin/safeguarding (error)');
      expect(await concerns()).toEqual([]);
    }, 60_000);

    it('refuses a day raised after today by the node’s clock, beside that day, nothing stored', async () => {
      await page.selectOption('#category', 'physical');
      await page.fill('#raisedOn', '2026-11-21');
      await page.getByRole('button', { name: 'Record the concern' }).click();
      await page.waitForURL(`${node}/admin/safeguarding`);
      await expect(page.locator('#raisedOn-error').innerText()).resolves.toContain('The day raised 2026-11-21 is after today (2026-11-20)');
      await expect(page.locator('#category-error').count()).resolves.toBe(0);
      await expect(page.inputValue('#category')).resolves.toBe('physical');
      expect(await concerns()).toEqual([]);
    }, 60_000);

    it('records the concern and shows it on its own page', async () => {
      await page.fill('#raisedOn', '2026-11-02');
      await page.getByRole('button', { name: 'Record the concern' }).click();
      await page.waitForURL(/\/admin\/safeguarding\/[0-9a-f-]{36}\?recorded=1$/);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Concern recorded');
      const [stored] = await concerns();
      expect(stored).toEqual({
        id: expect.any(String),
        service_user_id: people[0].id,
        raised_on: '2026-11-02',
        category: 'physical',
        details: 'Bruising on the forearm seen at the morning visit',
        referred_on: null,
        outcome: 'open',
        closed_on: null,
      });
      expect(new URL(page.url()).pathname).toBe(`/admin/safeguarding/${stored.id}`);
      const summary = await page.locator('#concern').innerText();
      expect(summary).toContain(people[0].fullName);
      expect(summary).toContain('Physical');
      expect(summary).toContain('Not referred');
      await axe.check(page, '/admin/safeguarding/:id');
      await screenshot(page, 'coop-admin-safeguarding-concern');
    }, 60_000);

    it('refuses a referral before the day raised beside its field (409), then records it', async () => {
      const [{ id }] = await concerns();
      await page.fill('#referredOn', '2026-11-01');
      const refused = page.waitForResponse((r) => r.url().endsWith(`/admin/safeguarding/${id}/referral`));
      await page.getByRole('button', { name: 'Record the referral' }).click();
      expect((await refused).status()).toBe(409);
      await expect(page.locator('#referredOn-error').innerText()).resolves.toContain(
        'The day referred 2026-11-01 is before the concern was raised on 2026-11-02',
      );
      await expect(page.inputValue('#referredOn')).resolves.toBe('2026-11-01');
      await axe.check(page, '/admin/safeguarding/:id (error)');
      expect((await concerns())[0].referred_on).toBeNull();

      await page.fill('#referredOn', '2026-11-03');
      await page.getByRole('button', { name: 'Record the referral' }).click();
      await page.waitForURL(`${node}/admin/safeguarding/${id}?referred=1`);
      await expect(page.locator('#concern').innerText()).resolves.toContain('2026-11-03');
      expect((await concerns())[0]).toMatchObject({ referred_on: '2026-11-03', outcome: 'open' });
    }, 60_000);

    it('asks for the outcome before closing, then closes the concern for good', async () => {
      const [{ id }] = await concerns();
      await page.fill('#closedOn', '2026-11-19');
      await page.getByRole('button', { name: 'Close the concern' }).click();
      await page.waitForURL(`${node}/admin/safeguarding/${id}/closing`);
      await expect(page.locator('#outcome-error').innerText()).resolves.toContain('Choose the outcome');
      await expect(page.inputValue('#closedOn')).resolves.toBe('2026-11-19');
      expect((await concerns())[0]).toMatchObject({ outcome: 'open', closed_on: null });

      await page.selectOption('#outcome', 'risk-reduced');
      await page.getByRole('button', { name: 'Close the concern' }).click();
      await page.waitForURL(`${node}/admin/safeguarding/${id}?closed=1`);
      await expect(page.locator('#concern').innerText()).resolves.toContain('Risk reduced, closed on 2026-11-19');
      await expect(page.locator('form[action$="/closing"]').count()).resolves.toBe(0);
      expect((await concerns())[0]).toMatchObject({ referred_on: '2026-11-03', outcome: 'risk-reduced', closed_on: '2026-11-19' });
      await axe.check(page, '/admin/safeguarding/:id (closed)');
    }, 60_000);

    it('finds the concern by the list’s filters: closed, referred, its category', async () => {
      const listed = async (query: string) => {
        await page.goto(`${node}/admin/safeguarding?${query}`);
        return page.locator('#concerns tbody tr[data-concern]').count();
      };
      expect(await listed('state=closed&referred=true&category=physical')).toBe(1);
      await expect(page.locator('#concerns tbody').innerText()).resolves.toContain(people[0].fullName);
      expect(await listed('state=open')).toBe(0);
      expect(await listed('referred=false')).toBe(0);
      expect(await listed('category=financial-or-material')).toBe(0);
      await page.goto(`${node}/admin/safeguarding?state=shut`);
      await expect(page.locator('#filter-state-error').count()).resolves.toBe(1);
      await axe.check(page, '/admin/safeguarding (filter error)');
    }, 60_000);
  });

  /** A form posted as the page would post it, with the session's CSRF token from the page: for values no field on the page can give. */
  const postForm = async (path: string, form: Record<string, string>) => {
    const _csrf = await page.inputValue('input[name="_csrf"] >> nth=-1');
    const res = await admin.request.post(`${node}${path}`, { form: { ...form, _csrf }, maxRedirects: 0 });
    return { status: res.status(), html: await res.text() };
  };

  describe('what no field on the page can give', () => {
    it('refuses a person the co-op does not support, beside the person, nothing stored', async () => {
      await page.goto(`${node}/admin/safeguarding`);
      const before = await concerns();
      const refused = await postForm('/admin/safeguarding', {
        serviceUserId: '0f0e0d0c-0b0a-4998-8776-655443322110',
        raisedOn: '2026-11-02',
        category: 'physical',
      });
      expect(refused.status).toBe(400);
      expect(refused.html).toMatch(/id="serviceUserId-error"[^]*Choose the person the concern is about/);
      expect(await concerns()).toEqual(before);
    }, 60_000);

    it('refuses a locality the co-op does not serve, beside the local choice, nothing stored', async () => {
      await page.goto(`${node}/admin/purchases`);
      const before = await purchases();
      const refused = await postForm('/admin/purchases', {
        supplier: 'Huddersfield Mill Supplies',
        description: 'Towels',
        boughtOn: '2026-11-12',
        amount: '20.00',
        localTo: 'Huddersfield',
      });
      expect(refused.status).toBe(400);
      expect(refused.html).toMatch(/id="localTo-error"[^]*Huddersfield is not one of the localities the co-op serves/);
      expect(await purchases()).toEqual(before);
    }, 60_000);

    it('names a bad filter in the address above the list (400)', async () => {
      const bad = await page.goto(`${node}/admin/purchases?local=maybe`);
      expect(bad?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary a[href="#purchases"]').innerText()).resolves.toContain('local');
      await axe.check(page, '/admin/purchases (filter error)');
      const badConcerns = await page.goto(`${node}/admin/safeguarding?raisedFrom=2026-13-01`);
      expect(badConcerns?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary a[href="#concerns"]').innerText()).resolves.toContain('raisedFrom');
    }, 60_000);
  });

  describe('purchases', () => {
    it('refuses an amount that is not pounds and pence beside it, what was typed kept, nothing stored', async () => {
      await page.goto(`${node}/admin/purchases`);
      await axe.check(page);
      await expect(page.locator('#quarter-spend').innerText()).resolves.toContain('Nothing recorded yet');
      await page.fill('#supplier', 'Marsden Hardware');
      await page.fill('#description', 'Grab rails and fittings');
      await page.fill('#boughtOn', '2026-11-10');
      await page.fill('#amount', '1,250.075');
      await page.check('input[name="localTo"][value="Marsden"]');
      await page.getByRole('button', { name: 'Record the purchase' }).click();
      await page.waitForURL(`${node}/admin/purchases`);
      await expect(page.locator('#amount-error').innerText()).resolves.toContain('Enter the amount in pounds and pence');
      await expect(page.locator('.govuk-error-summary a[href="#amount"]').count()).resolves.toBe(1);
      await expect(page.inputValue('#amount')).resolves.toBe('1,250.075');
      await expect(page.inputValue('#supplier')).resolves.toBe('Marsden Hardware');
      await expect(page.isChecked('input[name="localTo"][value="Marsden"]')).resolves.toBe(true);
      await axe.check(page, '/admin/purchases (error)');
      expect(await purchases()).toEqual([]);
    }, 60_000);

    it('records a local purchase in exact pence, and one not local, and shows the quarter’s local share', async () => {
      await page.fill('#amount', '1,250.07');
      await page.getByRole('button', { name: 'Record the purchase' }).click();
      await page.waitForURL(`${node}/admin/purchases?recorded=1`);
      await page.fill('#supplier', 'Leeds Office Supplies');
      await page.fill('#description', 'Printer paper');
      await page.fill('#boughtOn', '2026-11-11');
      await page.fill('#amount', '£100');
      await page.getByRole('button', { name: 'Record the purchase' }).click();
      await page.waitForURL(`${node}/admin/purchases?recorded=1`);
      expect(await purchases()).toEqual([
        {
          supplier: 'Marsden Hardware',
          description: 'Grab rails and fittings',
          bought_on: '2026-11-10',
          amount_pence: '125007',
          local_to: 'Marsden',
        },
        { supplier: 'Leeds Office Supplies', description: 'Printer paper', bought_on: '2026-11-11', amount_pence: '10000', local_to: null },
      ]);
      const rows = await page.locator('#purchases tbody tr').allInnerTexts();
      expect(rows[0]).toContain('Leeds Office Supplies');
      expect(rows[0]).toContain('Not local');
      expect(rows[1]).toContain('£1,250.07');
      expect(rows[1]).toContain('Local to Marsden');
      // 125,007p of 135,007p, as independent arithmetic gives it.
      const quarter = await page.locator('#quarter-spend').innerText();
      expect(quarter).toContain('£1,250.07');
      expect(quarter).toContain('£1,350.07');
      expect(quarter).toContain(`${Math.round((125_007 / 135_007) * 1000) / 10}%`);
      await expect(page.locator('h2', { hasText: 'This quarter' }).innerText()).resolves.toContain('2026-Q4, 2026-10-01 to 2026-12-31');
      await axe.check(page, '/admin/purchases (recorded)');
      await screenshot(page, 'coop-admin-purchases');
    }, 60_000);
  });

  describe('the workforce page under the Type B rule', () => {
    const workforce = `/admin/workforce?from=2026-01-01&to=${TODAY}`;

    it('says nothing of the rule while the rulebook has none', async () => {
      await mesh
        .node(COOP)
        .as('coop-admin')
        .post('/staff')
        .send(aStaffMember({ disadvantaged: true }))
        .expect(201);
      await mesh.node(COOP).as('coop-admin').post('/staff').send(aStaffMember()).expect(201);
      await page.goto(`${node}${workforce}`);
      await expect(page.locator('#workforce-summary').innerText()).resolves.toContain('Staff on the last day');
      await expect(page.locator('#type-b').count()).resolves.toBe(0);
    }, 60_000);

    it('says the 30% rule is met, with its figures, once the Type B rulebook is adopted, and when it is not', async () => {
      await mesh.node(COOP).as('coop-admin').put('/rulebook').send({ rulebook: RULEBOOK_TEMPLATES['italian-type-b'] }).expect(200);
      await page.goto(`${node}${workforce}`);
      const met = page.locator('#type-b');
      await expect(met.getAttribute('data-met')).resolves.toBe('met');
      await expect(met.innerText()).resolves.toMatch(
        /1 of the 2 staff on the last day \(50%\); the rulebook asks for at least 30%\.\s+Meets the rulebook/,
      );
      await axe.check(page, '/admin/workforce (Type B met)');

      for (let i = 0; i < 2; i++) await mesh.node(COOP).as('coop-admin').post('/staff').send(aStaffMember()).expect(201);
      await page.goto(`${node}${workforce}`);
      await expect(page.locator('#type-b').getAttribute('data-met')).resolves.toBe('not-met');
      await expect(page.locator('#type-b').innerText()).resolves.toMatch(/1 of the 4 staff on the last day \(25%\).*Breaks the rulebook/s);
      await axe.check(page, '/admin/workforce (Type B not met)');
    }, 60_000);
  });

  it('refuses the forms without the session’s CSRF token (403), nothing stored', async () => {
    const before = { concerns: await concerns(), purchases: await purchases() };
    const [{ id }] = before.concerns;
    const posts = [
      ['/admin/safeguarding', { serviceUserId: people[1].id, raisedOn: '2026-11-05', category: 'financial-or-material' }],
      [`/admin/safeguarding/${id}/referral`, { referredOn: '2026-11-04' }],
      [`/admin/safeguarding/${id}/closing`, { outcome: 'risk-removed', closedOn: '2026-11-19' }],
      ['/admin/purchases', { supplier: 'Forged', description: 'Forged', boughtOn: '2026-11-10', amount: '1.00' }],
    ] as const;
    for (const [path, form] of posts) {
      expect((await admin.request.post(`${node}${path}`, { form, maxRedirects: 0 })).status()).toBe(403);
      expect((await admin.request.post(`${node}${path}`, { form: { ...form, _csrf: 'forged' }, maxRedirects: 0 })).status()).toBe(403);
    }
    expect({ concerns: await concerns(), purchases: await purchases() }).toEqual(before);
  }, 60_000);

  it('sends nothing about the person or the concern off the node', async () => {
    const sent = await mesh.nodeQuery<{ envelope: string }>(COOP, 'SELECT envelope::text AS envelope FROM outbox_message');
    const [concern] = await concerns();
    // The node has sent its registration and profile: the check reads real messages.
    expect(sent.length).toBeGreaterThan(0);
    for (const { envelope } of sent) {
      for (const personal of [people[0].fullName, people[0].id, concern.id, 'Bruising', 'risk-reduced'])
        expect(envelope).not.toContain(personal);
    }
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages).toEqual(
      expect.arrayContaining([
        '/admin/safeguarding',
        '/admin/safeguarding (error)',
        '/admin/safeguarding/:id',
        '/admin/safeguarding/:id (error)',
        '/admin/safeguarding/:id (closed)',
        '/admin/safeguarding (filter error)',
        '/admin/purchases',
        '/admin/purchases (error)',
        '/admin/purchases (recorded)',
        '/admin/workforce (Type B met)',
        '/admin/workforce (Type B not met)',
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
