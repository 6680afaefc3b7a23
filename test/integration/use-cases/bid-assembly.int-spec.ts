import { randomUUID } from 'node:crypto';

import { INestApplication } from '@nestjs/common';

import { DomainError } from '@app/platform';

import { AssembleBid } from '../../../apps/consortium-hub/src/tendering/assemble-bid.use-case';
import { aLot, aTender, LotBody } from '../../support/builders';
import { TestMesh } from '../../support/mesh';

/**
 * The hub's bid assembly called directly on the running hub's own module, against a database of its
 * own: which tenders it may assemble, closing offers by hand, and how the current offers become the
 * bid (coverage first, then local co-ops, then price; ceilings, caps, superseded offers and ties).
 * Tenders are drafted and co-ops invited through the HTTP API; offers are stored as ApplyOffer stores them.
 */
describe('use cases: assembling a bid', () => {
  const mesh = new TestMesh();
  // Ids in this order, so a tie goes to ALPHA.
  const [ALPHA, BETA, GAMMA] = ['alpha-care', 'beta-care', 'gamma-care'];
  const LOCALITY: Record<string, string> = { [ALPHA]: 'Marsden', [BETA]: 'Marsden', [GAMMA]: 'Holmfirth' };
  const staff = mesh.hub().as('consortium-staff');
  let hub: INestApplication;

  interface Lot {
    id: string;
    reference: string;
    version: number;
  }

  /** A tender with the given lots, inviting all three co-ops; its lots in the order given. */
  const inviting = async (lots: Partial<LotBody>[]): Promise<{ id: string; lots: Lot[] }> => {
    const tender = (await staff.post('/tenders', aTender({ lots: lots.map((l) => aLot(l)) })).expect(201)).body;
    await staff.post(`/tenders/${tender.id}/invitations`, { alsoInvite: [ALPHA, BETA, GAMMA] }).expect(201);
    const rows = await mesh.hubQuery<Lot>('SELECT id, reference, version FROM tender_lot WHERE tender_id = $1 ORDER BY reference', [
      tender.id,
    ]);
    return { id: tender.id, lots: rows };
  };

  /** Stores an offer as the hub stores one it accepted. */
  const offer = async (
    tenderId: string,
    lot: Lot,
    coopId: string,
    hoursPerWeek: number,
    pricePencePerHour: number,
    extra: { totalHoursPerWeek?: number; madeAt?: Date } = {},
  ) => {
    await mesh.hubQuery('UPDATE tender_offer SET superseded_at = now() WHERE lot_id = $1 AND coop_id = $2 AND superseded_at IS NULL', [
      lot.id,
      coopId,
    ]);
    await mesh.hubQuery(
      `INSERT INTO tender_offer (message_id, tender_id, lot_id, coop_id, lot_version, hours_per_week, price_pence_per_hour, total_hours_per_week, made_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        randomUUID(),
        tenderId,
        lot.id,
        coopId,
        lot.version,
        hoursPerWeek,
        pricePencePerHour,
        extra.totalHoursPerWeek ?? null,
        extra.madeAt ?? new Date(),
      ],
    );
  };

  const assemble = (id: string) => hub.get(AssembleBid).execute(id, 'test-staff');
  /** Each allocation as [lot reference, co-op, hours, price]. */
  const allocated = async (id: string) =>
    (await assemble(id)).allocations.map((a) => [a.lotReference, a.coopId, a.hoursPerWeek, a.pricePencePerHour]);

  const refusal = async (work: Promise<unknown>): Promise<string> => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
    return error.code;
  };

  beforeAll(async () => {
    hub = await mesh.startHub();
    for (const coop of [ALPHA, BETA, GAMMA]) {
      await mesh.provision(coop);
      await mesh.hubQuery(`UPDATE coop SET localities = ARRAY[$2], services_offered = ARRAY['personal-care'] WHERE id = $1`, [
        coop,
        LOCALITY[coop],
      ]);
    }
  });
  afterAll(() => mesh.dispose());

  it('refuses a draft tender and an unknown one', async () => {
    const draft = (await staff.post('/tenders', aTender()).expect(201)).body;
    expect(await refusal(assemble(draft.id))).toBe('TENDERING.STAGE_TRANSITION_REFUSED');
    expect(await refusal(assemble('0f0e0d0c-0b0a-4998-8776-655443322110'))).toBe('TENDERING.TENDER_NOT_FOUND');
  });

  it('closes offers by hand before the deadline, then assembles', async () => {
    const t = await inviting([{}]);
    const before = Date.now();
    await assemble(t.id);
    const [row] = await mesh.hubQuery<{ stage: string; offers_closed_at: Date; deadline: Date }>(
      'SELECT stage, offers_closed_at, deadline FROM tender WHERE id = $1',
      [t.id],
    );
    expect(row.stage).toBe('assembling');
    expect(row.offers_closed_at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(row.offers_closed_at.getTime()).toBeLessThan(row.deadline.getTime());
    const [history] = await mesh.hubQuery<{ note: string; changed_by: string }>(
      `SELECT note, changed_by FROM tender_stage_change WHERE tender_id = $1 AND to_stage = 'assembling'`,
      [t.id],
    );
    expect(history).toEqual({ note: 'offers closed by hand before the deadline', changed_by: 'test-staff' });
  });

  it('covers as many hours as offered, local co-ops before cheaper ones from elsewhere, then the lowest price', async () => {
    const t = await inviting([{ locality: 'Marsden', hoursPerWeek: 40, ceilingPencePerHour: 2500 }]);
    const [lot] = t.lots;
    await offer(t.id, lot, GAMMA, 40, 1900); // cheapest, but not local
    await offer(t.id, lot, BETA, 25, 2300);
    await offer(t.id, lot, ALPHA, 10, 2400);
    expect(await allocated(t.id)).toEqual([
      [lot.reference, ALPHA, 10, 2400],
      [lot.reference, BETA, 25, 2300],
      [lot.reference, GAMMA, 5, 1900],
    ]);
    const bid = await assemble(t.id);
    expect(bid).toMatchObject({ requiredHoursPerWeek: 40, allocatedHoursPerWeek: 40, localHoursPerWeek: 35 });
    expect(bid.weeklyPricePence).toBe(10 * 2400 + 25 * 2300 + 5 * 1900);
  });

  it('leaves out offers above the ceiling, at 0 hours, and superseded ones; an offer at the ceiling counts', async () => {
    const t = await inviting([{ hoursPerWeek: 30, ceilingPencePerHour: 2500 }]);
    const [lot] = t.lots;
    await offer(t.id, lot, ALPHA, 30, 2501);
    await offer(t.id, lot, BETA, 30, 2000);
    await offer(t.id, lot, BETA, 0, 2000); // withdrawn by the co-op: supersedes the one above
    await offer(t.id, lot, GAMMA, 12, 2500);
    const bid = await assemble(t.id);
    expect(bid.allocations.map((a) => [a.coopId, a.hoursPerWeek])).toEqual([[GAMMA, 12]]);
    expect(bid.lots[0]).toMatchObject({ allocatedHoursPerWeek: 12, uncoveredHoursPerWeek: 18 });
    expect(bid.uncoveredLots.map((l) => l.lotId)).toEqual([lot.id]);
  });

  it("holds a co-op to the total it stated last across the tender's lots", async () => {
    const t = await inviting([
      { locality: 'Marsden', hoursPerWeek: 30 },
      { locality: 'Marsden', hoursPerWeek: 30 },
    ]);
    const [one, two] = t.lots;
    const early = new Date(Date.now() - 60_000);
    await offer(t.id, one, ALPHA, 30, 2000, { totalHoursPerWeek: 50, madeAt: early });
    await offer(t.id, two, ALPHA, 30, 2000, { totalHoursPerWeek: 35 });
    const bid = await assemble(t.id);
    expect(bid.coops).toEqual([expect.objectContaining({ coopId: ALPHA, allocatedHoursPerWeek: 35 })]);
  });

  it('gives a tie to the co-op first in id order, the same every time', async () => {
    const t = await inviting([{ locality: 'Marsden', hoursPerWeek: 20 }]);
    const [lot] = t.lots;
    await offer(t.id, lot, BETA, 20, 2200);
    await offer(t.id, lot, ALPHA, 20, 2200);
    expect(await allocated(t.id)).toEqual([[lot.reference, ALPHA, 20, 2200]]);
    expect(await allocated(t.id)).toEqual([[lot.reference, ALPHA, 20, 2200]]);
  });

  it('assembles again while assembling, replacing the allocation with one from the offers now current', async () => {
    const t = await inviting([{ locality: 'Marsden', hoursPerWeek: 20 }]);
    const [lot] = t.lots;
    await offer(t.id, lot, BETA, 20, 2200);
    expect(await allocated(t.id)).toEqual([[lot.reference, BETA, 20, 2200]]);
    // A late offer made before the deadline, accepted while the tender assembles.
    await offer(t.id, lot, ALPHA, 20, 2100);
    expect(await allocated(t.id)).toEqual([[lot.reference, ALPHA, 20, 2100]]);
    const rows = await mesh.hubQuery('SELECT coop_id FROM tender_allocation WHERE tender_id = $1', [t.id]);
    expect(rows).toEqual([{ coop_id: ALPHA }]);
  });

  it('leaves out the offers of a co-op that has left the consortium since it offered, and tells it nothing more', async () => {
    const t = await inviting([{ locality: 'Marsden', hoursPerWeek: 20 }]);
    const [lot] = t.lots;
    await offer(t.id, lot, ALPHA, 20, 2000);
    await offer(t.id, lot, BETA, 20, 2300);
    await mesh.hubQuery(`UPDATE coop SET status = 'left' WHERE id = $1`, [ALPHA]);
    try {
      expect(await allocated(t.id)).toEqual([[lot.reference, BETA, 20, 2300]]);
      // Nor is it told that offers closed: only the co-ops still members are.
      const told = await mesh.hubQuery<{ coop_id: string }>(
        `SELECT coop_id FROM outbox_message WHERE type = 'tendering.offers-closed' AND envelope->'payload'->>'tenderId' = $1 ORDER BY coop_id`,
        [t.id],
      );
      expect(told.map((r) => r.coop_id)).toEqual([BETA, GAMMA]);
    } finally {
      await mesh.hubQuery(`UPDATE coop SET status = 'registered' WHERE id = $1`, [ALPHA]);
    }
  });
});
