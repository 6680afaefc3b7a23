import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { BROKERAGE_ANSWER_MADE_V1, BrokerageAnswerMadeV1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { BrokerageExpiryJob } from '../../apps/consortium-hub/src/brokerage';
import { aDecline, anOffer, aPackageRequest, aServiceUser, aStaffMember } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { AnswerSchemas } from '../support/openapi-answers';
import { sweepNow } from '../support/sweep-now';
import { ukDay } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

interface AnswerSeen {
  answerId: string;
  coopId: string;
  answer: string;
  secondsToAnswer: number;
  late: boolean;
  coversAll: boolean;
}
interface RequestSeen {
  id: string;
  status: string;
  offers: AnswerSeen[];
  declines: AnswerSeen[];
  late: AnswerSeen[];
  notAnswered: { coopId: string; connectivity: string; offlineSince: string | null }[];
  acceptedCoopId: string | null;
}
interface NodeRequestSeen {
  requestId: string;
  status: string;
  startsOn: string;
  goneReason: string | null;
  answerWasLate: boolean;
  answerSent: { hubAnswer: string } | null;
}
type Figure = number | { suppressed: true };
interface FiguresRowSeen {
  locality: string;
  month: string;
  posted: Figure;
  placed: Figure;
  notPlaced: Figure;
  open: Figure;
  toFirstOffer: { count: Figure; medianSeconds: number | null; p90Seconds: number | null };
  toAcceptance: { count: Figure; medianSeconds: number | null; p90Seconds: number | null };
}

/**
 * Hospital-discharge brokerage end to end, with a hub and three real nodes over NATS: a request
 * reaches the online co-ops that serve its locality and no other, an offline co-op is listed as not
 * answered and learns the request is gone when back, two acceptances race and one wins, a late
 * answer is recorded and told gone, a request expires at its deadline by the hub's clock, the figures
 * agree with SQL of their own, bad input is refused with nothing stored, and nothing personal crosses.
 */
describe('hospital-discharge brokerage', () => {
  const mesh = new TestMesh();
  const MARSDEN = 'marsden-care';
  const SLAITH = 'slaithwaite-care';
  const HOLME = 'holme-care';
  const COOPS: Record<string, { localities: string; services: string }> = {
    [MARSDEN]: { localities: 'Marsden', services: 'personal-care,befriending' },
    [SLAITH]: { localities: 'Slaithwaite,Marsden', services: 'personal-care,domestic-help' },
    [HOLME]: { localities: 'Holmfirth', services: 'personal-care' },
  };
  const commissioner = mesh.hub().as('commissioner');
  const staff = mesh.hub().as('consortium-staff');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const traffic: { subject: string; text: string }[] = [];
  const references: string[] = [];
  const postedIds: string[] = [];
  let tap: NatsConnection;
  let sub: Subscription;

  const startNode = (coop: string) =>
    mesh.startNode(coop, { COOP_LOCALITIES: COOPS[coop].localities, COOP_SERVICES: COOPS[coop].services, TEST_CLOCK: 'true' });
  const post = async (overrides: Parameters<typeof aPackageRequest>[0] = {}) => {
    const body = aPackageRequest(overrides);
    references.push(body.councilReference);
    const res = await commissioner.post('/brokerage/requests').send(body).expect(201);
    postedIds.push(res.body.id);
    return res.body as { id: string; asked: string[]; offline: { coopId: string }[] };
  };
  const requestOn = (coop: string, id: string, accept: (r: NodeRequestSeen) => boolean = () => true) =>
    waitFor(
      `${coop}'s copy of request ${id}`,
      async () => (await admin(coop).get('/brokerage/requests')).body as NodeRequestSeen[],
      (list) => {
        const r = list?.find?.((x) => x.requestId === id);
        return !!r && accept(r);
      },
    ).then((list) => list.find((x) => x.requestId === id)!);
  const online = (coop: string) =>
    waitFor(
      `${coop} online in the registry`,
      async () => (await staff.get(`/coops/${coop}`)).body,
      (c) => c?.connectivity === 'online',
    );
  const hubView = async (id: string): Promise<RequestSeen> => (await commissioner.get(`/brokerage/requests/${id}`).expect(200)).body;
  const viewWhen = (id: string, what: string, accept: (r: RequestSeen) => boolean) => waitFor(what, () => hubView(id), accept);
  const answer = (coop: string, id: string, body: object) => admin(coop).post(`/brokerage/requests/${id}/answer`).send(body);
  /** Every brokerage message from the outbox of the hub to a co-op, and whether the co-op confirmed it. */
  const sentTo = (coop: string, type: string) =>
    mesh.hubQuery<{ payload: { requestId: string; reason?: string; answerWasLate?: boolean }; status: string }>(
      `SELECT envelope->'payload' AS payload, status FROM outbox_message WHERE coop_id = $1 AND type = $2 ORDER BY created_at`,
      [coop, type],
    );

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    sub = tap.subscribe(`${mesh.root}.>`, {
      callback: (_e, m) => traffic.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }),
    });
    await mesh.startHub({ TEST_CLOCK: 'true', REPORTING_THRESHOLD: '1' });
    for (const coop of Object.keys(COOPS)) await startNode(coop);
    for (const coop of Object.keys(COOPS)) await mesh.registered(coop);
    // People on a node, whose names must never reach the hub.
    await admin(MARSDEN)
      .post('/service-users')
      .send(aServiceUser({ fullName: 'Edith Crabtree' }))
      .expect(201);
    await admin(SLAITH)
      .post('/staff')
      .send(aStaffMember({ fullName: 'Ezra Haigh', locality: 'Marsden' }))
      .expect(201);
    await waitFor(
      'all three co-ops online with their localities',
      async () => (await staff.get('/coops?connectivity=online')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 3,
    );
  }, 180_000);

  afterAll(async () => {
    sub?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await mesh.hubQuery<{ n: number }>(
      'SELECT (SELECT count(*) FROM brokerage_request)::int + (SELECT count(*) FROM outbox_message)::int AS n',
    );
    const refused = async (body: object, field: RegExp, status = 400) => {
      const res = await commissioner.post('/brokerage/requests').send(body).expect(status);
      expect([res.body.message].flat().join(' ')).toMatch(field);
    };
    await refused({ ...aPackageRequest(), fullName: 'Edith Crabtree' }, /property fullName should not exist/);
    await refused({ ...aPackageRequest(), diagnosis: 'dementia' }, /property diagnosis should not exist/);
    await refused(aPackageRequest({ councilReference: 'Mrs Edith Crabtree' }), /councilReference must be the council's case reference/);
    await refused(aPackageRequest({ councilReference: 'ABCDEFGH' }), /councilReference/);
    await refused(aPackageRequest({ hoursPerWeek: 10.25 }), /hoursPerWeek must be a number with at most 1 decimal place/);
    await refused(
      aPackageRequest({ visitPattern: { visitsPerDay: 2, daysPerWeek: 8, timesOfDay: ['dawn' as never], carersPerVisit: 1 } }),
      /visitPattern\.daysPerWeek must not be greater than 7.*timesOfDay must be one of/s,
    );
    await refused(aPackageRequest({ serviceTypes: ['surgery' as never] }), /serviceTypes/);
    await refused(aPackageRequest({ startsOn: '2027-02-30' }), /startsOn/);
    await refused(aPackageRequest({ answerBy: '2020-01-01T00:00:00Z' }), /answerBy must be in the future/);
    await refused(aPackageRequest({ locality: 'Nowhere Green' }), /no co-op in the registry serves Nowhere Green/, 409);
    const after = await mesh.hubQuery<{ n: number }>(
      'SELECT (SELECT count(*) FROM brokerage_request)::int + (SELECT count(*) FROM outbox_message)::int AS n',
    );
    expect(after[0].n).toBe(before[0].n);
    await commissioner.get('/brokerage/figures?from=2027-01-01&to=2026-01-01').expect(400);
    await mesh.hub().as('coop', MARSDEN).post('/brokerage/requests').send(aPackageRequest()).expect(403);
  });

  describe('a request placed while a co-op is offline', () => {
    let first: { id: string; asked: string[] };

    it('reaches the two online co-ops that serve the locality, and not the one that does not', async () => {
      first = await post();
      expect(first.asked).toEqual([MARSDEN, SLAITH]);
      for (const coop of [MARSDEN, SLAITH]) expect((await requestOn(coop, first.id)).status).toBe('open');
      await waitFor(
        'both nodes to confirm the request',
        () => sentTo(SLAITH, 'brokerage.package-requested'),
        (rows) => rows.some((r) => r.payload.requestId === first.id && r.status === 'confirmed'),
      );
      expect((await admin(HOLME).get('/brokerage/requests').expect(200)).body).toEqual([]);
      expect(await sentTo(HOLME, 'brokerage.package-requested')).toEqual([]);
    });

    it('lists the offline co-op as not answered, with when it went offline, and shows offers as they arrive', async () => {
      await mesh.stopNode(SLAITH);
      await answer(MARSDEN, first.id, anOffer({ note: 'Two carers on the Marsden round have room' })).expect(202);
      const seen = await viewWhen(
        first.id,
        "Marsden's offer on the hub and Slaithwaite offline",
        (r) => r.offers.length === 1 && r.notAnswered[0]?.connectivity === 'offline',
      );
      expect(seen.offers.map((o) => [o.coopId, o.answer, o.coversAll, o.late])).toEqual([[MARSDEN, 'offer', true, false]]);
      expect(seen.offers[0].secondsToAnswer).toBeGreaterThanOrEqual(0);
      expect(seen.notAnswered).toEqual([
        {
          coopId: SLAITH,
          coopName: expect.any(String),
          askedAt: expect.any(String),
          connectivity: 'offline',
          offlineSince: expect.any(String),
        },
      ]);
      expect((await requestOn(MARSDEN, first.id, (r) => r.answerSent?.hubAnswer === 'applied')).status).toBe('answered');
    });

    it('places the package with the accepted co-op exactly once, and the offline co-op learns it is gone when back', async () => {
      const seen = await hubView(first.id);
      const res = await commissioner
        .post(`/brokerage/requests/${first.id}/acceptance`)
        .send({ answerId: seen.offers[0].answerId })
        .expect(201);
      expect(res.body).toEqual({ id: first.id, status: 'placed', acceptedCoopId: MARSDEN, toldGone: [SLAITH] });
      expect((await requestOn(MARSDEN, first.id, (r) => r.status === 'placed')).status).toBe('placed');
      const placements = (await admin(MARSDEN).get('/brokerage/placements').expect(200)).body;
      expect(placements.filter((p: { requestId: string }) => p.requestId === first.id)).toEqual([
        expect.objectContaining({ requestId: first.id, councilReference: references[0], hoursPerWeek: 14, locality: 'Marsden' }),
      ]);
      await startNode(SLAITH);
      const gone = await requestOn(SLAITH, first.id, (r) => r.status === 'gone');
      expect(gone).toMatchObject({ goneReason: 'placed-elsewhere', answerWasLate: false, answerSent: null });
      const refused = await answer(SLAITH, first.id, anOffer()).expect(409);
      expect(refused.body).toMatchObject({ code: 'BROKERAGE.REQUEST_GONE' });
      expect(await mesh.nodeQuery(SLAITH, 'SELECT * FROM brokerage_answer_sent')).toEqual([]);
      expect(await mesh.nodeQuery(SLAITH, 'SELECT * FROM brokerage_placement')).toEqual([]);
      expect(await mesh.nodeQuery(MARSDEN, 'SELECT request_id FROM brokerage_placement')).toEqual([{ request_id: first.id }]);
      await online(SLAITH);
      // An answer Slaithwaite's node made before it heard (one that crossed the notice): kept as late, and told gone again.
      const crossed = await rawAnswer(SLAITH, {
        requestId: first.id,
        answer: 'decline',
        declineReason: 'no-capacity',
        answeredAt: new Date().toISOString(),
      });
      expect(crossed.status).toBe('confirmed');
      expect((await hubView(first.id)).late.map((l) => [l.coopId, l.answer])).toEqual([[SLAITH, 'decline']]);
      const told = await requestOn(SLAITH, first.id, (r) => r.answerWasLate);
      expect(told).toMatchObject({ status: 'gone', goneReason: 'placed-elsewhere', answerWasLate: true });
    });

    it("starts the person's care from the placement, once, with the placement's locality and funding, and nothing crosses", async () => {
      const start = (id: string, body: object) => admin(MARSDEN).post(`/brokerage/placements/${id}/care`).send(body);
      const person = { fullName: 'Edith Placed', dateOfBirth: '1938-02-11', address: '4 Mill Lane, Marsden' };
      const people = () => mesh.nodeQuery(MARSDEN, 'SELECT id, full_name FROM service_user ORDER BY id');
      const outbox = () => mesh.nodeQuery(MARSDEN, 'SELECT id FROM outbox_message ORDER BY id');
      const [before, sentBefore] = [await people(), await outbox()];
      const bad = await start(first.id, { ...person, dateOfBirth: '11/02/1938', nhsNumber: '943 476 5919' }).expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining(['dateOfBirth must be a date, YYYY-MM-DD', 'property nhsNumber should not exist']),
      );
      const unknown = await start('6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b', person).expect(404);
      expect(unknown.body.code).toBe('BROKERAGE.PLACEMENT_NOT_FOUND');
      expect(await people()).toEqual(before);

      const placed = (await start(first.id, person).expect(201)).body;
      expect(placed).toMatchObject({ requestId: first.id, care: { startedOn: placed.canStartOn, serviceUserId: expect.any(String) } });
      const supported = (await admin(MARSDEN).get(`/service-users/${placed.care.serviceUserId}`).expect(200)).body;
      expect(supported).toMatchObject({
        fullName: 'Edith Placed',
        locality: 'Marsden',
        fundingType: 'council-commissioned',
        startedOn: placed.canStartOn,
      });
      expect((await admin(MARSDEN).get(`/brokerage/placements/${first.id}`).expect(200)).body).toEqual(placed);

      const again = await start(first.id, { ...person, fullName: 'Someone Else' }).expect(409);
      expect(again.body).toMatchObject({ code: 'BROKERAGE.CARE_ALREADY_STARTED', details: { serviceUserId: placed.care.serviceUserId } });
      expect((await people()).length).toBe(before.length + 1);
      // The person's details stay on the node: no message was queued for the hub, and none carried them.
      expect(await outbox()).toEqual(sentBefore);
      expect(traffic.some((t) => t.text.includes('Edith Placed') || t.text.includes('Mill Lane'))).toBe(false);
    });
  });

  it('lets exactly one of two acceptances racing win; the other gets 409 naming why', async () => {
    const second = await post({ startsOn: ukDay(1) });
    expect(second.asked).toEqual([MARSDEN, SLAITH]);
    for (const coop of [MARSDEN, SLAITH]) await requestOn(coop, second.id);
    await answer(MARSDEN, second.id, anOffer()).expect(202);
    await answer(SLAITH, second.id, anOffer({ timesOfDayCovered: ['morning', 'evening'] })).expect(202);
    const seen = await viewWhen(second.id, 'both offers on the hub', (r) => r.offers.length === 2);
    expect(seen.offers.map((o) => o.coversAll).sort()).toEqual([false, true]);
    const [a, b] = await Promise.all(
      seen.offers.map((o) => commissioner.post(`/brokerage/requests/${second.id}/acceptance`).send({ answerId: o.answerId })),
    );
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    const winner = won.body.acceptedCoopId as string;
    const loser = winner === MARSDEN ? SLAITH : MARSDEN;
    expect(lost.body).toMatchObject({
      code: 'BROKERAGE.ALREADY_PLACED',
      message: `the request was already placed with ${winner}`,
      details: { acceptedCoopId: winner },
    });
    expect(won.body.toldGone).toEqual([loser]);
    expect((await requestOn(winner, second.id, (r) => r.status === 'placed')).status).toBe('placed');
    expect((await requestOn(loser, second.id, (r) => r.status === 'gone')).goneReason).toBe('placed-elsewhere');
    await waitFor(
      'the placement confirmed by the winner',
      () => sentTo(winner, 'brokerage.package-accepted'),
      (rows) => rows.some((r) => r.payload.requestId === second.id && r.status === 'confirmed'),
    );
    expect(await mesh.nodeQuery(winner, 'SELECT count(*)::int AS n FROM brokerage_placement WHERE request_id = $1', [second.id])).toEqual([
      { n: 1 },
    ]);
    expect(await mesh.nodeQuery(loser, 'SELECT count(*)::int AS n FROM brokerage_placement WHERE request_id = $1', [second.id])).toEqual([
      { n: 0 },
    ]);
    expect((await sentTo(winner, 'brokerage.package-accepted')).filter((r) => r.payload.requestId === second.id)).toHaveLength(1);
    expect((await sentTo(winner, 'brokerage.package-gone')).filter((r) => r.payload.requestId === second.id)).toEqual([]);
    // The open list is sorted by start date: this one starts a day before the first.
    const list = (await admin(winner).get('/brokerage/requests').expect(200)).body as NodeRequestSeen[];
    expect(list.map((r) => r.startsOn)).toEqual([...list.map((r) => r.startsOn)].sort());
  });

  it('expires a request at its deadline by the hub clock, and records a late answer as late and tells its co-op it is gone', async () => {
    const now = Date.now();
    const third = await post({ answerBy: new Date(now + 30 * 60_000).toISOString() });
    for (const coop of third.asked) await requestOn(coop, third.id);
    await answer(MARSDEN, third.id, aDecline()).expect(202);
    await viewWhen(third.id, "Marsden's decline", (r) => r.declines.length === 1);
    mesh.hubClock().setTo(new Date(now + 31 * 60_000));
    try {
      await sweepNow(() => mesh.hubApp!.get(BrokerageExpiryJob).sweep());
      await viewWhen(third.id, 'the request expired', (r) => r.status === 'expired');
      expect((await requestOn(SLAITH, third.id, (r) => r.status === 'gone')).goneReason).toBe('expired');
      expect((await requestOn(MARSDEN, third.id, (r) => r.status === 'gone')).goneReason).toBe('expired');
      // Slaithwaite's answer, made before the notice reached it, arrives now: kept as late, and Slaithwaite told again.
      const raw = await rawAnswer(SLAITH, {
        requestId: third.id,
        answer: 'offer',
        canStartOn: new Date(now).toISOString().slice(0, 10),
        timesOfDayCovered: ['morning'],
        daysPerWeekCovered: 7,
        answeredAt: new Date(now + 29 * 60_000).toISOString(),
      });
      expect(raw.status).toBe('confirmed');
      const seen = await hubView(third.id);
      expect(seen.late.map((l) => [l.coopId, l.answer, l.late])).toEqual([[SLAITH, 'offer', true]]);
      expect(seen.offers).toEqual([]);
      expect(seen.notAnswered).toEqual([]);
      const late = await waitFor(
        "Slaithwaite's note that its answer was late",
        () =>
          mesh.nodeQuery<{ answer_was_late: boolean }>(SLAITH, 'SELECT answer_was_late FROM brokerage_gone WHERE request_id = $1', [
            third.id,
          ]),
        (rows) => rows[0]?.answer_was_late === true,
      );
      expect(late).toHaveLength(1);
      const refused = await commissioner
        .post(`/brokerage/requests/${third.id}/acceptance`)
        .send({ answerId: seen.late[0].answerId })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'BROKERAGE.NOT_OPEN', details: { status: 'expired' } });
    } finally {
      mesh.hubClock().reset();
    }
  });

  it('refuses a second answer from the same co-op on the hub as well as on the node', async () => {
    const fourth = await post();
    await requestOn(SLAITH, fourth.id);
    await answer(SLAITH, fourth.id, aDecline({ declineReason: 'locality' })).expect(202);
    expect((await answer(SLAITH, fourth.id, anOffer()).expect(409)).body).toMatchObject({ code: 'BROKERAGE.ALREADY_ANSWERED' });
    const again = await rawAnswer(SLAITH, {
      requestId: fourth.id,
      answer: 'offer',
      canStartOn: ukDay(),
      timesOfDayCovered: ['morning'],
      daysPerWeekCovered: 1,
      answeredAt: new Date().toISOString(),
    });
    expect(again).toMatchObject({ status: 'rejected', last_error: expect.stringMatching(/BROKERAGE.ALREADY_ANSWERED/) });
    // A co-op that was not asked cannot answer: Holmfirth's answer comes back rejected, with the reason.
    const stranger = await rawAnswer(HOLME, {
      requestId: fourth.id,
      answer: 'decline',
      declineReason: 'locality',
      answeredAt: new Date().toISOString(),
    });
    expect(stranger).toMatchObject({ status: 'rejected', last_error: expect.stringMatching(/BROKERAGE.NOT_ASKED/) });
    expect(await mesh.hubQuery('SELECT 1 FROM brokerage_answer WHERE coop_id = $1', [HOLME])).toEqual([]);
    // Bad answers on the node are refused naming the field, and nothing is sent.
    const outboxBefore = await mesh.nodeQuery<{ n: number }>(MARSDEN, 'SELECT count(*)::int AS n FROM outbox_message');
    expect((await answer(MARSDEN, fourth.id, { answer: 'decline' }).expect(400)).body.message.join(' ')).toMatch(
      /declineReason must be one of/,
    );
    expect((await answer(MARSDEN, fourth.id, { ...anOffer(), canStartOn: undefined }).expect(400)).body.message.join(' ')).toMatch(
      /canStartOn/,
    );
    expect((await answer(MARSDEN, fourth.id, { ...aDecline(), patientName: 'Edith' }).expect(400)).body.message.join(' ')).toMatch(
      /property patientName should not exist/,
    );
    expect(await mesh.nodeQuery(MARSDEN, 'SELECT count(*)::int AS n FROM outbox_message')).toEqual(outboxBefore);
    const offerOutside = await answer(MARSDEN, fourth.id, anOffer({ timesOfDayCovered: ['night'] })).expect(400);
    expect(offerOutside.body).toMatchObject({ code: 'BROKERAGE.OFFER_OUTSIDE_REQUEST' });
    expect(
      (await answer(MARSDEN, fourth.id, anOffer({ note: 'Can start for Edith, born 01/02/1940' })).expect(400)).body.message.join(' '),
    ).toMatch(/note must not hold a date/);
    const closed = await commissioner.post(`/brokerage/requests/${fourth.id}/closure`).send({ reason: 'no-longer-needed' }).expect(201);
    expect(closed.body).toEqual({ id: fourth.id, status: 'closed', acceptedCoopId: null, toldGone: [MARSDEN, SLAITH] });
    expect((await commissioner.post(`/brokerage/requests/${fourth.id}/closure`).send({ reason: 'other' }).expect(409)).body).toMatchObject({
      code: 'BROKERAGE.NOT_OPEN',
    });
    expect((await requestOn(MARSDEN, fourth.id, (r) => r.status === 'gone')).goneReason).toBe('closed');
  });

  it('gives figures that agree with SQL of their own over the hub tables, small counts suppressed', async () => {
    const fifth = await post({ locality: 'Holmfirth' });
    expect(fifth.asked).toEqual([HOLME]);
    const today = ukDay();
    const figures = (await commissioner.get(`/brokerage/figures?from=${today}&to=${today}`).expect(200)).body as {
      threshold: number;
      rows: FiguresRowSeen[];
      total: FiguresRowSeen;
    };
    expect(figures.threshold).toBe(1);
    const sql = await mesh.hubQuery<{
      locality: string;
      month: string;
      posted: number;
      placed: number;
      not_placed: number;
      open: number;
      offers: number;
      median: number | null;
      p90: number | null;
    }>(
      `WITH first_offer AS (
         SELECT request_id, min(received_at) AS at FROM brokerage_answer WHERE kind = 'offer' AND NOT late GROUP BY request_id)
       SELECT r.locality, to_char(r.posted_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, count(*)::int AS posted,
              count(*) FILTER (WHERE r.status = 'placed')::int AS placed,
              count(*) FILTER (WHERE r.status IN ('closed', 'expired'))::int AS not_placed,
              count(*) FILTER (WHERE r.status = 'open')::int AS open,
              count(f.at)::int AS offers,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM f.at - r.posted_at))) AS median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY floor(extract(epoch FROM f.at - r.posted_at))) AS p90
         FROM brokerage_request r LEFT JOIN first_offer f ON f.request_id = r.id
        WHERE (r.posted_at AT TIME ZONE 'Europe/London')::date = $1::date
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [today],
    );
    expect(figures.rows.map((r) => [r.locality, r.month])).toEqual(sql.map((r) => [r.locality, r.month]));
    // Every figure shown is the SQL's; what is hidden is hidden whole.
    for (const [row, q] of figures.rows.map((r, i) => [r, sql[i]] as const)) {
      const pairs: [Figure, number][] = [
        [row.posted, q.posted],
        [row.placed, q.placed],
        [row.notPlaced, q.not_placed],
        [row.open, q.open],
      ];
      for (const [shown, counted] of pairs) if (typeof shown === 'number') expect(shown).toBe(counted);
    }
    const marsden = figures.rows.find((r) => r.locality === 'Marsden')!;
    const m = sql.find((r) => r.locality === 'Marsden')!;
    expect(m).toMatchObject({ posted: 4, placed: 2, not_placed: 2, open: 0, offers: 2 });
    // Two placements, one with each co-op: each co-op knows its own, so the other's 1 would show. Hidden, with a
    // second figure of its row so that it cannot be worked out from the total; zero is always shown.
    expect(marsden.placed).toEqual({ suppressed: true });
    expect([marsden.posted, marsden.notPlaced].filter((f) => typeof f === 'object')).not.toEqual([]);
    expect(marsden.open).toBe(0);
    expect(marsden.toAcceptance).toEqual({ count: { suppressed: true }, medianSeconds: null, p90Seconds: null });
    expect(marsden.toFirstOffer).toEqual({ count: 2, medianSeconds: Number(m.median), p90Seconds: Number(m.p90) });
    // Holmfirth's one open request is a count of one person: hidden.
    const holmfirth = figures.rows.find((r) => r.locality === 'Holmfirth')!;
    expect(holmfirth.open).toEqual({ suppressed: true });
    expect(holmfirth.posted).toEqual({ suppressed: true });
    expect(figures.total.open).toEqual({ suppressed: true });
  });

  it('sends nothing personal in any message and keeps nothing personal in any hub table', async () => {
    const brokerage = traffic.filter((t) => t.subject.includes('.msg.brokerage.'));
    expect(brokerage.length).toBeGreaterThan(10);
    const allowed = new Set([
      'requestId',
      'locality',
      'serviceTypes',
      'hoursPerWeek',
      'visitPattern',
      'visitsPerDay',
      'daysPerWeek',
      'timesOfDay',
      'carersPerVisit',
      'startsOn',
      'fundingType',
      'answerBy',
      'postedAt',
      'answer',
      'canStartOn',
      'timesOfDayCovered',
      'daysPerWeekCovered',
      'declineReason',
      'note',
      'answeredAt',
      'councilReference',
      'acceptedAt',
      'reason',
      'goneAt',
      'answerWasLate',
    ]);
    const keysOf = (v: unknown): string[] =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];
    for (const { subject, text } of brokerage) {
      const payload = JSON.parse(text).payload;
      expect({ subject, requestId: typeof payload?.requestId }).toEqual({ subject, requestId: 'string' });
      expect({ subject, unknown: keysOf(payload).filter((k) => !allowed.has(k)) }).toEqual({ subject, unknown: [] });
      // The council's reference goes to the co-op whose offer was accepted, and nowhere else.
      if (references.some((r) => text.includes(r))) expect(subject).toMatch(/\.msg\.brokerage\.package-accepted/);
    }
    const withReference = brokerage.filter((t) => references.some((r) => t.text.includes(r)));
    expect(withReference.length).toBeGreaterThanOrEqual(2);
    const names = ['Edith Crabtree', 'Ezra Haigh'];
    const ids = [
      ...(await mesh.nodeQuery<{ id: string }>(MARSDEN, 'SELECT id FROM service_user')).map((r) => r.id),
      ...(await mesh.nodeQuery<{ id: string }>(SLAITH, 'SELECT id FROM staff')).map((r) => r.id),
    ];
    for (const { subject, text } of traffic)
      for (const s of [...names, ...ids]) expect({ subject, leaks: text.includes(s) }).toEqual({ subject, leaks: false });
    const tables = await mesh.hubQuery<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { t } of tables) {
      const [row] = await mesh.hubQuery<{ all: string | null }>(`SELECT string_agg(to_jsonb(x)::text, E'\\n') AS all FROM "${t}" x`);
      for (const s of [...names, ...ids, '1940-05-01', '1 Mill Lane'])
        expect({ t, leaks: (row.all ?? '').includes(s) }).toEqual({ t, leaks: false });
    }
    const columns = await mesh.hubQuery<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'brokerage%'",
    );
    expect(columns.map((c) => c.column_name).filter((c) => /name|birth|address|postcode|nhs|health|diagnos/.test(c))).toEqual([]);
  });

  it('answers as its OpenAPI documents say, on the hub and on the node', async () => {
    const hub = await AnswerSchemas.of(mesh.hub().anonymous());
    const node = await AnswerSchemas.of(mesh.node(MARSDEN).anonymous());
    const today = ukDay();
    const answers: [AnswerSchemas, string, unknown][] = [
      [hub, 'GET /brokerage/requests', (await commissioner.get('/brokerage/requests').expect(200)).body],
      [hub, 'GET /brokerage/figures', (await staff.get(`/brokerage/figures?from=${today}&to=${today}`).expect(200)).body],
      [node, 'GET /brokerage/requests', (await admin(MARSDEN).get('/brokerage/requests').expect(200)).body],
      [node, 'GET /brokerage/placements', (await admin(MARSDEN).get('/brokerage/placements').expect(200)).body],
    ];
    for (const p of answers[3][2] as { requestId: string }[])
      answers.push([
        node,
        'GET /brokerage/placements/{id}',
        (await admin(MARSDEN).get(`/brokerage/placements/${p.requestId}`).expect(200)).body,
      ]);
    for (const id of postedIds) answers.push([hub, 'GET /brokerage/requests/{id}', await hubView(id)]);
    for (const r of answers[2][2] as NodeRequestSeen[])
      answers.push([
        node,
        'GET /brokerage/requests/{id}',
        (await admin(MARSDEN).get(`/brokerage/requests/${r.requestId}`).expect(200)).body,
      ]);
    for (const [schemas, route, body] of answers)
      expect({ route, problems: schemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
  });

  /** Sends an answer straight into a node's outbox, as a node whose answer crossed the hub's notice in flight would. */
  async function rawAnswer(coop: string, payload: BrokerageAnswerMadeV1) {
    const app = mesh.nodes.get(coop)!;
    const envelope = await app.get(DataSource).transaction((m) => app.get(OutboxService).enqueue(m, BROKERAGE_ANSWER_MADE_V1, payload, {}));
    app.get(OutboxRelay).nudge();
    const [row] = await waitFor(
      `the hub's receipt for ${envelope.id}`,
      () =>
        mesh.nodeQuery<{ status: string; last_error: string | null }>(coop, 'SELECT status, last_error FROM outbox_message WHERE id = $1', [
          envelope.id,
        ]),
      (r) => ['confirmed', 'rejected'].includes(r[0]?.status),
    );
    return row;
  }
});
