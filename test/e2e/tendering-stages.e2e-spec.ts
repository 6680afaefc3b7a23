import { randomUUID } from 'node:crypto';

import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { TENDERING_ENQUIRY_ASKED_V1, TENDERING_OFFER_MADE_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock } from '@app/platform';

import { TenderDeadlineJob } from '../../apps/consortium-hub/src/tendering/tender-deadline.job';
import { aStaffMember, aTimedTender } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ocdsPackageValidator } from '../support/ocds';
import { AnswerSchemas } from '../support/openapi-answers';
import { sweepNow } from '../support/sweep-now';
import { waitFor } from '../support/wait-for';

/** What these tests read of the views (bodies are plain JSON). */
interface LotSeen {
  id: string;
  lotId: string;
  reference: string;
  lotVersion: number;
  deadline: string;
  offersClosedAt: string | null;
}
interface EnquirySeen {
  id: string;
  question: string;
  ours: boolean;
  status: string;
  answer: string | null;
  coopId?: string;
  sharedWith?: string[];
}
interface InvitationSeen {
  enquiries: EnquirySeen[];
  lots: LotSeen[];
}
interface ReleaseSeen {
  tag: string[];
  tender: Record<string, unknown>;
  awards: { status: string }[];
  contracts: { status: string; period: object }[];
}
interface HistorySeen {
  to: string;
  by: string;
  note: string | null;
}

/**
 * A tender run by its dates, as procurement law runs them, with a hub and two nodes on real
 * PostgreSQL and NATS, every clock set by the test (never a deadline waited for): questions in the
 * enquiry period shared with every invited co-op (and one invited later) without naming the asker,
 * a question after the period refused on the node and on the hub, an offer changed before its lot's
 * deadline and refused after it, stages moving by date, the eight working day standstill over Easter,
 * a challenge holding the contracts until its outcome, contracts reaching the nodes only then and
 * exactly once, and the OCDS release with every period, valid against the 1.1.5 schema.
 */
