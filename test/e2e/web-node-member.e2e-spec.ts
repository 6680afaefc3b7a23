import { Browser, BrowserContext, Page, Response } from 'playwright-core';

import { AccessibilityLog, launchChromium, screenshot, signInAs } from '../support/browser';
import { aCatalogueItem, aLot, aMember, aRound, aTender } from '../support/builders';
import { RunningIdp, startPages } from '../support/local-idp';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * A co-op's own pages in a real browser, on a node linked to a real hub. The co-op admin sees the
 * invitations the hub sent (a tender and a purchasing round), makes an offer from the tender's page
 * (bad input first: the error beside the field, nothing stored) and commits to a quantity; the offer is
 * checked in the node's database and on arrival in the hub's. A member signs in (tied to their record
 * by email), sees their own record and votes on an open ballot: the participation and the tally checked
 * in the database, a second vote refused. Wrong roles, missing CSRF tokens and a person with no
 * member record are refused; axe-core on every page shown.
 */
describe('a co-op admin’s invitations and a member’s own pages in the browser', () => {
  const mesh = new TestMesh();
  const COOP = 'nm-marsden';
  const admin = mesh.node(COOP).as('coop-admin');
  const staff = mesh.hub().as('consortium-staff');
  let idp: RunningIdp;
  let browser: Browser;
  let node: string;
  let tenderId: string;
  let lotIds: string[];
  let roundId: string;
  let itemId: string;
  let memberId: string;
  let ballotId: string;
  let electionId: string;
  let closedId: string;

  beforeAll(async () => {
    await mesh.startHub();
    ({
      idp,
      nodes: { [COOP]: node },
    } = await startPages(mesh, {
      nodes: [COOP],
      nodeOverrides: { COOP_LOCALITIES: 'Marsden', COOP_SERVICES: 'personal-care' },
    }));
    await mesh.registered(COOP);
    await waitFor(
      `${COOP} known on the hub with its localities`,
      async () => (await staff.get(`/coops/${COOP}`)).body,
      (c) => c?.localities?.length > 0,
    );

    // A council tender of two lots in Marsden, and the co-ops serving them invited.
    const tender = (
      await mesh
        .hub()
        .as('commissioner')
        .post('/tenders')
        .send(
          aTender({
            title: 'Home care in Marsden, 2027',
            // Questions for the next five minutes, offers for ten.
            enquiryPeriod: { endDate: new Date(Date.now() + 5 * 60_000).toISOString() },
            lots: [aLot({ hoursPerWeek: 40 }), aLot({ hoursPerWeek: 20 })],
          }),
        )
        .expect(201)
    ).body;
    tenderId = tender.id;
    await staff.post(`/tenders/${tenderId}/invitations`).send({}).expect(201);
    const invitation = await waitFor(
      `the invitation to ${tenderId} on the node`,
      async () => (await admin.get(`/tendering/invitations/${tenderId}`)).body,
      (b) => b?.lots?.length === 2,
    );
    lotIds = invitation.lots.map((l: { lotId: string }) => l.lotId);

    // A purchasing round of one item, opened.
    itemId = (
      await staff
        .post('/purchasing/catalogue')
        .send(aCatalogueItem({ name: 'Nitrile gloves' }))
        .expect(201)
    ).body.id;
    roundId = (
      await staff
        .post('/purchasing/rounds')
        .send(aRound([itemId], { title: 'Winter supplies' }))
        .expect(201)
    ).body.id;
    await staff.post(`/purchasing/rounds/${roundId}/open`).expect(200);
    await waitFor(
      `round ${roundId} on the node`,
      async () => (await admin.get(`/purchasing/rounds/${roundId}`)).body,
      (r) => r?.items?.length === 1,
    );

    // A member with the local identity provider's member's email, and an open motion.
    memberId = (
      await admin
        .post('/members')
        .send(aMember({ fullName: 'Mo Member', email: 'mo.member@coop.example' }))
        .expect(201)
    ).body.id;
    ballotId = (
      await admin
        .post('/ballots')
        .send({
          kind: 'motion',
          title: 'Adopt the winter visiting plan',
          resolution: 'ordinary',
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        })
        .expect(201)
    ).body.id;
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    electionId = (
      await admin
        .post('/ballots')
        .send({
          kind: 'election',
          title: 'Worker director 2027',
          stakeholderClass: 'worker',
          seats: 1,
          candidateMemberIds: [memberId],
          closesAt: inAWeek,
        })
        .expect(201)
    ).body.id;
    // A motion the member voted on through the API, whose window then ended and which the admin closed.
    closedId = (
      await admin
        .post('/ballots')
        .send({ kind: 'motion', title: 'Sell the old minibus', resolution: 'ordinary', closesAt: inAWeek })
        .expect(201)
    ).body.id;
    await mesh.node(COOP).as('member', memberId).post(`/ballots/${closedId}/votes`).send({ choice: 'against' }).expect(204);
    await mesh.endBallotWindows(COOP, closedId);
    await admin.post(`/ballots/${closedId}/close`).expect(200);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await mesh.dispose();
    await idp?.close();
  });

  const axe = new AccessibilityLog();
  const signIn = (context: BrowserContext, user: string, start: string) => signInAs(context, node, idp.issuer, user, start);
  /** Clicks a form's button and answers the response to its POST. */
  const submit = async (page: Page, button: ReturnType<Page['getByRole']>): Promise<Response> => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
    return response;
  };
  const csrfOf = (page: Page) => page.locator('input[name="_csrf"]').first().inputValue();

  const offersSent = () =>
    mesh.nodeQuery<{
      lot_id: string;
      hours_per_week: number;
      price_pence_per_hour: number;
      total_hours_per_week: number;
      message_id: string;
    }>(
      COOP,
      'SELECT lot_id, hours_per_week, price_pence_per_hour, total_hours_per_week, message_id FROM tender_offer_sent WHERE tender_id = $1',
      [tenderId],
    );
  const offerMessages = () =>
    mesh.nodeQuery<{ id: string; status: string }>(COOP, "SELECT id, status FROM outbox_message WHERE type = 'tendering.offer-made'");
  const participation = () =>
    mesh.nodeQuery<{ member_id: string }>(COOP, 'SELECT member_id FROM ballot_participation WHERE ballot_id = $1', [ballotId]);
  const tally = () =>
    mesh.nodeQuery<{ option_key: string; votes: number }>(
      COOP,
      'SELECT option_key, votes FROM ballot_option WHERE ballot_id = $1 ORDER BY position',
      [ballotId],
    );

  describe('the co-op admin', () => {
    it('sees the tender and the round it is invited to, with deadlines and not yet answered', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'coop-admin', '/admin/invitations');
      expect(new URL(page.url()).pathname).toBe('/admin/invitations');
      await axe.check(page);
      await expect(page.getByRole('link', { name: 'Invitations' }).first().getAttribute('href')).resolves.toBe('/admin/invitations');
      const tenderRow = page.locator(`tr[data-tender="${tenderId}"]`);
      await expect(tenderRow.innerText()).resolves.toContain('Home care in Marsden, 2027');
      await expect(tenderRow.locator('td[data-answered]').getAttribute('data-answered')).resolves.toBe('no');
      await expect(page.locator(`tr[data-round="${roundId}"] td[data-answered]`).getAttribute('data-answered')).resolves.toBe('no');
      await context.close();
    });

    it('shows bad offer input beside the field with nothing stored, then sends the offer, which reaches the hub', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'coop-admin', `/admin/tenders/${tenderId}`);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Home care in Marsden, 2027');
      await axe.check(page);
      await screenshot(page, 'coop-admin-tender-offer');

      // Not a number: the DTO's error beside the field, the typed values kept.
      await page.locator('#offers-0-hoursPerWeek').fill('thirty');
      await page.locator('#offers-0-pricePencePerHour').fill('2400');
      const typo = await submit(page, page.getByRole('button', { name: 'Send offer' }));
      expect(typo.status()).toBe(400);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      await expect(page.locator('#offers-0-hoursPerWeek-error').innerText()).resolves.toContain(
        'Lot 1: enter hours a week as a whole number',
      );
      await expect(page.locator('.govuk-error-summary a[href="#offers-0-hoursPerWeek"]').count()).resolves.toBe(1);
      await expect(page.locator('#offers-0-hoursPerWeek').inputValue()).resolves.toBe('thirty');
      await axe.check(page, '/admin/tenders/:id (error)');

      // Above the lot's ceiling: the use case's refusal, beside the price.
      await page.locator('#offers-0-hoursPerWeek').fill('30');
      await page.locator('#offers-0-pricePencePerHour').fill('2600');
      const dear = await submit(page, page.getByRole('button', { name: 'Send offer' }));
      expect(dear.status()).toBe(400);
      await expect(page.locator('#offers-0-pricePencePerHour-error').innerText()).resolves.toContain('at most £25.00 an hour');
      expect(await offersSent()).toEqual([]);
      expect(await offerMessages()).toEqual([]);

      // A good offer on the first lot, none on the second.
      await page.locator('#offers-0-pricePencePerHour').fill('2400');
      await page.locator('#totalHoursPerWeek').fill('30');
      const sent = await submit(page, page.getByRole('button', { name: 'Send offer' }));
      expect(sent.status()).toBe(303);
      expect(page.url()).toBe(`${node}/admin/tenders/${tenderId}?offered=1`);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Your offer was sent');
      await axe.check(page, '/admin/tenders/:id (offered)');

      const [offer] = await offersSent();
      expect(await offersSent()).toEqual([
        { lot_id: lotIds[0], hours_per_week: 30, price_pence_per_hour: 2400, total_hours_per_week: 30, message_id: offer.message_id },
      ]);
      expect((await offerMessages()).map((m) => m.id)).toEqual([offer.message_id]);
      const onHub = await waitFor(
        'the offer on the hub',
        () =>
          mesh.hubQuery<{ coop_id: string; lot_id: string; hours_per_week: number; price_pence_per_hour: number }>(
            'SELECT coop_id, lot_id, hours_per_week, price_pence_per_hour FROM tender_offer WHERE message_id = $1',
            [offer.message_id],
          ),
        (rows) => rows.length === 1,
      );
      expect(onHub).toEqual([{ coop_id: COOP, lot_id: lotIds[0], hours_per_week: 30, price_pence_per_hour: 2400 }]);
      await waitFor('the hub’s receipt', offerMessages, (rows) => rows[0]?.status === 'confirmed');

      await page.goto(`${node}/admin/invitations`);
      await expect(page.locator(`tr[data-tender="${tenderId}"] td[data-answered]`).getAttribute('data-answered')).resolves.toBe('yes');
      await context.close();
    });

    it('asks the consortium a question from the tender page during the enquiry period; a blank one is refused beside the field', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'coop-admin', `/admin/tenders/${tenderId}`);
      await expect(page.locator('[data-questions-close]').count()).resolves.toBe(1);
      const blank = await submit(page, page.getByRole('button', { name: 'Send question' }));
      expect(blank.status()).toBe(400);
      await expect(page.locator('#question-error').innerText()).resolves.toContain('Enter your question, 5 to 2,000 characters');
      await axe.check(page, '/admin/tenders/:id (question error)');
      await page.locator('#question').fill('May the evening lot start at 17:00 rather than 18:00?');
      const asked = await submit(page, page.getByRole('button', { name: 'Send question' }));
      expect(asked.status()).toBe(303);
      expect(page.url()).toBe(`${node}/admin/tenders/${tenderId}?asked=1#enquiries`);
      await expect(page.locator('#enquiries + dl [data-enquiry] dt').innerText()).resolves.toContain('(your question)');
      await axe.check(page, '/admin/tenders/:id (asked)');
      const onHub = await waitFor(
        'the question on the hub',
        async () => (await staff.get(`/tenders/${tenderId}`)).body.enquiries,
        (e: { question: string }[]) => e.length === 1,
      );
      expect(onHub[0]).toMatchObject({ coopId: COOP, question: 'May the evening lot start at 17:00 rather than 18:00?', answer: null });
      await context.close();
    });

    it('commits to a quantity of a round’s item from the round’s page', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'coop-admin', `/admin/rounds/${roundId}`);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Winter supplies');
      await axe.check(page);
      await page.locator(`#quantity-${itemId}`).fill('-3');
      const bad = await submit(page, page.getByRole('button', { name: 'Commit to Nitrile gloves' }));
      expect(bad.status()).toBe(400);
      await expect(page.locator(`#quantity-${itemId}-error`).innerText()).resolves.toContain('Enter a quantity of 0 or more');
      await axe.check(page, '/admin/rounds/:id (error)');
      const committed = () =>
        mesh.nodeQuery<{ quantity: number }>(COOP, 'SELECT quantity FROM purchasing_commitment_sent WHERE round_id = $1', [roundId]);
      expect(await committed()).toEqual([]);

      await page.locator(`#quantity-${itemId}`).fill('12');
      const good = await submit(page, page.getByRole('button', { name: 'Commit to Nitrile gloves' }));
      expect(good.status()).toBe(303);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Nitrile gloves');
      await expect(page.locator(`section[data-item="${itemId}"] [data-committed]`).getAttribute('data-committed')).resolves.toBe('12');
      expect(await committed()).toEqual([{ quantity: 12 }]);
      await expect(mesh.nodeQuery(COOP, "SELECT 1 FROM outbox_message WHERE type = 'purchasing.commitment-made'")).resolves.toHaveLength(1);
      await context.close();
    });

    it('refuses an offer or a commitment without its CSRF token, with nothing stored', async () => {
      const context = await browser.newContext();
      await signIn(context, 'coop-admin', '/admin/invitations');
      const before = await offersSent();
      const form = { 'offers.1.lotId': lotIds[1], 'offers.1.hoursPerWeek': '10', 'offers.1.pricePencePerHour': '2000' };
      const missing = await context.request.post(`${node}/admin/tenders/${tenderId}/offers`, { form, maxRedirects: 0 });
      expect(missing.status()).toBe(403);
      const forged = await context.request.post(`${node}/admin/rounds/${roundId}/commitments`, {
        form: { itemId, quantity: '99', _csrf: 'forged' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect(await offersSent()).toEqual(before);
      await expect(mesh.nodeQuery(COOP, 'SELECT 1 FROM purchasing_commitment_sent WHERE quantity = 99')).resolves.toEqual([]);
      await context.close();
    });
  });

  describe('a member', () => {
    it('sees their own record and shares, and may download their data', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'member', '/me');
      expect(new URL(page.url()).pathname).toBe('/me');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mo Member');
      await expect(page.locator('main').innerText()).resolves.toContain('mo.member@coop.example');
      await expect(page.locator('#shares').innerText()).resolves.toContain('£1.00');
      await axe.check(page);
      const download = await context.request.get(`${node}/me/export.json`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toContain('attachment');
      expect(((await download.json()) as { member: { id: string } }).member.id).toBe(memberId);

      // A bad phone number: the error beside the field, nothing changed; then a good one, stored.
      await page.locator('#phone').fill('call me');
      const bad = await submit(page, page.getByRole('button', { name: 'Save contact details' }));
      expect(bad.status()).toBe(400);
      await expect(page.locator('#phone-error').innerText()).resolves.toContain('Enter a phone number');
      await axe.check(page, '/me (error)');
      const phone = async () =>
        (await mesh.nodeQuery<{ phone: string | null }>(COOP, 'SELECT phone FROM member WHERE id = $1', [memberId]))[0].phone;
      expect(await phone()).toBeNull();
      await page.locator('#phone').fill('01484 123456');
      expect((await submit(page, page.getByRole('button', { name: 'Save contact details' }))).status()).toBe(303);
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('saved');
      expect(await phone()).toBe('01484 123456');
      await context.close();
    });

    it('votes on an open ballot once: the participation and the tally recorded, never the choice shown, a second vote refused', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'member', '/me/ballots');
      expect(new URL(page.url()).pathname).toBe('/me/ballots');
      await axe.check(page);
      await expect(page.locator(`#open tr[data-ballot="${ballotId}"] td[data-voted]`).getAttribute('data-voted')).resolves.toBe('no');
      await page.getByRole('link', { name: 'Adopt the winter visiting plan' }).click();
      await page.waitForURL(`${node}/me/ballots/${ballotId}`);
      await axe.check(page);
      await screenshot(page, 'member-ballot');

      // No choice: the error beside the choices, nothing stored.
      const empty = await submit(page, page.getByRole('button', { name: 'Cast your vote' }));
      expect(empty.status()).toBe(400);
      await expect(page.locator('#choice-error').innerText()).resolves.toContain('Choose for, against or abstain');
      await axe.check(page, '/me/ballots/:id (error)');
      expect(await participation()).toEqual([]);
      expect((await tally()).map((o) => o.votes)).toEqual([0, 0, 0]);

      await page.getByLabel('For', { exact: true }).check();
      const cast = await submit(page, page.getByRole('button', { name: 'Cast your vote' }));
      expect(cast.status()).toBe(303);
      expect(page.url()).toBe(`${node}/me/ballots/${ballotId}?voted=1`);
      await expect(page.locator('.govuk-panel').innerText()).resolves.toContain('Your vote was counted');
      await expect(page.locator('[data-voted="yes"]').innerText()).resolves.toBe('You have voted on this ballot.');
      // The secret ballot: nothing on the page says what was chosen, and there is no form to vote again.
      await expect(page.locator('input[name="choice"]').count()).resolves.toBe(0);
      await axe.check(page, '/me/ballots/:id (voted)');
      expect(await participation()).toEqual([{ member_id: memberId }]);
      // The audit trail names the member who voted from the page, as it would name an API caller.
      await expect(
        mesh.nodeQuery(
          COOP,
          "SELECT actor, outcome FROM audit_event WHERE action = 'POST /me/ballots/:id/votes' AND outcome = 'succeeded'",
        ),
      ).resolves.toEqual([{ actor: `member:${memberId}`, outcome: 'succeeded' }]);
      expect(await tally()).toEqual([
        { option_key: 'for', votes: 1 },
        { option_key: 'against', votes: 0 },
        { option_key: 'abstain', votes: 0 },
      ]);

      // A second vote, posted with a good token: refused with a clear message, the tally unchanged.
      const again = await context.request.post(`${node}/me/ballots/${ballotId}/votes`, {
        form: { choice: 'against', _csrf: await csrfOf(page) },
        maxRedirects: 0,
      });
      expect(again.status()).toBe(409);
      expect(await again.text()).toContain('You have already voted on this ballot. Each member has one vote, and it cannot be changed.');
      expect(await participation()).toHaveLength(1);
      expect((await tally()).map((o) => o.votes)).toEqual([1, 0, 0]);

      // Without a token: refused before anything is looked at.
      const forged = await context.request.post(`${node}/me/ballots/${ballotId}/votes`, { form: { choice: 'against' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect((await tally()).map((o) => o.votes)).toEqual([1, 0, 0]);

      await page.goto(`${node}/me/ballots`);
      await expect(page.locator(`#open tr[data-ballot="${ballotId}"] td[data-voted]`).getAttribute('data-voted')).resolves.toBe('yes');
      await context.close();
    });

    it('votes in a board election by ticking a candidate, and sees a closed ballot’s result', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'member', `/me/ballots/${electionId}`);
      await expect(page.locator('legend').innerText()).resolves.toContain('Choose up to 1 candidates');
      await page.getByLabel('Mo Member', { exact: true }).check();
      expect((await submit(page, page.getByRole('button', { name: 'Cast your vote' }))).status()).toBe(303);
      await expect(page.locator('[data-voted="yes"]').count()).resolves.toBe(1);
      await axe.check(page, '/me/ballots/:id (election voted)');
      await expect(mesh.nodeQuery(COOP, 'SELECT member_id FROM ballot_participation WHERE ballot_id = $1', [electionId])).resolves.toEqual([
        { member_id: memberId },
      ]);
      await expect(
        mesh.nodeQuery(COOP, 'SELECT sum(votes)::int AS n FROM ballot_option WHERE ballot_id = $1', [electionId]),
      ).resolves.toEqual([{ n: 1 }]);

      await page.goto(`${node}/me/ballots`);
      await expect(page.locator(`#closed tr[data-ballot="${closedId}"] td[data-voted]`).getAttribute('data-voted')).resolves.toBe('yes');
      await page.getByRole('link', { name: 'Sell the old minibus' }).click();
      await page.waitForURL(`${node}/me/ballots/${closedId}`);
      await expect(page.locator('#tally').innerText()).resolves.toMatch(/Against\s+1/);
      await expect(page.locator('main').innerText()).resolves.toContain('Not passed');
      await axe.check(page, '/me/ballots/:id (closed)');
      await context.close();
    });

    it('is refused the admin’s invitations (403), and has no admin menu', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'member', '/admin/invitations');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
      await axe.check(page, '/admin/invitations (member)');
      expect((await context.request.get(`${node}/admin/tenders/${tenderId}`, { maxRedirects: 0 })).status()).toBe(403);
      await page.goto(`${node}/me`);
      await expect(page.getByRole('link', { name: 'Invitations', exact: true }).count()).resolves.toBe(0);
      await context.close();
    });

    it('refuses sign-in to a person whose email matches no member record, with the reason', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, 'member-2', '/me');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot see this page');
      await expect(page.locator('main').innerText()).resolves.toContain('Your account is not tied to a member of this co-op');
      await axe.check(page, '/auth/callback (no member record)');
      expect((await context.request.get(`${node}/me`, { maxRedirects: 0 })).status()).toBe(303);
      await context.close();
    });
  });

  it('has no serious or critical accessibility violations on any page it showed', () => {
    expect(axe.pages).toEqual(
      expect.arrayContaining([
        '/admin/invitations',
        `/admin/tenders/${tenderId}`,
        '/admin/tenders/:id (error)',
        '/admin/tenders/:id (offered)',
        `/admin/rounds/${roundId}`,
        '/admin/rounds/:id (error)',
        '/me',
        '/me (error)',
        '/me/ballots',
        `/me/ballots/${ballotId}`,
        '/me/ballots/:id (error)',
        '/me/ballots/:id (voted)',
        '/me/ballots/:id (election voted)',
        '/me/ballots/:id (closed)',
        '/admin/invitations (member)',
        '/auth/callback (no member record)',
      ]),
    );
    expect(axe.failures()).toEqual({});
  });
});
