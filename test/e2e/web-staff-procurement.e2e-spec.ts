import { Browser, BrowserContext, Page } from 'playwright-core';

import { AccessibilityLog, launchChromium, signInAs } from '../support/browser';
import { aCatalogueItem, aLot, aStaffMember, aTender } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { ukClock } from '../support/uk-day';
import { waitFor as waitUntil } from '../support/wait-for';

/** Each step crosses NATS and both inboxes; on a busy machine that can take seconds. */
const waitFor: typeof waitUntil = (what, probe, accept, options) => waitUntil(what, probe, accept, { timeoutMs: 45_000, ...options });
jest.setTimeout(120_000);

/**
 * Consortium staff and commissioners on the purchasing and tender pages, in a real browser: staff
 * draft and open a purchasing round from the page (the hub's outbox and both nodes show it), the
 * co-ops commit through their node's API, staff close it and place the order from the page (the
 * state and the allocation checked in the hub's tables); refusals shown on the page with nothing
 * stored changed (bad input 400, a step the state does not allow 409, no CSRF token 403); a
 * commissioner refused the purchasing pages. axe-core on every page shown.
 */
describe('staff and commissioners on the purchasing and tender pages', () => {
  const mesh = new TestMesh();
  const GOLCAR = 'proc-golcar';
  const HONLEY = 'proc-honley';
  const staff = mesh.hub().as('consortium-staff');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  let idp: RunningIdp;
  let browser: Browser;
  let hub: string;
  let gloves: string;
  let aprons: string;
  let roundId: string;

  beforeAll(async () => {
    ({ hub, idp } = await startPages(mesh, { hub: true }));
    await mesh.startNode(GOLCAR, { COOP_LOCALITIES: 'Golcar,Milnsbridge', COOP_SERVICES: 'personal-care' });
    await mesh.startNode(HONLEY, { COOP_LOCALITIES: 'Honley,Holmfirth', COOP_SERVICES: 'personal-care' });
    await mesh.registered(GOLCAR);
    await mesh.registered(HONLEY);
    // Carers, so each co-op has spare hours to offer on a tender.
    for (const [coop, locality] of [
      [GOLCAR, 'Golcar'],
      [HONLEY, 'Honley'],
    ])
      await admin(coop)
        .post('/staff', aStaffMember({ contractedMinutesPerWeek: 37 * 60, locality, startedOn: '2026-01-05' }))
        .expect(201);
    await waitFor(
      'both co-ops registered with their localities',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 2,
    );
    gloves = (
      await staff
        .post(
          '/purchasing/catalogue',
          aCatalogueItem({
            name: 'Nitrile gloves, medium',
            supplier: 'Colne Valley Medical Supplies',
            unit: 'box of 100',
            soloUnitPricePence: 650,
            orderChargePence: 995,
            priceBreaks: [{ minQuantity: 10, unitPricePence: 599 }],
            localTo: ['Golcar'],
          }),
        )
        .expect(201)
    ).body.id;
    aprons = (await staff.post('/purchasing/catalogue', aCatalogueItem({ name: 'Disposable aprons' })).expect(201)).body.id;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();
  const rounds = () =>
    mesh.hubQuery<{ id: string; title: string; state: string }>('SELECT id, title, state FROM purchasing_round ORDER BY created_at');
  const roundState = async (id: string) =>
    (await mesh.hubQuery<{ state: string }>('SELECT state FROM purchasing_round WHERE id = $1', [id]))[0].state;
  const outboxOf = (type: string, id: string) =>
    mesh.hubQuery<{ coop_id: string }>(
      "SELECT coop_id FROM outbox_message WHERE type = $1 AND envelope->'payload'->>'roundId' = $2 ORDER BY coop_id",
      [type, id],
    );
  const inAnHourField = (minutes = 60) => ukClock(new Date(Date.now() + minutes * 60_000), false);
  const csrfOf = (page: Page) => page.locator('input[name="_csrf"]').first().inputValue();
  const signIn = (context: BrowserContext, user: string, start: string) => signInAs(context, hub, idp.issuer, user, start);

  describe('a purchasing round from the pages', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext();
      page = await signIn(context, 'consortium-staff', '/rounds');
    });
    afterAll(() => context?.close());

    it('lists the rounds and refuses a draft without a title or items, beside the fields, with nothing stored', async () => {
      expect(new URL(page.url()).pathname).toBe('/rounds');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Purchasing rounds');
      await expect(page.getByRole('link', { name: 'Purchasing' }).count()).resolves.toBe(1);
      await expect(page.getByText('There are no purchasing rounds yet.').isVisible()).resolves.toBe(true);
      await axe.check(page);

      await page.locator('#closesAt').fill(inAnHourField());
      await page.getByRole('button', { name: 'Draft the round' }).click();
      await page.waitForURL(`${hub}/rounds`);
      await expect(page.title()).resolves.toMatch(/^Error: Purchasing rounds/);
      await expect(page.locator('#title-error').innerText()).resolves.toContain('Enter a title of 2 to 120 characters');
      await expect(page.locator('#itemIds-error').innerText()).resolves.toContain('Choose at least one item from the catalogue');
      await expect(page.locator('.govuk-error-summary a[href="#itemIds"]').count()).resolves.toBe(1);
      await expect(page.locator('#closesAt').inputValue()).resolves.not.toBe('');
      await axe.check(page, '/rounds (error)');
      expect(await rounds()).toEqual([]);
    });

    it('drafts a round from the catalogue and opens it: the co-ops are sent it and hold it', async () => {
      await page.locator('#title').fill('Winter gloves and aprons');
      await page.locator(`input[name="itemIds"][value="${gloves}"]`).check();
      await page.locator(`input[name="itemIds"][value="${aprons}"]`).check();
      await page.getByRole('button', { name: 'Draft the round' }).click();
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}\?done=created$/);
      roundId = new URL(page.url()).pathname.split('/')[2];
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The round is drafted');
      await axe.check(page, '/rounds/:id (draft)');
      expect(await rounds()).toEqual([{ id: roundId, title: 'Winter gloves and aprons', state: 'draft' }]);

      // A closing time in the past: the API's rule, beside the field; nothing sent, still a draft.
      const typedPast = ukClock(new Date(Date.now() - 3_600_000), false);
      await page.locator('#closesAt').fill(typedPast);
      await page.getByRole('button', { name: 'Open the round' }).click();
      await page.waitForURL(`${hub}/rounds/${roundId}/open`);
      await expect(page.locator('#closesAt-error').innerText()).resolves.toContain('has passed');
      await expect(page.locator('#closesAt').inputValue()).resolves.toBe(typedPast);
      await axe.check(page, '/rounds/:id (error)');
      expect(await roundState(roundId)).toBe('draft');
      expect(await outboxOf('purchasing.round-opened', roundId)).toEqual([]);

      await page.locator('#closesAt').fill(inAnHourField(90));
      await page.getByRole('button', { name: 'Open the round' }).click();
      await page.waitForURL(`${hub}/rounds/${roundId}?done=open`);
      await expect(page.locator('[data-state]').first().getAttribute('data-state')).resolves.toBe('open');
      await axe.check(page, '/rounds/:id (open)');
      expect(await roundState(roundId)).toBe('open');
      expect(await outboxOf('purchasing.round-opened', roundId)).toEqual([{ coop_id: GOLCAR }, { coop_id: HONLEY }]);
      for (const coop of [GOLCAR, HONLEY])
        await waitFor(
          `${coop} to hold the round`,
          async () => (await admin(coop).get(`/purchasing/rounds/${roundId}`)).body,
          (r) => r.items?.length === 2,
        );
    });

    it('refuses to place the order of an open round (409) with nothing changed, and a step without its CSRF token (403)', async () => {
      const order = await context.request.post(`${hub}/rounds/${roundId}/order`, { form: { _csrf: await csrfOf(page) }, maxRedirects: 0 });
      expect(order.status()).toBe(409);
      expect(await order.text()).toContain('A round that is open cannot be ordered');
      const noToken = await context.request.post(`${hub}/rounds/${roundId}/cancel`, { form: { reason: 'forged' }, maxRedirects: 0 });
      expect(noToken.status()).toBe(403);
      expect(await roundState(roundId)).toBe('open');
      expect(await outboxOf('purchasing.allocation-made', roundId)).toEqual([]);
    });

    it('shows the co-ops’ commitments, then closes the round and places the order from the page', async () => {
      await admin(GOLCAR).post(`/purchasing/rounds/${roundId}/commitments`).send({ itemId: gloves, quantity: 8 }).expect(202);
      await admin(HONLEY).post(`/purchasing/rounds/${roundId}/commitments`).send({ itemId: gloves, quantity: 4 }).expect(202);
      await admin(HONLEY).post(`/purchasing/rounds/${roundId}/commitments`).send({ itemId: aprons, quantity: 3 }).expect(202);
      await waitFor(
        'the hub to count the commitments',
        () => mesh.hubQuery('SELECT 1 FROM purchasing_commitment WHERE round_id = $1 AND quantity > 0', [roundId]),
        (r) => r.length === 3,
      );

      await page.goto(`${hub}/rounds/${roundId}`);
      // One column per item, in the round's order (the catalogue's: aprons, then gloves).
      const itemOrder = await page.locator('tr[data-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')));
      expect(itemOrder).toEqual([aprons, gloves]);
      const quantities = (coop: string) => page.locator(`tr[data-coop="${coop}"] td[data-quantity]`).allInnerTexts();
      await expect(quantities(GOLCAR)).resolves.toEqual(['0', '8']);
      await expect(quantities(HONLEY)).resolves.toEqual(['3', '4']);
      await axe.check(page, '/rounds/:id (committed)');
      await expect(page.locator(`tr[data-coop="${GOLCAR}"] th`).innerText()).resolves.toBe(`${GOLCAR} care co-op`);

      await page.getByRole('button', { name: 'Close the round' }).click();
      await page.waitForURL(`${hub}/rounds/${roundId}?done=close`);
      expect(await roundState(roundId)).toBe('closed');
      await axe.check(page, '/rounds/:id (closed)');

      await page.getByRole('button', { name: 'Place the order' }).click();
      await page.waitForURL(`${hub}/rounds/${roundId}?done=order`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The order is placed');
      await axe.check(page, '/rounds/:id (ordered)');
      expect(await roundState(roundId)).toBe('ordered');

      const stored = await mesh.hubQuery<{ coop_id: string; quantity: number; allocated_pence: string }>(
        'SELECT coop_id, quantity, allocated_pence FROM purchasing_allocation WHERE round_id = $1 ORDER BY coop_id, item_id = $2 DESC',
        [roundId, gloves],
      );
      expect(stored.map((r) => [r.coop_id, r.quantity])).toEqual([
        [GOLCAR, 8],
        [HONLEY, 4],
        [HONLEY, 3],
      ]);
      // The page shows the allocation the API gives, not figures of its own.
      const api = (await staff.get(`/purchasing/rounds/${roundId}`).expect(200)).body;
      expect(api.allocationStatus).toBe('final');
      for (const c of api.coops as { coopId: string; allocatedPence: number }[])
        await expect(page.locator(`tr[data-coop="${c.coopId}"] td[data-allocated]`).getAttribute('data-allocated')).resolves.toBe(
          String(c.allocatedPence),
        );
      await expect(page.locator('[data-saving]').getAttribute('data-saving')).resolves.toBe(String(api.savingPence));
      expect(await outboxOf('purchasing.allocation-made', roundId)).toEqual([{ coop_id: GOLCAR }, { coop_id: HONLEY }]);

      await page.getByRole('link', { name: 'Purchasing' }).click();
      await page.waitForURL(`${hub}/rounds`);
      await expect(page.locator(`tr[data-round="${roundId}"] td[data-state]`).getAttribute('data-state')).resolves.toBe('ordered');
      await expect(page.locator(`tr[data-round="${roundId}"] td[data-count="committed"]`).innerText()).resolves.toBe('2 of 2');
      await axe.check(page, '/rounds (ordered)');
    });
  });

  describe('a tender from invitation to award', () => {
    let tenderId: string;
    let context: BrowserContext;
    let page: Page;
    const tenderRow = async () => (await mesh.hubQuery<{ stage: string }>('SELECT stage FROM tender WHERE id = $1', [tenderId]))[0].stage;
    const awards = () => mesh.hubQuery('SELECT lot_id, outcome FROM tender_lot_award WHERE tender_id = $1', [tenderId]);

    beforeAll(async () => {
      const commissioner = mesh.hub().as('commissioner');
      const body = aTender({
        title: 'Home care in the Colne and Holme valleys',
        enquiryPeriod: { endDate: new Date(Date.now() + 5 * 60_000).toISOString() },
        lots: [
          aLot({ reference: '1', title: 'Home care, Golcar', locality: 'Golcar', hoursPerWeek: 30 }),
          aLot({ reference: '2', title: 'Home care, Honley', locality: 'Honley', hoursPerWeek: 20 }),
        ],
      });
      tenderId = (await commissioner.post('/tenders', body).expect(201)).body.id;
      context = await browser.newContext();
      page = await signIn(context, 'consortium-staff', `/joint-tenders/${tenderId}`);
    });
    afterAll(() => context?.close());

    it('lets staff invite the co-ops from the page; the co-ops offer through their node', async () => {
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Home care in the Colne and Holme valleys');
      await expect(page.locator('[data-stage]').first().getAttribute('data-stage')).resolves.toBe('draft');
      await axe.check(page, '/joint-tenders/:id (draft)');
      await page.getByRole('button', { name: 'Send the invitations' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=invitations`);
      expect(await tenderRow()).toBe('inviting');
      await expect(
        mesh.hubQuery<{ coop_id: string }>(
          "SELECT DISTINCT coop_id FROM outbox_message WHERE type = 'tendering.invitation' AND envelope->'payload'->>'tenderId' = $1 ORDER BY coop_id",
          [tenderId],
        ),
      ).resolves.toEqual([{ coop_id: GOLCAR }, { coop_id: HONLEY }]);
      await axe.check(page, '/joint-tenders/:id (inviting)');

      for (const [coop, hours] of [
        [GOLCAR, 30],
        [HONLEY, 15],
      ] as const) {
        const invitation = await waitFor(
          `${coop}'s invitation`,
          async () => (await admin(coop).get(`/tendering/invitations/${tenderId}`)).body,
          (b) => b?.lots?.length === 1,
        );
        await admin(coop)
          .post(`/tendering/invitations/${tenderId}/offers`, {
            offers: [{ lotId: invitation.lots[0].lotId, hoursPerWeek: hours, pricePencePerHour: 2300 }],
          })
          .expect(202);
      }
      await waitFor(
        'the hub to hold both offers',
        () => mesh.hubQuery('SELECT 1 FROM tender_offer WHERE tender_id = $1', [tenderId]),
        (r) => r.length === 2,
      );
    });

    it("answers a co-op's question from the page; the answer reaches both co-ops, without naming who asked", async () => {
      const asked = (
        await admin(GOLCAR)
          .post(`/tendering/invitations/${tenderId}/enquiries`, { question: 'Can the Golcar hours start in May?' })
          .expect(202)
      ).body.enquiryId;
      await waitFor(
        'the question on the hub',
        () => mesh.hubQuery('SELECT 1 FROM tender_enquiry WHERE id = $1', [asked]),
        (r) => r.length === 1,
      );
      await page.goto(`${hub}/joint-tenders/${tenderId}`);
      const blank = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.locator(`[data-enquiry="${asked}"]`).getByRole('button', { name: 'Send the answer' }).click();
      expect((await blank).status()).toBe(400);
      await expect(page.locator(`#answer-${asked}-error`).innerText()).resolves.toContain('Enter an answer of 2 to 4,000 characters');
      await axe.check(page, '/joint-tenders/:id (answer error)');
      await page.locator(`#answer-${asked}`).fill('Yes, from 3 May.');
      await page.locator(`[data-enquiry="${asked}"]`).getByRole('button', { name: 'Send the answer' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=answer`);
      for (const coop of [GOLCAR, HONLEY]) {
        const seen = await waitFor(
          `the answer on ${coop}`,
          async () => (await admin(coop).get(`/tendering/invitations/${tenderId}`)).body.enquiries,
          (e: { status: string }[]) => e?.[0]?.status === 'answered',
        );
        expect({ coop, seen }).toEqual({ coop, seen: [expect.objectContaining({ answer: 'Yes, from 3 May.', ours: coop === GOLCAR })] });
      }
    });

    it('closes offers and assembles the bid, submits it, and records the award; an award without outcomes is refused beside the fields', async () => {
      await page.goto(`${hub}/joint-tenders/${tenderId}`);
      await expect(page.locator('#offers tr[data-offer]').count()).resolves.toBe(2);
      await page.getByRole('button', { name: 'Close offers and assemble the bid' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=assembly`);
      expect(await tenderRow()).toBe('assembling');
      await expect(page.locator('#coverage tr[data-coverage="1"] td[data-covered]').innerText()).resolves.toBe('30');
      await page.getByRole('button', { name: 'Submit the bid' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=submission`);
      expect(await tenderRow()).toBe('submitted');
      await axe.check(page, '/joint-tenders/:id (submitted)');

      // No outcome chosen: the DTO's rule beside each lot's choice, nothing stored.
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}/award`);
      await expect(page.locator('#lots-0-outcome-error').innerText()).resolves.toContain('Choose whether the lot was won whole');
      await expect(page.locator('.govuk-error-summary a[href="#lots-1-outcome"]').count()).resolves.toBe(1);
      await axe.check(page, '/joint-tenders/:id (error)');
      expect(await tenderRow()).toBe('submitted');
      expect(await awards()).toEqual([]);

      await page.locator('#lots-0-outcome').check();
      await page.locator('#lots-1-outcome-3').check();
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=award`);
      // A win starts the eight working day standstill: the contracts are made, and held on the hub until it ends.
      expect(await tenderRow()).toBe('standstill');
      await expect(page.locator('[data-standstill-end]').count()).resolves.toBe(1);
      await expect(page.locator(`#contracts tr[data-contract="${GOLCAR}"] td[data-held]`).getAttribute('data-held')).resolves.toBe('true');
      const contracts = await mesh.hubQuery<{ coop_id: string; hours_per_week: number }>(
        'SELECT coop_id, hours_per_week FROM tender_contract WHERE tender_id = $1',
        [tenderId],
      );
      expect(contracts).toEqual([{ coop_id: GOLCAR, hours_per_week: 30 }]);
      await axe.check(page, '/joint-tenders/:id (standstill)');
    });

    it('records a challenge during the standstill and its outcome from the page', async () => {
      await page.goto(`${hub}/joint-tenders/${tenderId}`);
      await page.getByText('Record a challenge made during the standstill').click();
      await page.locator('#challenger').fill('Calder Home Care Ltd');
      await page.locator('#madeAt').fill(ukClock(new Date()));
      await page.locator('#grounds').fill('The evaluation did not apply the published weighting.');
      await page.getByRole('button', { name: 'Record the challenge' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=challenge`);
      const [challenge] = await mesh.hubQuery<{ id: string; outcome: string | null }>(
        'SELECT id, outcome FROM tender_challenge WHERE tender_id = $1',
        [tenderId],
      );
      expect(challenge.outcome).toBeNull();
      await axe.check(page, '/joint-tenders/:id (challenged)');
      await page.locator(`#outcome-${challenge.id}-2`).check();
      await page.locator(`#note-${challenge.id}`).fill('The challenger withdrew it.');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}?done=challenge-outcome`);
      await expect(page.locator(`[data-challenge="${challenge.id}"]`).getAttribute('data-outcome')).resolves.toBe('withdrawn');
      // Withdrawn, but the standstill still runs: the contracts stay held.
      expect(await tenderRow()).toBe('standstill');
    });

    it('shows a commissioner the tenders and the tender’s lots, coverage and award, read only', async () => {
      const commissioner = await browser.newContext();
      const page = await signIn(commissioner, 'commissioner', '/joint-tenders');
      expect(new URL(page.url()).pathname).toBe('/joint-tenders');
      await expect(page.locator(`tr[data-tender="${tenderId}"] td[data-stage]`).getAttribute('data-stage')).resolves.toBe('standstill');
      await axe.check(page, '/joint-tenders (commissioner)');

      await page.getByRole('link', { name: 'Home care in the Colne and Holme valleys' }).click();
      await page.waitForURL(`${hub}/joint-tenders/${tenderId}`);
      await expect(page.locator('#lots tr[data-lot]').count()).resolves.toBe(2);
      await expect(page.locator('#lots tr[data-lot="1"] td[data-award]').getAttribute('data-award')).resolves.toBe('whole');
      await expect(page.locator('#lots tr[data-lot="2"] td[data-award]').getAttribute('data-award')).resolves.toBe('lost');
      await expect(page.locator('#coverage tr[data-coverage="2"] td[data-covered]').innerText()).resolves.toBe('15');
      await expect(page.locator(`#contracts tr[data-contract="${GOLCAR}"] th`).innerText()).resolves.toBe(`${GOLCAR} care co-op`);
      // What GET /tenders/:id withholds from a commissioner, the page withholds: no offers, no shares, no forms.
      await expect(page.locator('#offers, #shares, form[action^="/joint-tenders/"]').count()).resolves.toBe(0);
      await axe.check(page, '/joint-tenders/:id (commissioner)');

      const csrf = await csrfOf(page);
      const refused = await commissioner.request.post(`${hub}/joint-tenders/${tenderId}/cancellation`, {
        form: { _csrf: csrf, reason: 'Not theirs to cancel' },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      expect(await tenderRow()).toBe('standstill');
      await commissioner.close();
    });
  });

  it('changes, splits and cancels a draft tender from the pages, refusing bad input beside the field with nothing changed', async () => {
    // Offers close at 08:30 UTC on 1 July next year: 09:30 on a UK clock (summer time), as the page shows it.
    const summerYear = new Date().getUTCFullYear() + 1;
    const body = aTender({
      title: 'Befriending in Golcar',
      deadline: `${summerYear}-07-01T08:30:00Z`,
      lots: [aLot({ reference: '1', title: 'Home care, Golcar', locality: 'Golcar', hoursPerWeek: 30 })],
    });
    const id = (await mesh.hub().as('commissioner').post('/tenders', body).expect(201)).body.id;
    const lots = () =>
      mesh.hubQuery<{ reference: string; status: string; hours_per_week: number }>(
        'SELECT reference, status, hours_per_week FROM tender_lot WHERE tender_id = $1 ORDER BY reference',
        [id],
      );
    const tender = async () =>
      (await mesh.hubQuery<{ stage: string; buyer: string }>('SELECT stage, buyer FROM tender WHERE id = $1', [id]))[0];
    const context = await browser.newContext();
    const page = await signIn(context, 'consortium-staff', `/joint-tenders/${id}`);
    await expect(page.locator('.govuk-summary-list').first().innerText()).resolves.toContain(`1 Jul ${summerYear}, 09:30`);

    await page.getByRole('link', { name: 'Change or split lot 1' }).click();
    await page.waitForURL(/\/lots\/[0-9a-f-]{36}$/);
    await axe.check(page, '/joint-tenders/:id/lots/:lotId');
    await page.locator('#parts-0-hoursPerWeek').fill('20');
    await page.locator('#parts-1-hoursPerWeek').fill('5');
    await page.getByRole('button', { name: 'Split the lot' }).click();
    await page.waitForURL(/\/split$/);
    await expect(page.locator('#step-split .govuk-error-message').innerText()).resolves.toContain('must add up exactly');
    await expect(page.locator('#parts-1-hoursPerWeek').inputValue()).resolves.toBe('5');
    await axe.check(page, '/joint-tenders/:id/lots/:lotId (error)');
    expect(await lots()).toEqual([{ reference: '1', status: 'open', hours_per_week: 30 }]);

    await page.locator('#parts-1-hoursPerWeek').fill('10');
    await page.getByRole('button', { name: 'Split the lot' }).click();
    await page.waitForURL(`${hub}/joint-tenders/${id}?done=split`);
    expect((await lots()).map((l) => [l.status, l.hours_per_week])).toEqual([
      ['split', 30],
      ['open', 20],
      ['open', 10],
    ]);

    // The details: a deadline in the past is the API's refusal, beside the field; a new buyer is saved.
    await page.getByText('Change the tender’s details').click();
    await page.locator('#deadline').fill(ukClock(new Date(Date.now() - 86_400_000), false));
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.waitForURL(`${hub}/joint-tenders/${id}/details`);
    await expect(page.locator('#deadline-error').innerText()).resolves.toContain('Deadline must be in the future');
    await axe.check(page, '/joint-tenders/:id (details error)');
    await page.locator('#deadline').fill('');
    // Questions closing after offers do: the API's rule, beside the field; nothing saved.
    await page.locator('#enquiryEndDate').fill(`${summerYear}-07-02T12:00`);
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.waitForURL(`${hub}/joint-tenders/${id}/details`);
    await expect(page.locator('#enquiryEndDate-error').innerText()).resolves.toContain('must be before the deadline');
    const enquiryEnd = async () =>
      (await mesh.hubQuery<{ end: Date | null }>('SELECT enquiry_ends_at AS end FROM tender WHERE id = $1', [id]))[0].end;
    expect(await enquiryEnd()).toBeNull();
    await page.locator('#enquiryEndDate').fill(`${summerYear}-06-20T12:00`);
    await page.locator('#buyer').fill('Calderdale Council');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.waitForURL(`${hub}/joint-tenders/${id}?done=details`);
    expect(await tender()).toEqual({ stage: 'draft', buyer: 'Calderdale Council' });
    // Noon on a UK clock in June is 11:00 UTC.
    expect((await enquiryEnd())?.toISOString()).toBe(`${summerYear}-06-20T11:00:00.000Z`);

    // Cancelling needs a reason (the API's rule); then the tender is cancelled.
    await page.getByText('Cancel the tender').first().click();
    const cancel = page.locator('form[action$="/cancellation"] button');
    await cancel.click();
    await page.waitForURL(`${hub}/joint-tenders/${id}/cancellation`);
    await expect(page.locator('#reason-error').innerText()).resolves.toContain('Enter a reason of 2 to 500 characters');
    expect((await tender()).stage).toBe('draft');
    await page.locator('#reason').fill('The council withdrew the procurement');
    await cancel.click();
    await page.waitForURL(`${hub}/joint-tenders/${id}?done=cancellation`);
    expect((await tender()).stage).toBe('cancelled');
    await expect(page.locator('form[action^="/joint-tenders/"]').count()).resolves.toBe(0);
    await axe.check(page, '/joint-tenders/:id (cancelled)');
    await context.close();
  });

  it('lets a commissioner enter a tender from the page, refusing a lot without its hours beside the field with nothing stored', async () => {
    const tenders = () => mesh.hubQuery<{ id: string }>("SELECT id FROM tender WHERE title = 'Domestic help in Honley'");
    const context = await browser.newContext();
    const page = await signIn(context, 'commissioner', '/joint-tenders');
    await page.getByRole('button', { name: 'Enter a tender' }).click();
    await page.waitForURL(`${hub}/joint-tenders/new`);
    await axe.check(page);
    await page.locator('#title').fill('Domestic help in Honley');
    await page.locator('#buyer').fill('Kirklees Council');
    await page.locator('#deadline').fill(ukClock(new Date(Date.now() + 7 * 86_400_000), false));
    await page.locator('#lots-0-title').fill('Domestic help, Honley');
    await page.locator('#lots-0-locality').fill('Honley');
    await page.locator('#lots-0-serviceType').selectOption('domestic-help');
    await page.locator('#lots-0-ceilingPencePerHour').fill('2450');
    await page.locator('#lots-0-startsOn').fill('2027-04-01');
    await page.locator('#lots-0-endsOn').fill('2028-03-31');
    await page.getByRole('button', { name: 'Enter the tender' }).click();
    await page.waitForURL(`${hub}/joint-tenders`);
    await expect(page.locator('#lots-0-hoursPerWeek-error').innerText()).resolves.toContain('Enter whole hours a week, 1 or more');
    await expect(page.locator('.govuk-error-summary a[href="#lots-0-hoursPerWeek"]').count()).resolves.toBe(1);
    await expect(page.locator('#lots-0-locality').inputValue()).resolves.toBe('Honley');
    await axe.check(page, '/joint-tenders/new (error)');
    expect(await tenders()).toEqual([]);

    await page.locator('#lots-0-hoursPerWeek').fill('25');
    await page.getByRole('button', { name: 'Enter the tender' }).click();
    await page.waitForURL(/\/joint-tenders\/[0-9a-f-]{36}\?done=created$/);
    const [{ id }] = await tenders();
    await expect(
      mesh.hubQuery(
        'SELECT t.stage, t.created_by, l.reference, l.service_type, l.hours_per_week FROM tender t JOIN tender_lot l ON l.tender_id = t.id WHERE t.id = $1',
        [id],
      ),
    ).resolves.toEqual([{ stage: 'draft', created_by: 'commissioner', reference: '1', service_type: 'domestic-help', hours_per_week: 25 }]);
    await expect(page.locator('form[action^="/joint-tenders/"]').count()).resolves.toBe(0);
    await context.close();
  });

  it('refuses a commissioner the purchasing pages (403)', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, 'commissioner', '/rounds');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
    await axe.check(page, '/rounds (commissioner)');
    expect((await context.request.get(`${hub}/rounds/${roundId}`, { maxRedirects: 0 })).status()).toBe(403);
    await page.goto(`${hub}/reports`);
    await expect(page.getByRole('link', { name: 'Purchasing', exact: true }).count()).resolves.toBe(0);
    await context.close();
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages.length).toBeGreaterThanOrEqual(22);
    expect(axe.failures()).toEqual({});
  });
});
