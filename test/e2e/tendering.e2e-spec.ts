import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { TENDERING_OFFER_MADE_V1, TenderOfferMadeV1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { TenderDeadlineJob } from '../../apps/consortium-hub/src/tendering/tender-deadline.job';
import { aServiceUser, aStaffMember, aVisit } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { ocdsPackageValidator } from '../support/ocds';
import { AnswerSchemas } from '../support/openapi-answers';
import { ukDay, ukQuarter } from '../support/uk-day';
import { waitFor } from '../support/wait-for';

/** What these tests read of the tendering views, hub and node (bodies are plain JSON). */
interface LotSeen {
  id: string;
  reference: string;
  hoursPerWeek: number;
  status: string;
  locality: string;
  lotVersion: number;
  ceilingPencePerHour: number;
  outcome: string;
  suggestion: { hoursPerWeek: number };
  lastOffer: { hubAnswer: string };
  allocatedHoursPerWeek: number;
  uncoveredHoursPerWeek: number;
}
interface TenderSeen {
  id: string;
  stage: string;
  lots: LotSeen[];
}
interface Invitation {
  status: string;
  offersClosedAt: string | null;
  lots: LotSeen[];
}
interface AllocationSeen {
  coopId: string;
  lotReference: string;
  hoursPerWeek: number;
}
interface ContractSeen {
  contractId: string;
  coopId: string;
  lotReference: string;
  hoursPerWeek: number;
  deliveredHours: number;
  contractedHours: number;
}
interface OfferSeen {
  coopId: string;
  status: string;
  withdrawnReason: string | null;
}
interface FigureSeen {
  metric: string;
  breakdown: object | null;
  value: number | null;
}
/** An OCDS release package as far as these tests read it; the official schema checks the rest. */
interface OcdsPackageSeen {
  uri: string;
  releases: { tender: { lots: { title: string }[] }; awards: { status: string }[] }[];
}

/**
 * Joint tendering end to end, with real nodes over NATS: a council tender from invitation to award
 * to contracts on the nodes, a node that was offline during the invitation offering once back,
 * refusals with reasons (above the ceiling, changed lot, after the deadline), the deadline moving the
 * tender by itself, and the OCDS exports validated against the official schemas.
 */

describe('joint tendering', () => {
  const mesh = new TestMesh();
  const ocdsPackages: Record<string, OcdsPackageSeen> = {};
  const MARSDEN = 'marsden-care';
  const HOLME = 'holme-care';
  const PRESTON = 'preston-care';
  const COOPS: Record<string, { localities: string; services: string; carers: number[] }> = {
    [MARSDEN]: { localities: 'Marsden,Slaithwaite', services: 'personal-care,befriending', carers: [37.5, 37.5] },
    [HOLME]: { localities: 'Holmfirth,Honley', services: 'personal-care', carers: [30] },
    [PRESTON]: { localities: 'Preston,Fulwood', services: 'personal-care,domestic-help', carers: [37.5, 37.5] },
  };
  const staff = mesh.hub().as('consortium-staff');
  const commissioner = mesh.hub().as('commissioner');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const day = (offsetDays: number) => ukDay(offsetDays);
  const STARTS = day(-14);
  const ENDS = day(365);
  const traffic: { subject: string; text: string }[] = [];
  const PUBLIC_BASE = 'https://hub.example.coop';
  let tap: NatsConnection;
  let sub: Subscription;

  /** Every tender detail read along the way, to check against the OpenAPI document at the end. */
  const detailsSeen: { reader: string; body: TenderSeen }[] = [];
  const tenderOf = async (id: string, reader = staff) => {
    const body = (await reader.get(`/tenders/${id}`).expect(200)).body;
    detailsSeen.push({ reader: reader === commissioner ? 'commissioner' : 'staff', body });
    return body;
  };
  const lotByRef = (tender: { lots: { reference: string; id: string }[] }, reference: string) =>
    tender.lots.find((l) => l.reference === reference)!;
  const invitationOn = (coop: string, tenderId: string, accept: (inv: Invitation) => boolean = Boolean) =>
    waitFor(
      `${coop}'s invitation to ${tenderId}`,
      async () => (await admin(coop).get(`/tendering/invitations/${tenderId}`)).body,
      (b) => !!b?.lots && accept(b),
    );
  const outboxRow = (coop: string, id: string) =>
    waitFor(
      `the hub's answer to ${id}`,
      () =>
        mesh.nodeQuery<{ status: string; last_error: string | null }>(coop, 'SELECT status, last_error FROM outbox_message WHERE id = $1', [
          id,
        ]),
      (r) => ['confirmed', 'rejected'].includes(r[0]?.status),
    );
  /** Sends an offer straight into the node's outbox, as a node with an out-of-date or careless client would. */
  const rawOffer = async (coop: string, payload: TenderOfferMadeV1, occurredAt = new Date()) => {
    const app = mesh.nodes.get(coop)!;
    const envelope = await app
      .get(DataSource)
      .transaction((m) => app.get(OutboxService).enqueue(m, TENDERING_OFFER_MADE_V1, payload, { occurredAt }));
    app.get(OutboxRelay).nudge();
    return (await outboxRow(coop, envelope.id))[0];
  };

  beforeAll(async () => {
    tap = await connect({ servers: mesh.natsUrl });
    sub = tap.subscribe(`${mesh.root}.>`, {
      callback: (_e, m) => traffic.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }),
    });
    await mesh.startHub({ PUBLIC_BASE_URL: PUBLIC_BASE, TEST_CLOCK: 'true' });
    for (const [coop, c] of Object.entries(COOPS)) {
      await mesh.startNode(coop, { COOP_LOCALITIES: c.localities, COOP_SERVICES: c.services });
      for (const [i, hours] of c.carers.entries()) {
        await admin(coop)
          .post('/staff')
          .send(
            aStaffMember({
              fullName: `${coop} carer ${i + 1}`,
              contractedMinutesPerWeek: hours * 60,
              startedOn: day(-60),
              locality: c.localities.split(',')[0],
            }),
          )
          .expect(201);
      }
    }
    await waitFor(
      'all three co-ops registered with their localities',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 3,
    );
  }, 180_000); // three seeded nodes: slow on a busy machine

  afterAll(async () => {
    sub?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  describe('a tender from invitation to award', () => {
    let tenderId: string;
    let tender: TenderSeen;

    it('lets a commissioner create a tender with lots, and staff split a lot into smaller ones whose hours add up', async () => {
      const created = await commissioner
        .post('/tenders')
        .send({
          title: 'Home care in Kirklees and Preston, 2027',
          buyer: 'Kirklees Council',
          deadline: new Date(Date.now() + 10 * 60_000).toISOString(),
          lots: [
            {
              title: 'Home care, Marsden',
              locality: 'Marsden',
              serviceType: 'personal-care',
              hoursPerWeek: 60,
              ceilingPencePerHour: 2500,
              startsOn: STARTS,
              endsOn: ENDS,
            },
            {
              title: 'Home care, Holmfirth',
              locality: 'Holmfirth',
              serviceType: 'personal-care',
              hoursPerWeek: 40,
              ceilingPencePerHour: 2500,
              startsOn: STARTS,
              endsOn: ENDS,
            },
            {
              title: 'Domestic help, Preston',
              locality: 'Preston',
              serviceType: 'domestic-help',
              hoursPerWeek: 30,
              ceilingPencePerHour: 2300,
              startsOn: STARTS,
              endsOn: ENDS,
            },
          ],
        })
        .expect(201);
      tenderId = created.body.id;
      tender = await tenderOf(tenderId);
      const bad = await staff
        .post(`/tenders/${tenderId}/lots/${lotByRef(tender, '1').id}/split`)
        .send({ parts: [{ hoursPerWeek: 35 }, { hoursPerWeek: 20 }] })
        .expect(400);
      expect(bad.body).toMatchObject({
        code: 'TENDERING.SPLIT_HOURS',
        message: 'the parts add up to 55 hours a week, but lot 1 has 60: they must add up exactly',
      });
      const split = await staff
        .post(`/tenders/${tenderId}/lots/${lotByRef(tender, '1').id}/split`)
        .send({ parts: [{ hoursPerWeek: 35 }, { hoursPerWeek: 25 }] })
        .expect(201);
      expect(split.body.lots.map((l: { reference: string }) => l.reference)).toEqual(['1.1', '1.2']);
      tender = await tenderOf(tenderId);
      expect(tender.lots.map((l: LotSeen) => [l.reference, l.hoursPerWeek, l.status, l.locality])).toEqual([
        ['1', 60, 'split', 'Marsden'],
        ['1.1', 35, 'open', 'Marsden'],
        ['1.2', 25, 'open', 'Marsden'],
        ['2', 40, 'open', 'Holmfirth'],
        ['3', 30, 'open', 'Preston'],
      ]);
      expect(tender.stage).toBe('draft');
    });

    it('refuses to submit a draft, naming the stage and what it allows', async () => {
      const res = await staff.post(`/tenders/${tenderId}/submission`).expect(409);
      expect(res.body).toMatchObject({
        code: 'TENDERING.STAGE_TRANSITION_REFUSED',
        details: { currentStage: 'draft', allowedActions: ['change-lots', 'invite', 'cancel'] },
      });
    });

    it('invites the co-ops serving each lot, and a named neighbour, even one offline at the time', async () => {
      await mesh.stopNode(HOLME);
      const res = await staff
        .post(`/tenders/${tenderId}/invitations`)
        .send({ alsoInvite: [PRESTON] })
        .expect(201);
      const invited = Object.fromEntries(res.body.lots.map((l: { reference: string; invited: string[] }) => [l.reference, l.invited]));
      expect(invited).toEqual({ '1.1': [MARSDEN, PRESTON], '1.2': [MARSDEN, PRESTON], '2': [HOLME, PRESTON], '3': [PRESTON] });
      const inv = await invitationOn(MARSDEN, tenderId);
      expect(inv.lots.map((l: { reference: string }) => l.reference)).toEqual(['1.1', '1.2']);
      // 75 contracted hours a week, no visits, no contracts: every hour is spare.
      expect(inv.capacity).toMatchObject({ contractedHoursPerWeek: 75, spareHoursPerWeek: 75 });
      expect(inv.lots.map((l: LotSeen) => l.suggestion)).toEqual([
        { lotId: lotByRef(tender, '1.1').id, hoursPerWeek: 35, pricePencePerHour: 2500, belowCost: false },
        { lotId: lotByRef(tender, '1.2').id, hoursPerWeek: 25, pricePencePerHour: 2500, belowCost: false },
      ]);
    });

    it("takes a co-op's adjusted offers, with a total it can take across the lots", async () => {
      const inv = await invitationOn(MARSDEN, tenderId);
      const sent = await admin(MARSDEN)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({
          offers: [
            { lotId: inv.lots[0].lotId, hoursPerWeek: 35, pricePencePerHour: 2400 },
            { lotId: inv.lots[1].lotId, hoursPerWeek: 25, pricePencePerHour: 2450 },
          ],
          totalHoursPerWeek: 40,
        })
        .expect(202);
      expect(sent.body).toMatchObject({ totalHoursPerWeek: 40, totalHoursPerWeekDefaulted: false });
      for (const o of sent.body.offers) expect((await outboxRow(MARSDEN, o.messageId))[0].status).toBe('confirmed');
      const after = await invitationOn(MARSDEN, tenderId);
      expect(after.lots.map((l: LotSeen) => l.lastOffer.hubAnswer)).toEqual(['accepted', 'accepted']);
      // Its own offers do not count against this tender's spare hours.
      expect(after.capacity).toMatchObject({ offeredElsewhereHoursPerWeek: 0, spareHoursPerWeek: 75 });
    });

    it('holds the hours a co-op has on offer back from its other open tenders, until it hears how they went', async () => {
      const other = (
        await staff
          .post('/tenders')
          .send({
            title: 'Befriending, Marsden',
            buyer: 'Kirklees Council',
            deadline: new Date(Date.now() + 10 * 60_000).toISOString(),
            lots: [
              {
                title: 'Befriending',
                locality: 'Marsden',
                serviceType: 'befriending',
                hoursPerWeek: 60,
                ceilingPencePerHour: 1800,
                startsOn: STARTS,
                endsOn: ENDS,
              },
            ],
          })
          .expect(201)
      ).body.id;
      await staff.post(`/tenders/${other}/invitations`).send({}).expect(201);
      const inv = await invitationOn(MARSDEN, other);
      // 75 hours, 40 of them on offer on the first tender (its 35 + 25, capped at the 40 stated): 35 spare.
      expect(inv.capacity).toMatchObject({ offeredElsewhereHoursPerWeek: 40, spareHoursPerWeek: 35 });
      expect(inv.suggestedTotalHoursPerWeek).toBe(35);
      expect(inv.lots[0].suggestion.hoursPerWeek).toBe(35);
      await staff.post(`/tenders/${other}/cancellation`).send({ reason: 'Entered by mistake' }).expect(201);
      await invitationOn(MARSDEN, other, (b) => b.status === 'cancelled');
    });

    it('refuses an offer above the ceiling with the reason: on the node at once, and on the hub if one gets through', async () => {
      const inv = await invitationOn(PRESTON, tenderId, (b) => b.lots.length === 4);
      const lot3 = inv.lots.find((l: { reference: string }) => l.reference === '3');
      const refused = await admin(PRESTON)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: lot3.lotId, hoursPerWeek: 30, pricePencePerHour: 2400 }] })
        .expect(400);
      expect(refused.body.code).toBe('TENDERING.ABOVE_CEILING');
      const row = await rawOffer(PRESTON, { tenderId, lotId: lot3.lotId, lotVersion: 1, hoursPerWeek: 30, pricePencePerHour: 2400 });
      expect(row).toEqual({
        status: 'rejected',
        last_error: "TENDERING.ABOVE_CEILING: pricePencePerHour 2,400p is above lot 3's ceiling of 2,300p an hour",
      });
      const onHub = (await tenderOf(tenderId)).offers.filter((o: { coopId: string }) => o.coopId === PRESTON);
      expect(onHub).toEqual([]);
    });

    it('takes offers from a neighbour co-op that is not local', async () => {
      const inv = await invitationOn(PRESTON, tenderId);
      const price = (ref: string) => (ref === '3' ? 2200 : 2000);
      const offers = inv.lots.map((l: { lotId: string; reference: string; hoursPerWeek: number }) => ({
        lotId: l.lotId,
        hoursPerWeek: l.hoursPerWeek,
        pricePencePerHour: price(l.reference),
      }));
      const sent = await admin(PRESTON)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers, totalHoursPerWeek: 50 })
        .expect(202);
      for (const o of sent.body.offers) expect((await outboxRow(PRESTON, o.messageId))[0].status).toBe('confirmed');
    });

    it('withdraws the offers on a lot that changes after invitations, re-invites, and refuses an offer on the old terms', async () => {
      const lot3 = lotByRef(tender, '3');
      const changed = await staff.patch(`/tenders/${tenderId}/lots/${lot3.id}`).send({ ceilingPencePerHour: 2250 }).expect(200);
      expect(changed.body).toEqual({
        lots: [{ id: lot3.id, reference: '3', version: 2 }],
        withdrawnFrom: [PRESTON],
        invited: { [lot3.id]: [PRESTON] },
      });
      const offers = (await tenderOf(tenderId)).offers.filter((o: { lotReference: string }) => o.lotReference === '3');
      expect(offers.map((o: OfferSeen) => [o.coopId, o.status, o.withdrawnReason])).toEqual([[PRESTON, 'withdrawn', 'lot-changed']]);
      const inv = await invitationOn(PRESTON, tenderId, (b) =>
        b.lots.some((l: LotSeen) => l.reference === '3' && l.lotVersion === 2 && l.status === 'open'),
      );
      expect(inv.lots.find((l: LotSeen) => l.reference === '3').ceilingPencePerHour).toBe(2250);
      const stale = await rawOffer(PRESTON, { tenderId, lotId: lot3.id, lotVersion: 1, hoursPerWeek: 30, pricePencePerHour: 2200 });
      expect(stale.last_error).toBe(
        'TENDERING.LOT_CHANGED: the offer answers version 1 of lot 3, whose terms have changed since (now version 2): offer again on the new terms',
      );
      const again = await admin(PRESTON)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: lot3.id, hoursPerWeek: 30, pricePencePerHour: 2200 }], totalHoursPerWeek: 50 })
        .expect(202);
      expect((await outboxRow(PRESTON, again.body.offers[0].messageId))[0].status).toBe('confirmed');
    });

    it('lets a node that was offline during the invitation offer once it is back, before the deadline', async () => {
      await mesh.startNode(HOLME, { COOP_LOCALITIES: COOPS[HOLME].localities, COOP_SERVICES: COOPS[HOLME].services });
      const inv = await invitationOn(HOLME, tenderId);
      expect(inv.lots.map((l: LotSeen) => [l.reference, l.suggestion.hoursPerWeek])).toEqual([['2', 30]]);
      const sent = await admin(HOLME)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: inv.lots[0].lotId, hoursPerWeek: inv.lots[0].suggestion.hoursPerWeek, pricePencePerHour: 2450 }] })
        .expect(202);
      // No total given: the node states its spare hours, so the hub can never give it more than it has.
      expect(sent.body).toMatchObject({ totalHoursPerWeek: 30, totalHoursPerWeekDefaulted: true });
      expect((await outboxRow(HOLME, sent.body.offers[0].messageId))[0].status).toBe('confirmed');
      const [onHub] = await mesh.hubQuery<{ total_hours_per_week: number }>(
        'SELECT total_hours_per_week FROM tender_offer WHERE message_id = $1',
        [sent.body.offers[0].messageId],
      );
      expect(onHub.total_hours_per_week).toBe(30);
    });

    it('never shows a commissioner the offers, and no bid before it is submitted', async () => {
      const seen = await tenderOf(tenderId, commissioner);
      expect(seen).toMatchObject({ stage: 'inviting', bid: null });
      expect(seen).not.toHaveProperty('offers');
      expect((await tenderOf(tenderId)).offers.length).toBeGreaterThan(0);
    });

    it('assembles a bid that never over-commits a co-op, prefers local co-ops, and reports what it cannot cover', async () => {
      const bid = (await staff.post(`/tenders/${tenderId}/assembly`).expect(201)).body;
      const hours = (coop: string, ref?: string) =>
        bid.allocations
          .filter((a: AllocationSeen) => a.coopId === coop && (!ref || a.lotReference === ref))
          .reduce((s: number, a: AllocationSeen) => s + a.hoursPerWeek, 0);
      // Marsden offered 60 hours but can take 40 in all; Preston 50; Holme 30: 120 of the 130 asked.
      expect([hours(MARSDEN), hours(PRESTON), hours(HOLME)]).toEqual([40, 50, 30]);
      expect(bid).toMatchObject({ requiredHoursPerWeek: 130, allocatedHoursPerWeek: 120, stale: false });
      // Preston is local only to lot 3, so all of its local hours go there, though it is cheaper than Marsden on lot 1.1.
      expect(hours(PRESTON, '3')).toBe(30);
      expect(hours(MARSDEN, '1.1')).toBe(35);
      expect(bid.localHoursPerWeek).toBe(100);
      expect(bid.uncoveredLots.reduce((s: number, l: LotSeen) => s + l.uncoveredHoursPerWeek, 0)).toBe(10);
      expect((await tenderOf(tenderId)).stage).toBe('assembling');
    });

    it('tells the nodes offers closed early, so a node refuses a new offer itself with a clear 409', async () => {
      const closedAt = (await tenderOf(tenderId)).offersClosedAt;
      for (const coop of [MARSDEN, HOLME, PRESTON]) {
        const inv = await invitationOn(coop, tenderId, (b) => b.offersClosedAt !== null);
        expect(inv).toMatchObject({ status: 'closed', offersClosedAt: closedAt });
      }
      const inv = await invitationOn(HOLME, tenderId);
      const refused = await admin(HOLME)
        .post(`/tendering/invitations/${tenderId}/offers`)
        .send({ offers: [{ lotId: inv.lots[0].lotId, hoursPerWeek: 10, pricePencePerHour: 2400 }] })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'TENDERING.OFFERS_CLOSED',
        message: expect.stringContaining(`the hub closed offers at ${closedAt}, before the deadline`),
      });
    });

    it('refuses an offer once offers are closed, and lots or terms that would change, naming the stage', async () => {
      const inv = await invitationOn(HOLME, tenderId);
      const late = await rawOffer(HOLME, { tenderId, lotId: inv.lots[0].lotId, lotVersion: 1, hoursPerWeek: 10, pricePencePerHour: 2400 });
      expect(late.last_error).toMatch(/^TENDERING.AFTER_DEADLINE: the offer was made at .*, after offers closed at /);
      const change = await staff
        .patch(`/tenders/${tenderId}/lots/${lotByRef(tender, '2').id}`)
        .send({ hoursPerWeek: 45 })
        .expect(409);
      expect(change.body).toMatchObject({
        code: 'TENDERING.LOTS_FIXED',
        message: 'the lots of a tender that is assembling can no longer change',
        details: { currentStage: 'assembling' },
      });
      const terms = await staff.patch(`/tenders/${tenderId}`).send({ title: 'Home care, 2027 (revised)' }).expect(409);
      expect(terms.body).toMatchObject({
        code: 'TENDERING.TENDER_FIXED',
        message: 'a tender that is assembling can no longer change',
        details: { currentStage: 'assembling' },
      });
    });

    it('submits the bid and records the award per lot as contracts, held through the standstill, then on the nodes', async () => {
      await staff.post(`/tenders/${tenderId}/submission`).expect(201);
      const seen = await tenderOf(tenderId, commissioner);
      expect(seen.bid.allocatedHoursPerWeek).toBe(120);
      // The commissioner sees what the bid covers, for how many hours and at what price: not who offered what.
      expect(seen).not.toHaveProperty('offers');
      expect(Object.keys(seen.bid).sort()).toEqual([
        'allocatedHoursPerWeek',
        'localHoursPerWeek',
        'lots',
        'requiredHoursPerWeek',
        'uncoveredLots',
        'weeklyPricePence',
      ]);
      expect(JSON.stringify(seen.bid)).not.toMatch(/coopId|totalHoursPerWeek|pricePencePerHour/);
      expect(seen.bid.lots.find((l: LotSeen) => l.reference === '1.1')).toMatchObject({
        allocatedHoursPerWeek: 35,
        weeklyPricePence: 35 * 2400,
      });
      const bidOn = (ref: string) => seen.bid.lots.find((l: LotSeen) => l.reference === ref).allocatedHoursPerWeek;
      const partial = bidOn('1.2') - 1;
      const award = await staff
        .post(`/tenders/${tenderId}/award`)
        .send({
          lots: [
            { lotId: lotByRef(tender, '1.1').id, outcome: 'whole' },
            { lotId: lotByRef(tender, '1.2').id, outcome: 'partial', hoursPerWeek: partial },
            { lotId: lotByRef(tender, '2').id, outcome: 'whole' },
            { lotId: lotByRef(tender, '3').id, outcome: 'lost' },
          ],
        })
        .expect(201);
      expect(award.body.stage).toBe('standstill');
      const contracts = award.body.contracts;
      // Held on the hub through the standstill: nothing has gone to a node yet.
      const sentSoFar = () =>
        mesh.hubQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_message WHERE type IN ('tendering.contract-awarded', 'tendering.lot-lost') AND envelope->'payload'->>'tenderId' = $1`,
          [tenderId],
        );
      expect(await sentSoFar()).toEqual([{ n: 0 }]);
      // The standstill's end, by the hub's clock: the sweep makes the award final and sends the contracts.
      mesh.hubClock().setTo(new Date(new Date(award.body.standstillEndsAt).getTime() + 1_000));
      await waitFor(
        'the standstill to end',
        async () => {
          await mesh.hubApp!.get(TenderDeadlineJob).sweep();
          return (await staff.get(`/tenders/${tenderId}`)).body;
        },
        (t) => t.stage === 'awarded',
      );
      mesh.hubClock().reset();
      expect(
        contracts.filter((c: ContractSeen) => c.lotReference === '1.2').reduce((s: number, c: ContractSeen) => s + c.hoursPerWeek, 0),
      ).toBe(partial);
      expect(contracts.filter((c: ContractSeen) => c.lotReference === '3')).toEqual([]);
      for (const coop of [MARSDEN, HOLME, PRESTON]) {
        const mine = contracts
          .filter((c: ContractSeen) => c.coopId === coop)
          .map((c: ContractSeen) => c.contractId)
          .sort();
        const onNode = await waitFor(
          `${coop}'s contracts`,
          async () =>
            (
              await admin(coop)
                .get(`/tendering/contracts?from=${STARTS}&to=${day(0)}`)
                .expect(200)
            ).body,
          (b: ContractSeen[]) => b.length === mine.length,
        );
        expect(onNode.map((c: ContractSeen) => c.contractId).sort()).toEqual(mine);
        for (const c of onNode)
          expect(c).toMatchObject({ buyer: 'Kirklees Council', startsOn: STARTS, endsOn: ENDS, period: { daysCovered: 15 } });
      }
      // Preston offered on every lot. Each lot's outcome is a message of its own, so wait for all four: lot 3, which the
      // council did not award, is lost and its hours are free again; the others are awarded or not allocated to Preston.
      const preston = await invitationOn(PRESTON, tenderId, (b) => b.lots.every((l: LotSeen) => l.outcome != null));
      expect(preston.lots.find((l: LotSeen) => l.reference === '3')?.outcome).toBe('lost');
      const outcomes = Object.fromEntries(preston.lots.map((l: LotSeen) => [l.reference, l.outcome]));
      const prestonWon = new Set(contracts.filter((c: ContractSeen) => c.coopId === PRESTON).map((c: ContractSeen) => c.lotReference));
      for (const ref of ['1.1', '1.2', '2'])
        expect({ ref, outcome: outcomes[ref] }).toEqual({ ref, outcome: prestonWon.has(ref) ? 'awarded' : 'not-allocated' });
      const [{ n }] = await mesh.hubQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'tendering.lot-lost' AND coop_id = $1`,
        [PRESTON],
      );
      expect(n).toBe(4 - prestonWon.size);
    });

    it('reports delivered against contracted hours per contract on the node', async () => {
      const person = (
        await admin(MARSDEN)
          .post('/service-users')
          .send(
            aServiceUser({
              fullName: 'Ada Sykes',
              dateOfBirth: '1938-02-03',
              address: '2 Mill Lane',
              locality: 'Marsden',
              fundingType: 'council-commissioned',
              startedOn: day(-30),
            }),
          )
          .expect(201)
      ).body;
      const [carer] = (await admin(MARSDEN).get('/staff').expect(200)).body.items;
      const held = (
        await admin(MARSDEN)
          .get(`/tendering/contracts?from=${STARTS}&to=${day(0)}`)
          .expect(200)
      ).body;
      // The visit names the contract it delivers: its hours count under that contract, measured, not inferred.
      const mainId = held.find((c: ContractSeen) => c.hoursPerWeek === 35).contractId;
      const visit = (
        await admin(MARSDEN)
          .post('/visits')
          .send(
            aVisit({
              serviceUserId: person.id,
              carerId: carer.id,
              plannedStart: `${day(-1)}T10:00:00Z`,
              plannedMinutes: 60,
              contractId: mainId,
            }),
          )
          .expect(201)
      ).body;
      await admin(MARSDEN).post(`/visits/${visit.id}/outcome`).send({ status: 'delivered', deliveredMinutes: 60 }).expect(200);
      const contracts = (
        await admin(MARSDEN)
          .get(`/tendering/contracts?from=${STARTS}&to=${day(0)}`)
          .expect(200)
      ).body;
      const delivered = contracts.reduce((s: number, c: ContractSeen) => s + c.deliveredHours, 0);
      expect(delivered).toBe(1);
      const main = contracts.find((c: ContractSeen) => c.hoursPerWeek === 35);
      expect(main).toMatchObject({ contractedHours: 75, deliveredHours: 1 });
      expect(main.deliveredPercent).toBeLessThan(2);

      // The same hours reach the co-op's quarterly return, as organisational figures by service type.
      const quarter = ukQuarter();
      const preview = (await admin(MARSDEN).get(`/reporting/returns/preview?period=${quarter}`).expect(200)).body;
      const { start, end } = preview.figures.period;
      const inQuarter = (await admin(MARSDEN).get(`/tendering/contracts?from=${start}&to=${end}`).expect(200)).body;
      const figure = (metric: string, breakdown: object | null = null) =>
        preview.outgoing.return.figures.find(
          (f: FigureSeen) => f.metric === metric && JSON.stringify(f.breakdown) === JSON.stringify(breakdown),
        )?.value;
      const sumOf = (pick: (c: ContractSeen) => number) =>
        Math.round(inQuarter.reduce((a: number, c: ContractSeen) => a + pick(c) * 100, 0)) / 100;
      expect(figure('contract_hours_contracted')).toBeCloseTo(
        sumOf((c) => c.contractedHours),
        2,
      );
      expect(figure('contract_hours_contracted')).toBeGreaterThan(0);
      expect(figure('contract_hours_delivered', { service_type: 'personal-care' })).toBeCloseTo(
        sumOf((c) => c.deliveredHours),
        2,
      );
      expect(preview.problems).toEqual([]);
    });

    it("takes the co-op's return with hours per contract, and names each contract in the consolidated report", async () => {
      const quarter = ukQuarter();
      const [year, q] = quarter.split('-Q').map(Number);
      const dueAt = new Date(Date.UTC(year, q * 3, 14)).toISOString();
      const cycle = (await staff.post('/reporting/cycles').send({ period: quarter, dueAt }).expect(201)).body;
      await waitFor(
        'the request on the node',
        async () => (await admin(MARSDEN).get('/reporting/requests')).body,
        (r) => r.some((q: { cycleId: string }) => q.cycleId === cycle.id),
      );
      await admin(MARSDEN).post(`/reporting/requests/${cycle.id}/submission`).expect(202);
      await waitFor(
        'the return accepted on the hub',
        async () => (await staff.get(`/reporting/cycles/${cycle.id}/completeness`)).body,
        (c) => c.submitted === 1,
      );
      const report = (await staff.get(`/reporting/cycles/${cycle.id}/report?basis=submitted`).expect(200)).body;
      const contracted = report.metrics.find((m: { id: string }) => m.id === 'contract_hours_contracted');
      const perContract = contracted.breakdowns.find((b: { dimension: string }) => b.dimension === 'contract').cells;
      const mine = (await admin(MARSDEN).get(`/tendering/contracts?from=${report.period.start}&to=${report.period.end}`).expect(200)).body;
      expect(perContract.map((c: { category: string }) => c.category).sort()).toEqual(
        mine.map((c: { contractId: string }) => c.contractId).sort(),
      );
      for (const c of perContract) {
        expect(c.label).toMatch(/^Kirklees Council: .+, lot [0-9.]+ \(.+\), /);
        expect(c.value).toBeCloseTo(mine.find((x: { contractId: string }) => x.contractId === c.category).contractedHours, 2);
      }
    });

    it('exports the tender and the award as OCDS release packages, tender stage and award stage, with lots', async () => {
      ocdsPackages.tender = (await commissioner.get(`/tenders/${tenderId}/ocds/tender`).set('Host', 'evil.example').expect(200)).body;
      ocdsPackages.award = (await commissioner.get(`/tenders/${tenderId}/ocds/award`).expect(200)).body;
      // The package says where it is published from the hub's configuration, never from the request's Host header.
      expect(ocdsPackages.tender.uri).toBe(`${PUBLIC_BASE}/tenders/${tenderId}/ocds/tender`);
      expect(ocdsPackages.award.uri).toBe(`${PUBLIC_BASE}/tenders/${tenderId}/ocds/award`);
      expect(ocdsPackages.tender.releases[0]).toMatchObject({
        tag: ['tender'],
        buyer: { name: 'Kirklees Council' },
        tender: { status: 'complete', lots: expect.any(Array) },
      });
      expect(ocdsPackages.tender.releases[0].tender.lots.map((l: { title: string }) => l.title.split(':')[0])).toEqual([
        'Lot 1.1',
        'Lot 1.2',
        'Lot 2',
        'Lot 3',
      ]);
      expect(ocdsPackages.award.releases[0].awards.map((a: { status: string }) => a.status)).toEqual([
        'active',
        'active',
        'active',
        'unsuccessful',
      ]);
    });

    it('validates both against the OCDS 1.1.5 release package schema with the lots extension merged in', () => {
      const validate = ocdsPackageValidator();
      for (const [stage, pkg] of Object.entries(ocdsPackages)) {
        const ok = validate(pkg);
        expect({ stage, errors: ok ? [] : validate.errors }).toEqual({ stage, errors: [] });
      }
      expect(Object.keys(ocdsPackages)).toEqual(['tender', 'award']);
    });
  });

  describe('by date', () => {
    it('closes a tender for offers at its deadline and assembles its bid; a later offer is refused with the reason', async () => {
      const deadline = new Date(Date.now() + 15_000);
      const { id } = (
        await staff
          .post('/tenders')
          .send({
            title: 'Befriending, Slaithwaite',
            buyer: 'Kirklees Council',
            deadline: deadline.toISOString(),
            // Written in lower case with a stray space: still Marsden's own Slaithwaite.
            lots: [
              {
                title: 'Befriending',
                locality: 'slaithwaite ',
                serviceType: 'befriending',
                hoursPerWeek: 10,
                ceilingPencePerHour: 1800,
                startsOn: day(30),
                endsOn: day(400),
              },
            ],
          })
          .expect(201)
      ).body;
      await staff.post(`/tenders/${id}/invitations`).send({}).expect(201);
      const inv = await invitationOn(MARSDEN, id);
      // A node whose clock runs 3 minutes fast offers before the deadline: it is stamped after it, and still counts,
      // as made when it arrived (never at the future time it claims).
      const fast = await rawOffer(
        MARSDEN,
        { tenderId: id, lotId: inv.lots[0].lotId, lotVersion: 1, hoursPerWeek: 4, pricePencePerHour: 1750 },
        new Date(deadline.getTime() + 3 * 60_000),
      );
      expect(fast).toEqual({ status: 'confirmed', last_error: null });
      const [stored] = await mesh.hubQuery<{ made_at: Date; received_at: Date }>(
        `SELECT made_at, received_at FROM tender_offer WHERE tender_id = $1`,
        [id],
      );
      expect(stored.made_at.getTime()).toBe(stored.received_at.getTime());
      expect(stored.made_at.getTime()).toBeLessThan(deadline.getTime());
      const closed = await waitFor(
        'the deadline to close the tender',
        () => tenderOf(id),
        (t) => t.stage === 'assembling' && t.bid !== null,
        { timeoutMs: 30_000 },
      );
      expect(closed.history.at(-1)).toMatchObject({
        from: 'inviting',
        to: 'assembling',
        by: 'schedule',
        note: 'offers closed at the deadline',
      });
      expect(closed.offersClosedAt).toBe(deadline.toISOString());
      expect(closed.bid.allocations).toEqual([expect.objectContaining({ coopId: MARSDEN, hoursPerWeek: 4, local: true })]);
      expect(closed.bid.uncoveredLots.map((l: LotSeen) => [l.reference, l.uncoveredHoursPerWeek])).toEqual([['1', 6]]);
      const viaNode = await admin(MARSDEN)
        .post(`/tendering/invitations/${id}/offers`)
        .send({ offers: [{ lotId: inv.lots[0].lotId, hoursPerWeek: 5, pricePencePerHour: 1700 }] })
        .expect(409);
      expect(viaNode.body.code).toBe('TENDERING.AFTER_DEADLINE');
      const viaHub = await rawOffer(MARSDEN, {
        tenderId: id,
        lotId: inv.lots[0].lotId,
        lotVersion: 1,
        hoursPerWeek: 5,
        pricePencePerHour: 1700,
      });
      expect(viaHub).toEqual({
        status: 'rejected',
        last_error: expect.stringMatching(/^TENDERING.AFTER_DEADLINE: the offer was made at \S+, after offers closed at /),
      });
      expect(viaHub.last_error).toContain(`after offers closed at ${deadline.toISOString()}`);

      await staff.post(`/tenders/${id}/cancellation`).send({ reason: 'The council withdrew the lot' }).expect(201);
      const cancelledOnNode = await invitationOn(MARSDEN, id, (b) => b.status === 'cancelled');
      expect(cancelledOnNode.lots[0]).toMatchObject({ status: 'withdrawn', withdrawnReason: 'tender-cancelled' });
      const again = await staff.post(`/tenders/${id}/cancellation`).send({ reason: 'twice' }).expect(409);
      expect(again.body.details).toEqual({ currentStage: 'cancelled', allowedActions: [] });
    });

    it('assembles a tender left assembling without a bid (a sweep that failed half way), instead of leaving it for ever', async () => {
      const { id } = (
        await staff
          .post('/tenders')
          .send({
            title: 'Transport, Fulwood',
            buyer: 'Preston City Council',
            deadline: new Date(Date.now() + 10 * 60_000).toISOString(),
            lots: [
              {
                title: 'Transport',
                locality: 'Fulwood',
                serviceType: 'domestic-help',
                hoursPerWeek: 12,
                ceilingPencePerHour: 2000,
                startsOn: day(30),
                endsOn: day(400),
              },
            ],
          })
          .expect(201)
      ).body;
      await staff.post(`/tenders/${id}/invitations`).send({}).expect(201);
      // As an older hub left it: moved to assembling, no bid assembled.
      await mesh.hubQuery(`UPDATE tender SET stage = 'assembling', offers_closed_at = now() WHERE id = $1`, [id]);
      const assembled = await waitFor(
        'the sweep to assemble the stranded tender',
        () => tenderOf(id),
        (t) => t.assembledAt !== null && t.bid !== null,
        { timeoutMs: 30_000 },
      );
      expect(assembled).toMatchObject({ stage: 'assembling', bid: { requiredHoursPerWeek: 12, allocatedHoursPerWeek: 0 } });
      await staff.post(`/tenders/${id}/cancellation`).send({ reason: 'Test over' }).expect(201);
    });
  });

  it('answers exactly as its OpenAPI document describes: every tender at each stage it reached, to staff and to a commissioner', async () => {
    const schemas = await AnswerSchemas.of(mesh.hub().anonymous());
    const page = (await staff.get('/tenders?limit=500').expect(200)).body;
    const answers: [string, unknown][] = [['GET /tenders', page]];
    for (const { id } of page.items as { id: string }[]) for (const reader of [staff, commissioner]) await tenderOf(id, reader);
    answers.push(...detailsSeen.map(({ body }): [string, unknown] => ['GET /tenders/{id}', body]));
    answers.push(['GET /tenders/{id}/ocds/tender', ocdsPackages.tender], ['GET /tenders/{id}/ocds/award', ocdsPackages.award]);
    for (const [route, body] of answers) expect({ route, problems: schemas.problems(route, 200, body) }).toEqual({ route, problems: [] });
    const stages = (reader: string) => new Set(detailsSeen.filter((d) => d.reader === reader).map((d) => d.body.stage));
    expect([...stages('staff')].sort()).toEqual(['assembling', 'awarded', 'cancelled', 'draft', 'inviting']);
    expect([...stages('commissioner')].sort()).toEqual(['awarded', 'cancelled', 'inviting', 'submitted']);
  });

  it('sent nothing personal across NATS', async () => {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const coop of Object.keys(COOPS)) {
      for (const table of ['staff', 'service_user']) {
        for (const r of await mesh.nodeQuery<{ id: string; full_name: string }>(coop, `SELECT id, full_name FROM ${table}`)) {
          ids.add(r.id);
          names.add(r.full_name);
        }
      }
    }
    const tendering = traffic.filter((t) => t.subject.includes('.msg.tendering.'));
    expect(tendering.length).toBeGreaterThan(10);
    for (const { subject, text } of traffic) {
      for (const id of ids) expect({ subject, leaks: text.includes(id) }).toEqual({ subject, leaks: false });
      for (const name of names) expect({ subject, leaks: text.includes(name) }).toEqual({ subject, leaks: false });
    }
  });
});