describe('tender stages by date', () => {
  const mesh = new TestMesh();
  const MARSDEN = 'marsden-care';
  const HOLME = 'holme-care';
  const COOPS = [MARSDEN, HOLME];
  const staff = mesh.hub().as('consortium-staff');
  const commissioner = mesh.hub().as('commissioner');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  /** Monday 1 March 2027: questions to Thursday noon, lot 1 to Wednesday week, the tender to the Wednesday after. */
  const START = new Date('2027-03-01T09:00:00Z');
  const body = aTimedTender(START, { title: 'Home care in Marsden, 2027-2029' });
  const traffic: { subject: string; text: string }[] = [];
  let tap: NatsConnection;
  let sub: Subscription;
  let tenderId: string;
  let lots: LotSeen[];
  const ocds: Record<string, object> = {};

  /** A time the clock was set to, read back once it has ticked on (a test's steps take well under a minute). */
  const ticked = (at: string) => expect.stringMatching(new RegExp(`^${at.slice(0, 16)}:`));
  /** Every app's clock to the same moment, as if that much time had passed. */
  const setClocks = (at: Date) => {
    mesh.hubClock().setTo(at);
    for (const coop of COOPS) mesh.nodeClock(coop).setTo(at);
  };
  /** One sweep of the hub's dated steps, as its timer would run it at the clock's time. */
  const sweep = () => sweepNow(() => mesh.hubApp!.get(TenderDeadlineJob).sweep());
  const tender = async (reader = staff) => (await reader.get(`/tenders/${tenderId}`).expect(200)).body;
  const invitation = (coop: string, accept: (b: InvitationSeen) => boolean = Boolean) =>
    waitFor(
      `${coop}'s invitation`,
      async (): Promise<InvitationSeen> => (await admin(coop).get(`/tendering/invitations/${tenderId}`)).body,
      (b) => !!b?.lots && accept(b),
    );
  const hubAnswer = (coop: string, id: string) =>
    waitFor(
      `the hub's answer to ${id}`,
      async () =>
        (
          await mesh.nodeQuery<{ status: string; last_error: string | null }>(
            coop,
            'SELECT status, last_error FROM outbox_message WHERE id = $1',
            [id],
          )
        )[0],
      (r) => ['confirmed', 'rejected'].includes(r?.status),
    );
  /** A message straight into the node's outbox, as a careless client or an older node would send it. */
  const raw = async <P extends object>(coop: string, def: Parameters<OutboxService['enqueue']>[1], payload: P) => {
    const app = mesh.nodes.get(coop)!;
    const occurredAt = app.get(Clock).now();
    const envelope = await app
      .get(DataSource)
      .transaction((m) => app.get(OutboxService).enqueue(m, def as typeof TENDERING_OFFER_MADE_V1, payload as never, { occurredAt }));
    app.get(OutboxRelay).nudge();
    return hubAnswer(coop, envelope.id);
  };
  const contractsOn = (coop: string) =>
    mesh.nodeQuery<{ id: string }>(coop, 'SELECT id FROM tender_contract WHERE tender_id = $1', [tenderId]);

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    sub = tap.subscribe(`${mesh.root}.>`, {
      callback: (_e, m) => traffic.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }),
    });
    await mesh.startHub({ TEST_CLOCK: 'true' });
    await mesh.startNode(MARSDEN, { COOP_LOCALITIES: 'Marsden', COOP_SERVICES: 'personal-care', TEST_CLOCK: 'true' });
    await mesh.startNode(HOLME, { COOP_LOCALITIES: 'Holmfirth', COOP_SERVICES: 'personal-care', TEST_CLOCK: 'true' });
    for (const coop of COOPS) {
      await admin(coop)
        .post('/staff')
        .send(aStaffMember({ fullName: `Carer of ${coop}`, contractedMinutesPerWeek: 37.5 * 60, startedOn: '2026-01-05' }))
        .expect(201);
    }
    await waitFor(
      'both co-ops registered',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 2,
    );
    setClocks(START);
  }, 120_000);

  afterAll(async () => {
    sub?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  it('refuses a timetable out of order: questions after the deadline, a lot closing after the tender', async () => {
    const late = await staff
      .post('/tenders')
      .send({ ...body, enquiryPeriod: { endDate: body.deadline } })
      .expect(400);
    expect(late.body).toMatchObject({ code: 'TENDERING.ENQUIRY_PERIOD' });
    const lotLate = await staff
      .post('/tenders')
      .send({ ...body, lots: [{ ...body.lots[0], deadline: '2027-03-18T12:00:00Z' }] })
      .expect(400);
    expect(lotLate.body.message).toBe("lot 1: deadline 2027-03-18T12:00:00.000Z is after the tender's deadline 2027-03-17T12:00:00.000Z");
    const bad = await staff
      .post('/tenders')
      .send({ ...body, enquiryPeriod: { endDate: 'soon' } })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('enquiryPeriod.endDate');
  });

  it('enters the tender with its enquiry period and lot deadline, and invites the co-op serving it', async () => {
    tenderId = (await staff.post('/tenders').send(body).expect(201)).body.id;
    const res = await staff.post(`/tenders/${tenderId}/invitations`).send({}).expect(201);
    expect(res.body.lots.map((l: { invited: string[] }) => l.invited)).toEqual([[MARSDEN], [MARSDEN]]);
    const t = await tender();
    lots = t.lots;
    expect(t.enquiryPeriod).toEqual({ startDate: ticked(START.toISOString()), endDate: '2027-03-04T12:00:00.000Z', closedAt: null });
    expect(lots.map((l) => [l.reference, l.deadline])).toEqual([
      ['1', '2027-03-10T12:00:00.000Z'],
      ['2', '2027-03-17T12:00:00.000Z'],
    ]);
    const inv = await invitation(MARSDEN);
    expect(inv).toMatchObject({ enquiryPeriod: { startDate: null, endDate: '2027-03-04T12:00:00.000Z' }, enquiries: [] });
    expect(inv.lots.map((l) => l.deadline)).toEqual(['2027-03-10T12:00:00.000Z', '2027-03-17T12:00:00.000Z']);
  });

  let first: string;
  it('takes a question asked on the node to the hub, and its answer back to the asker', async () => {
    const asked = await admin(MARSDEN)
      .post(`/tendering/invitations/${tenderId}/enquiries`)
      .send({ question: 'May the hours of lot 1 be delivered as two shorter visits a day?', lotId: lots[0].id })
      .expect(202);
    first = asked.body.enquiryId;
    expect(await hubAnswer(MARSDEN, first)).toEqual({ status: 'confirmed', last_error: null });
    const onHub = (await tender()).enquiries;
    expect(onHub).toEqual([expect.objectContaining({ id: first, coopId: MARSDEN, answer: null, sharedWith: [] })]);
    const answered = await staff
      .post(`/tenders/${tenderId}/enquiries/${first}/answer`)
      .send({ answer: 'Yes, as long as the weekly hours are met.' })
      .expect(201);
    expect(answered.body).toEqual({ sharedWith: 1 });
    const inv = await invitation(MARSDEN, (b) => b.enquiries[0]?.status === 'answered');
    expect(inv.enquiries).toEqual([
      expect.objectContaining({ id: first, ours: true, status: 'answered', answer: 'Yes, as long as the weekly hours are met.' }),
    ]);
    const twice = await staff.post(`/tenders/${tenderId}/enquiries/${first}/answer`).send({ answer: 'Again' }).expect(409);
    expect(twice.body.code).toBe('TENDERING.ALREADY_ANSWERED');
  });

  it('shares every answer with a co-op invited later, never naming who asked; its own question reaches both nodes', async () => {
    await admin(HOLME)
      .patch('/profile')
      .send({ localities: ['Holmfirth', 'Marsden'] })
      .expect(200);
    await waitFor(
      'Holme serving Marsden on the hub',
      async () => (await staff.get(`/coops/${HOLME}`)).body,
      (c) => c.localities?.includes('Marsden'),
    );
    // A change to lot 2 invites whoever serves it now.
    const changed = await staff.patch(`/tenders/${tenderId}/lots/${lots[1].id}`).send({ hoursPerWeek: 25 }).expect(200);
    expect(changed.body.invited[lots[1].id]).toEqual([HOLME, MARSDEN]);
    const got = await invitation(HOLME, (b) => b.enquiries.length === 1);
    expect(got.enquiries).toEqual([
      expect.objectContaining({ id: first, ours: false, status: 'answered', question: expect.stringContaining('two shorter visits') }),
    ]);
    const [shared] = await mesh.hubQuery<{ envelope: object }>(
      "SELECT envelope FROM outbox_message WHERE type = 'tendering.enquiry-answered' AND coop_id = $1",
      [HOLME],
    );
    expect(JSON.stringify(shared.envelope)).not.toContain(MARSDEN);

    const second = (
      await admin(HOLME)
        .post(`/tendering/invitations/${tenderId}/enquiries`)
        .send({ question: 'Is mileage between visits paid on top of the hourly rate?' })
        .expect(202)
    ).body.enquiryId;
    expect((await hubAnswer(HOLME, second)).status).toBe('confirmed');
    await staff.post(`/tenders/${tenderId}/enquiries/${second}/answer`).send({ answer: 'No: the hourly rate covers travel.' }).expect(201);
    for (const coop of COOPS) {
      const inv = await invitation(coop, (b) => b.enquiries.some((e) => e.id === second && e.status === 'answered'));
      expect({ coop, ours: inv.enquiries.find((e) => e.id === second)!.ours }).toEqual({ coop, ours: coop === HOLME });
    }
    // A commissioner reads the questions and answers as the co-ops do: without who asked.
    const seen = await tender(commissioner);
    expect(seen.enquiries.map((e: EnquirySeen) => e.answer)).toHaveLength(2);
    expect(JSON.stringify(seen.enquiries)).not.toMatch(new RegExp(`${MARSDEN}|${HOLME}|coopId|sharedWith`));
  });

  it('refuses a question once the enquiry period is over: on the node at once, on the hub if one gets through', async () => {
    setClocks(new Date('2027-03-04T12:00:00Z'));
    const refused = await admin(HOLME)
      .post(`/tendering/invitations/${tenderId}/enquiries`)
      .send({ question: 'Can we still ask about lot 2?' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'TENDERING.ENQUIRY_PERIOD_OVER',
      message: 'the enquiry period ended at 2027-03-04T12:00:00.000Z: no more questions',
    });
    const late = await raw(HOLME, TENDERING_ENQUIRY_ASKED_V1, { tenderId, enquiryId: randomUUID(), question: 'One that slipped through?' });
    expect(late).toEqual({
      status: 'rejected',
      last_error: expect.stringMatching(
        /^TENDERING.ENQUIRY_PERIOD_OVER: the question was asked at 2027-03-04T12:00:\S+, after the enquiry period ended at 2027-03-04T12:00:00.000Z$/,
      ),
    });
    expect((await tender()).enquiries).toHaveLength(2);
    await sweep();
    const t = await tender();
    expect(t.enquiryPeriod.closedAt).toBe('2027-03-04T12:00:00.000Z');
    expect(t.history.at(-1)).toMatchObject({ to: 'inviting', by: 'schedule', note: 'enquiry period ended at 2027-03-04T12:00:00.000Z' });
  });

  it('takes questions again when staff move the enquiry period on: both nodes are told, and it closes again by date', async () => {
    // Still 12:00 on Thursday 4 March: the period has just closed. A new end after the deadline is refused, naming it.
    const wrong = await staff
      .patch(`/tenders/${tenderId}`)
      .send({ enquiryPeriod: { endDate: '2027-03-18T12:00:00Z' } })
      .expect(400);
    expect(wrong.body).toMatchObject({
      code: 'TENDERING.ENQUIRY_PERIOD',
      message: 'enquiryPeriod.endDate 2027-03-18T12:00:00.000Z must be before the deadline 2027-03-17T12:00:00.000Z',
    });
    const nested = await staff
      .patch(`/tenders/${tenderId}`)
      .send({ enquiryPeriod: { endDate: 'Friday' } })
      .expect(400);
    expect(nested.body.message).toEqual([expect.stringMatching(/^enquiryPeriod\.endDate must be a date and time with a zone offset/)]);
    const was = (await tender()).enquiryPeriod;
    expect(was).toMatchObject({ endDate: '2027-03-04T12:00:00.000Z', closedAt: '2027-03-04T12:00:00.000Z' });

    await staff
      .patch(`/tenders/${tenderId}`)
      .send({ enquiryPeriod: { endDate: '2027-03-05T12:00:00Z' } })
      .expect(204);
    const moved = await tender();
    // Only the end was given: the period keeps its start.
    expect(moved.enquiryPeriod).toEqual({ ...was, endDate: '2027-03-05T12:00:00.000Z', closedAt: null });
    expect(moved.history.at(-1)).toMatchObject({
      to: 'inviting',
      note: "enquiry period's end moved from 2027-03-04T12:00:00.000Z to 2027-03-05T12:00:00.000Z",
    });
    for (const coop of COOPS)
      await invitation(coop, (b) => (b as { enquiryPeriod?: { endDate: string } }).enquiryPeriod?.endDate === '2027-03-05T12:00:00.000Z');
    const asked = await admin(HOLME)
      .post(`/tendering/invitations/${tenderId}/enquiries`)
      .send({ question: 'Now the period is longer: may lot 2 start a week later?' })
      .expect(202);
    expect(await hubAnswer(HOLME, asked.body.enquiryId)).toEqual({ status: 'confirmed', last_error: null });
    expect((await tender()).enquiries).toHaveLength(3);

    setClocks(new Date('2027-03-05T12:00:00Z'));
    await sweep();
    const closed = await tender();
    expect(closed.enquiryPeriod.closedAt).toBe('2027-03-05T12:00:00.000Z');
    expect(closed.history.at(-1)).toMatchObject({ by: 'schedule', note: 'enquiry period ended at 2027-03-05T12:00:00.000Z' });
  });

  it("takes a changed offer on a lot until the lot's deadline, the newer superseding the older, and refuses one after it", async () => {
    setClocks(new Date('2027-03-08T10:00:00Z'));
    const inv = await invitation(MARSDEN);
    const send = (hoursPerWeek: number, pricePencePerHour: number) =>
      admin(MARSDEN)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: inv.lots[0].lotId, hoursPerWeek, pricePencePerHour }], totalHoursPerWeek: 37 });
    const before = (await send(20, 2400).expect(202)).body.offers[0].messageId;
    expect((await hubAnswer(MARSDEN, before)).status).toBe('confirmed');
    setClocks(new Date('2027-03-10T11:59:00Z'));
    const changed = (await send(30, 2350).expect(202)).body.offers[0].messageId;
    expect((await hubAnswer(MARSDEN, changed)).status).toBe('confirmed');
    const offers = (await tender()).offers.filter((o: { lotId: string }) => o.lotId === lots[0].id);
    expect(offers.map((o: { messageId: string; status: string; hoursPerWeek: number }) => [o.messageId, o.status, o.hoursPerWeek])).toEqual(
      [
        [changed, 'current', 30],
        [before, 'superseded', 20],
      ],
    );

    setClocks(new Date('2027-03-10T12:00:00Z'));
    const refused = await send(35, 2300).expect(409);
    expect(refused.body).toMatchObject({
      code: 'TENDERING.AFTER_DEADLINE',
      message: 'offers on lot 1 closed at its deadline 2027-03-10T12:00:00.000Z',
    });
    const late = await raw(MARSDEN, TENDERING_OFFER_MADE_V1, {
      tenderId,
      lotId: lots[0].id,
      lotVersion: 1,
      hoursPerWeek: 35,
      pricePencePerHour: 2300,
      totalHoursPerWeek: 37,
    });
    expect(late.status).toBe('rejected');
    expect(late.last_error).toMatch(
      /^TENDERING.AFTER_DEADLINE: the offer was made at \S+, after offers on lot 1 closed at its deadline 2027-03-10T12:00:00.000Z$/,
    );
    await sweep();
    const t = await tender();
    expect(t.stage).toBe('inviting');
    expect(t.lots.map((l: LotSeen) => [l.reference, l.offersClosedAt])).toEqual([
      ['1', '2027-03-10T12:00:00.000Z'],
      ['2', null],
    ]);
    expect(t.history.at(-1)).toMatchObject({ by: 'schedule', note: 'lot 1 closed for offers at its deadline 2027-03-10T12:00:00.000Z' });
    // Lot 2 still takes offers: it closes with the tender.
    const inv2 = await invitation(HOLME);
    const lot2 = (
      await admin(HOLME)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: inv2.lots.find((l) => l.reference === '2')!.lotId, hoursPerWeek: 25, pricePencePerHour: 2450 }] })
        .expect(202)
    ).body.offers[0].messageId;
    expect((await hubAnswer(HOLME, lot2)).status).toBe('confirmed');
  });

  it('closes the tender at its deadline by the clock, and assembles the bid', async () => {
    setClocks(new Date('2027-03-17T11:59:59Z'));
    await sweep();
    expect((await tender()).stage).toBe('inviting');
    setClocks(new Date('2027-03-17T12:00:00Z'));
    await sweep();
    const t = await tender();
    expect(t).toMatchObject({ stage: 'assembling', offersClosedAt: '2027-03-17T12:00:00.000Z' });
    expect(t.bid).toMatchObject({ requiredHoursPerWeek: 65, allocatedHoursPerWeek: 55, stale: false });
    await staff.post(`/tenders/${tenderId}/submission`).expect(201);
  });

  let standstillEndsAt: string;
  it('holds the contracts through a standstill of eight working days, counted over the Easter bank holidays', async () => {
    setClocks(new Date('2027-03-24T10:00:00Z'));
    const award = await staff
      .post(`/tenders/${tenderId}/award`)
      .send({ lots: lots.map((l) => ({ lotId: l.id, outcome: 'whole' })) })
      .expect(201);
    // Wednesday 24 March counts as the first day; Good Friday and Easter Monday do not: the eighth is Tuesday 6 April, ending at midnight BST.
    expect(award.body).toMatchObject({ stage: 'standstill', standstillEndsAt: '2027-04-06T23:00:00.000Z' });
    standstillEndsAt = award.body.standstillEndsAt;
    const t = await tender();
    expect(t.standstill).toEqual({
      startDate: ticked('2027-03-24T10:00'),
      endDate: standstillEndsAt,
      lastWorkingDay: '2027-04-06',
      openChallenges: 0,
    });
    expect(t.contracts.map((c: { releasedAt: string | null }) => c.releasedAt)).toEqual([null, null]);
    const [{ n }] = await mesh.hubQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_message WHERE type = 'tendering.contract-awarded'",
    );
    expect(n).toBe(0);
    ocds.standstill = (await commissioner.get(`/tenders/${tenderId}/ocds/award`).expect(200)).body;
  });

  let challengeId: string;
  it('records a challenge during the standstill, which holds the contracts past its end', async () => {
    setClocks(new Date('2027-03-30T12:00:00Z'));
    const early = await staff
      .post(`/tenders/${tenderId}/challenges`)
      .send({ challenger: 'Calder Home Care Ltd', madeAt: '2027-03-23T09:00:00Z', grounds: 'The price weighting was not applied.' })
      .expect(400);
    expect(early.body.code).toBe('TENDERING.CHALLENGE_DATE');
    challengeId = (
      await staff
        .post(`/tenders/${tenderId}/challenges`)
        .send({ challenger: 'Calder Home Care Ltd', madeAt: '2027-03-29T09:00:00Z', grounds: 'The price weighting was not applied.' })
        .expect(201)
    ).body.id;
    setClocks(new Date(Date.parse(standstillEndsAt) + 60_000));
    await sweep();
    const t = await tender();
    expect(t).toMatchObject({ stage: 'standstill', finalAt: null, standstill: { openChallenges: 1 } });
    expect(t.challenges).toEqual([expect.objectContaining({ id: challengeId, challenger: 'Calder Home Care Ltd', outcome: null })]);
    for (const coop of COOPS) expect(await contractsOn(coop)).toEqual([]);
  });

  it('makes the award final when the challenge is dismissed: the contracts reach the nodes, exactly once', async () => {
    const outcome = await staff
      .post(`/tenders/${tenderId}/challenges/${challengeId}/outcome`)
      .send({ outcome: 'dismissed', note: 'The council found the weighting applied.' })
      .expect(201);
    expect(outcome.body).toEqual({ stage: 'awarded' });
    const t = await tender();
    const mine = (coop: string) => t.contracts.filter((c: { coopId: string }) => c.coopId === coop).map((c: { id: string }) => c.id);
    expect(mine(MARSDEN)).toHaveLength(1);
    expect(mine(HOLME)).toHaveLength(1);
    for (const coop of COOPS) {
      const onNode = await waitFor(
        `${coop}'s contract`,
        () => contractsOn(coop),
        (r) => r.length > 0,
      );
      expect(onNode.map((c) => c.id)).toEqual(mine(coop));
    }
    await sweep();
    await sweep();
    const sent = await mesh.hubQuery<{ coop_id: string; n: number }>(
      "SELECT coop_id, count(*)::int AS n FROM outbox_message WHERE type = 'tendering.contract-awarded' GROUP BY coop_id ORDER BY coop_id",
    );
    expect(sent).toEqual([
      { coop_id: HOLME, n: 1 },
      { coop_id: MARSDEN, n: 1 },
    ]);
    for (const coop of COOPS) {
      const applied = await mesh.nodeQuery<{ n: number }>(
        coop,
        "SELECT count(*)::int AS n FROM inbox_message WHERE type = 'tendering.contract-awarded' AND outcome = 'applied'",
      );
      expect(applied).toEqual([{ n: 1 }]);
    }
    const again = await staff
      .post(`/tenders/${tenderId}/challenges`)
      .send({ challenger: 'Calder Home Care Ltd', madeAt: '2027-04-07T09:00:00Z', grounds: 'Too late now.' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'TENDERING.NOT_IN_STANDSTILL', details: { currentStage: 'awarded' } });
  });

  it('publishes every period in OCDS, valid against the 1.1.5 schema with the lots extension', async () => {
    ocds.tender = (await commissioner.get(`/tenders/${tenderId}/ocds/tender`).expect(200)).body;
    ocds.award = (await commissioner.get(`/tenders/${tenderId}/ocds/award`).expect(200)).body;
    const release = (ocds.award as { releases: ReleaseSeen[] }).releases[0];
    expect(release.tag).toEqual(['award', 'contract']);
    expect(release.tender).toMatchObject({
      tenderPeriod: { startDate: ticked(START.toISOString()), endDate: '2027-03-17T12:00:00.000Z' },
      enquiryPeriod: { startDate: ticked(START.toISOString()), endDate: '2027-03-05T12:00:00.000Z' },
      hasEnquiries: true,
      awardPeriod: { startDate: ticked('2027-03-24T10:00'), endDate: standstillEndsAt },
    });
    // Each question answered, with its answer, as every invited co-op got it; never who asked.
    const answered = (await tender()).enquiries.filter((e: { answer: string | null }) => e.answer !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(release.tender.enquiries).toEqual(
      answered.map((e: { id: string; question: string; answer: string }) =>
        expect.objectContaining({ id: e.id, description: e.question, answer: e.answer, dateAnswered: expect.any(String) }),
      ),
    );
    for (const coop of COOPS) expect(JSON.stringify(release.tender)).not.toContain(coop);
    expect(release.awards.map((a) => a.status)).toEqual(['active', 'active']);
    expect(release.contracts.map((c) => c.status)).toEqual(['active', 'active']);
    const held = (ocds.standstill as { releases: ReleaseSeen[] }).releases[0];
    expect([held.awards.map((a) => a.status), held.contracts.map((c) => c.status)]).toEqual([
      ['pending', 'pending'],
      ['pending', 'pending'],
    ]);
    const validate = ocdsPackageValidator();
    for (const [stage, pkg] of Object.entries(ocds)) {
      const ok = validate(pkg);
      expect({ stage, errors: ok ? [] : validate.errors }).toEqual({ stage, errors: [] });
    }
  });

  it('shows each dated step in the history, by the schedule, and answers as its OpenAPI document says', async () => {
    const t = await tender();
    const byDate = t.history.filter((h: HistorySeen) => h.by === 'schedule').map((h: HistorySeen) => h.note);
    expect(byDate).toEqual([
      'enquiry period ended at 2027-03-04T12:00:00.000Z',
      'enquiry period ended at 2027-03-05T12:00:00.000Z',
      'lot 1 closed for offers at its deadline 2027-03-10T12:00:00.000Z',
      'offers closed at the deadline',
    ]);
    expect(t.history.slice(-2)).toEqual([
      expect.objectContaining({ to: 'standstill', note: 'challenge by Calder Home Care Ltd dismissed' }),
      expect.objectContaining({
        from: 'standstill',
        to: 'awarded',
        note: 'standstill ended at 2027-04-06T23:00:00.000Z with no challenge open: 2 contracts final and sent',
      }),
    ]);
    const schemas = await AnswerSchemas.of(mesh.hub().anonymous());
    for (const [route, answer] of [
      ['GET /tenders/{id}', t],
      ['GET /tenders/{id}', await tender(commissioner)],
    ] as const)
      expect({ route, problems: schemas.problems(route, 200, answer) }).toEqual({ route, problems: [] });
  });

  it('sets an award aside when a challenge is upheld: nothing reaches the nodes, and the council decides again', async () => {
    setClocks(new Date('2027-05-03T09:00:00Z'));
    const id = (
      await staff
        .post('/tenders')
        .send(aTimedTender(new Date('2027-05-03T09:00:00Z'), { enquiryPeriod: undefined }))
        .expect(201)
    ).body.id;
    await staff.post(`/tenders/${id}/invitations`).send({}).expect(201);
    const inv = await waitFor(
      'the second invitation',
      async () => (await admin(MARSDEN).get(`/tendering/invitations/${id}`)).body,
      (b) => !!b?.lots,
    );
    const sent = await admin(MARSDEN)
      .post(`/tendering/invitations/${id}/offers`)
      .send({ offers: [{ lotId: inv.lots[0].lotId, hoursPerWeek: 10, pricePencePerHour: 2400 }], totalHoursPerWeek: 10 })
      .expect(202);
    expect((await hubAnswer(MARSDEN, sent.body.offers[0].messageId)).status).toBe('confirmed');
    const asking = await admin(MARSDEN)
      .post(`/tendering/invitations/${id}/enquiries`)
      .send({ question: 'Is there an enquiry period on this one?' })
      .expect(409);
    expect(asking.body.code).toBe('TENDERING.NO_ENQUIRY_PERIOD');
    await staff.post(`/tenders/${id}/assembly`).expect(201);
    await staff.post(`/tenders/${id}/submission`).expect(201);
    const lotIds = (await staff.get(`/tenders/${id}`).expect(200)).body.lots.map((l: LotSeen) => l.id);
    const award = await staff
      .post(`/tenders/${id}/award`)
      // Lot 1 won whole (Marsden's 10 hours); lot 2 had no offer and is lost.
      .send({ lots: lotIds.map((lotId: string, i: number) => ({ lotId, outcome: i === 0 ? 'whole' : 'lost' })) })
      .expect(201);
    // Monday 3 May 2027 is the Early May bank holiday: the period begins on Tuesday 4 May.
    expect(award.body).toMatchObject({ stage: 'standstill', standstillEndsAt: '2027-05-13T23:00:00.000Z' });
    setClocks(new Date('2027-05-04T10:00:00Z'));
    const challenge = (
      await staff
        .post(`/tenders/${id}/challenges`)
        .send({ challenger: 'Calder Home Care Ltd', madeAt: '2027-05-04T09:30:00Z', grounds: 'The lot was not advertised widely enough.' })
        .expect(201)
    ).body.id;
    const upheld = await staff
      .post(`/tenders/${id}/challenges/${challenge}/outcome`)
      .send({ outcome: 'upheld', note: 'The council will decide again.' })
      .expect(201);
    expect(upheld.body).toEqual({ stage: 'submitted' });
    const after = (await staff.get(`/tenders/${id}`).expect(200)).body;
    expect(after).toMatchObject({ stage: 'submitted', decidedAt: null, standstill: null, contracts: [] });
    expect(after.challenges).toEqual([expect.objectContaining({ outcome: 'upheld', outcomeNote: 'The council will decide again.' })]);
    const held = await mesh.hubQuery(
      "SELECT 1 FROM outbox_message WHERE type IN ('tendering.contract-awarded', 'tendering.lot-lost') AND envelope->'payload'->>'tenderId' = $1",
      [id],
    );
    expect(held).toEqual([]);
    expect(await mesh.nodeQuery(MARSDEN, 'SELECT 1 FROM tender_contract WHERE tender_id = $1', [id])).toEqual([]);
    // The council's new decision: lost outright, so there is nothing to hold and the co-op is told at once.
    const lost = await staff
      .post(`/tenders/${id}/award`)
      .send({ lots: lotIds.map((lotId: string) => ({ lotId, outcome: 'lost' })) })
      .expect(201);
    expect(lost.body).toEqual({ stage: 'lost', standstillEndsAt: null, contracts: [] });
    await waitFor(
      'the lost lot on the node',
      async () => (await admin(MARSDEN).get(`/tendering/invitations/${id}`)).body,
      (b) => b.lots[0]?.outcome === 'lost',
    );
  });

  it('sent nothing personal across NATS: no carer, no person supported, and no asker named to another co-op', async () => {
    const names = new Set<string>();
    for (const coop of COOPS)
      for (const r of await mesh.nodeQuery<{ full_name: string }>(coop, 'SELECT full_name FROM staff')) names.add(r.full_name);
    const tendering = traffic.filter((t) => t.subject.includes('.msg.tendering.'));
    expect(tendering.some((t) => t.subject.endsWith('tendering.enquiry-answered'))).toBe(true);
    for (const { subject, text } of traffic)
      for (const name of names) expect({ subject, leaks: text.includes(name) }).toEqual({ subject, leaks: false });
    for (const { subject, text } of tendering.filter((t) => t.subject.endsWith('tendering.enquiry-answered')))
      expect({ subject, names: COOPS.filter((c) => text.includes(`"${c}"`) && !subject.includes(`.${c}.`)) }).toEqual({
        subject,
        names: [],
      });
  });
});
