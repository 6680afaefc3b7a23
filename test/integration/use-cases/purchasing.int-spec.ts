import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  buildMessage,
  Envelope,
  PURCHASING_COMMITMENT_MADE_V1,
  PURCHASING_ROUND_STATE_CHANGED_V1,
  PurchasingCommitmentMadeV1,
} from '@app/contracts';
import { DomainError } from '@app/platform';

import { ApplyCommitment } from '../../../apps/consortium-hub/src/purchasing/apply-commitment.use-case';
import { CloseRound } from '../../../apps/consortium-hub/src/purchasing/close-round.use-case';
import { aCatalogueItem, aRound, RoundBody } from '../../support/builders';
import { TestMesh } from '../../support/mesh';

/**
 * The hub's purchasing use cases with the most rules, called directly on the running hub's own module
 * against a database of its own: when a co-op's commitment counts (ApplyCommitment) and how a round
 * closes (CloseRound), each refusal by its code and the edges of each time limit, with the hub's clock
 * given to each call. Setting up goes through the HTTP API, as staff would.
 */
describe('use cases: purchasing commitments and the close', () => {
  const mesh = new TestMesh();
  const [A, B, C] = ['calder', 'colne', 'holme'];
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  const staff = mesh.hub().as('consortium-staff');
  let hub: INestApplication;
  let dbs: string;
  let gloves: string;

  interface Round {
    id: string;
    openedAt: Date;
    closesAt: Date;
  }

  /** Drafts a round and opens it unless told not to; closing times are real ones, so the hub's own sweep leaves them alone. */
  const round = async (overrides: Partial<RoundBody> = {}, open = true): Promise<Round> => {
    const draft = (await staff.post('/purchasing/rounds', aRound([dbs, gloves], overrides)).expect(201)).body;
    const body = open ? (await staff.post(`/purchasing/rounds/${draft.id}/open`).expect(200)).body : draft;
    return { id: body.id, openedAt: new Date(body.openedAt), closesAt: new Date(body.closesAt) };
  };

  const commitment = (coopId: string, roundId: string, quantity: number, at: Date, itemId = dbs, committedAt = at) =>
    ({
      ...buildMessage<PurchasingCommitmentMadeV1>(
        PURCHASING_COMMITMENT_MADE_V1,
        { roundId, itemId, quantity, committedAt: committedAt.toISOString() },
        { coopId, occurredAt: at },
      ),
      signature: '',
    }) as Envelope<PurchasingCommitmentMadeV1>;

  const apply = (envelope: Envelope<PurchasingCommitmentMadeV1>, now: Date) =>
    hub.get(DataSource).transaction((m) => hub.get(ApplyCommitment).execute(envelope, m, now));

  /** The code of the domain error `work` fails with. */
  const refusal = async (work: Promise<unknown>): Promise<string> => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
    return error.code;
  };

  const standing = (roundId: string, coopId: string) =>
    mesh.hubQuery<{ quantity: number; committed_at: Date }>(
      'SELECT quantity, committed_at FROM purchasing_commitment WHERE round_id = $1 AND coop_id = $2 AND item_id = $3',
      [roundId, coopId, dbs],
    );
  const received = (roundId: string) =>
    mesh.hubQuery<{ coop_id: string; quantity: number; outcome: string }>(
      'SELECT coop_id, quantity, outcome FROM purchasing_commitment_received WHERE round_id = $1 ORDER BY received_at, message_id',
      [roundId],
    );
  const roundView = async (id: string) => (await staff.get(`/purchasing/rounds/${id}`).expect(200)).body;

  beforeAll(async () => {
    hub = await mesh.startHub();
    for (const coop of [A, B, C]) await mesh.provision(coop);
    dbs = (
      await staff.post('/purchasing/catalogue', aCatalogueItem({ name: 'Enhanced DBS check', soloUnitPricePence: 10_000_000 })).expect(201)
    ).body.id;
    gloves = (await staff.post('/purchasing/catalogue', aCatalogueItem({ name: 'Gloves', soloUnitPricePence: 650 })).expect(201)).body.id;
  });
  afterAll(() => mesh.dispose());

  describe('CloseRound', () => {
    it('closes by hand at the moment staff close it, before the closing time', async () => {
      const r = await round();
      const at = new Date(r.closesAt.getTime() - 10 * MINUTE);
      await hub.get(CloseRound).execute(r.id, 'test-staff', at);
      expect(await roundView(r.id)).toMatchObject({
        state: 'closed',
        closedBy: 'test-staff',
        closedAt: at.toISOString(),
        allocationStatus: 'provisional',
      });
    });

    it('counts the close from the closing time when it runs after it', async () => {
      const r = await round();
      await hub.get(CloseRound).execute(r.id, 'test-staff', new Date(r.closesAt.getTime() + 5_000));
      expect((await roundView(r.id)).closedAt).toBe(r.closesAt.toISOString());
    });

    it('totals the demand and allocates it when closing', async () => {
      const r = await round();
      await apply(commitment(A, r.id, 2, new Date(r.openedAt.getTime() + 1)), new Date());
      await apply(commitment(B, r.id, 3, new Date(r.openedAt.getTime() + 2)), new Date());
      await hub.get(CloseRound).execute(r.id, 'test-staff', new Date());
      const view = await roundView(r.id);
      expect(view.items.find((i: { itemId: string }) => i.itemId === dbs)).toMatchObject({ totalQuantity: 5 });
      const lines = await mesh.hubQuery<{ coop_id: string; quantity: number }>(
        'SELECT coop_id, quantity FROM purchasing_allocation WHERE round_id = $1 AND item_id = $2 ORDER BY coop_id',
        [r.id, dbs],
      );
      expect(lines).toEqual([
        { coop_id: A, quantity: 2 },
        { coop_id: B, quantity: 3 },
      ]);
    });

    it('tells every invited co-op of the close through the outbox, in the same transaction', async () => {
      const r = await round({ coopIds: [A, B] });
      await hub.get(CloseRound).execute(r.id, 'test-staff', new Date());
      const told = await mesh.hubQuery<{ coop_id: string }>(
        `SELECT coop_id FROM outbox_message
          WHERE type = $2 AND envelope->'payload'->>'roundId' = $1 AND envelope->'payload'->>'state' = 'closed' ORDER BY coop_id`,
        [r.id, PURCHASING_ROUND_STATE_CHANGED_V1.type],
      );
      expect(told.map((t) => t.coop_id)).toEqual([A, B]);
    });

    it('refuses to close a draft, a closed or a cancelled round, and an unknown one', async () => {
      const close = (id: string) => hub.get(CloseRound).execute(id, 'test-staff', new Date());
      const draft = await round({}, false);
      expect(await refusal(close(draft.id))).toBe('PURCHASING.TRANSITION_REFUSED');
      const closed = await round();
      await close(closed.id);
      expect(await refusal(close(closed.id))).toBe('PURCHASING.TRANSITION_REFUSED');
      const cancelled = await round();
      await staff.post(`/purchasing/rounds/${cancelled.id}/cancel`, { reason: 'supplier gone' }).expect(200);
      expect(await refusal(close(cancelled.id))).toBe('PURCHASING.TRANSITION_REFUSED');
      expect(await refusal(close('0f0e0d0c-0b0a-4998-8776-655443322110'))).toBe('PURCHASING.ROUND_NOT_FOUND');
    });
  });

  describe('ApplyCommitment', () => {
    it('applies a commitment made while the round is open, and keeps every one received', async () => {
      const r = await round();
      const at = new Date(r.openedAt.getTime() + MINUTE);
      await apply(commitment(A, r.id, 4, at), new Date(at.getTime() + 1_000));
      expect(await standing(r.id, A)).toEqual([{ quantity: 4, committed_at: at }]);
      expect(await received(r.id)).toEqual([{ coop_id: A, quantity: 4, outcome: 'applied' }]);
    });

    it('lets a later amendment replace the standing one, but not an older one arriving after it, nor one made at the same time', async () => {
      const r = await round();
      const first = new Date(r.openedAt.getTime() + MINUTE);
      const second = new Date(first.getTime() + MINUTE);
      const now = new Date(second.getTime() + MINUTE);
      await apply(commitment(A, r.id, 5, second), now);
      await apply(commitment(A, r.id, 9, first), now);
      await apply(commitment(A, r.id, 7, second), now);
      expect(await standing(r.id, A)).toEqual([{ quantity: 5, committed_at: second }]);
      expect((await received(r.id)).map((x) => [x.quantity, x.outcome])).toEqual([
        [5, 'applied'],
        [9, 'superseded-on-arrival'],
        [7, 'superseded-on-arrival'],
      ]);
    });

    it('refuses a payload whose committedAt is not the envelope time', async () => {
      const r = await round();
      const at = new Date(r.openedAt.getTime() + MINUTE);
      expect(await refusal(apply(commitment(A, r.id, 1, at, dbs, new Date(at.getTime() + 1)), at))).toBe(
        'PURCHASING.COMMITTED_AT_MISMATCH',
      );
    });

    it('refuses a co-op not invited, an item not in the round and an unknown round, storing nothing', async () => {
      const r = await round({ coopIds: [A, B] });
      const at = new Date(r.openedAt.getTime() + MINUTE);
      expect(await refusal(apply(commitment(C, r.id, 1, at), at))).toBe('PURCHASING.NOT_INVITED');
      const other = (await staff.post('/purchasing/catalogue', aCatalogueItem()).expect(201)).body.id;
      expect(await refusal(apply(commitment(A, r.id, 1, at, other), at))).toBe('PURCHASING.ITEM_NOT_IN_ROUND');
      expect(await refusal(apply(commitment(A, '0f0e0d0c-0b0a-4998-8776-655443322110', 1, at), at))).toBe('PURCHASING.ROUND_NOT_FOUND');
      expect(await received(r.id)).toEqual([]);
    });

    it("refuses a line above the most one co-op's line may come to, and takes one at it exactly", async () => {
      const r = await round();
      const at = new Date(r.openedAt.getTime() + MINUTE);
      // 10,000,000p a unit and no order charge: 100,000 units come to exactly the 1,000,000,000,000p limit.
      expect(await refusal(apply(commitment(A, r.id, 100_001, at), at))).toBe('PURCHASING.LINE_TOO_LARGE');
      await apply(commitment(A, r.id, 100_000, at), at);
      expect((await standing(r.id, A))[0].quantity).toBe(100_000);
    });

    it('refuses a commitment to a draft, a cancelled or an ordered round, each with its reason', async () => {
      // A draft has invited no one yet: the invitations are made when it opens.
      const draft = await round({}, false);
      expect(await refusal(apply(commitment(A, draft.id, 1, new Date()), new Date()))).toBe('PURCHASING.NOT_INVITED');

      const cancelled = await round();
      await staff.post(`/purchasing/rounds/${cancelled.id}/cancel`, { reason: 'supplier gone' }).expect(200);
      expect(await refusal(apply(commitment(A, cancelled.id, 1, new Date(cancelled.openedAt.getTime() + 1)), new Date()))).toBe(
        'PURCHASING.ROUND_CANCELLED',
      );

      const ordered = await round();
      await apply(commitment(A, ordered.id, 1, new Date(ordered.openedAt.getTime() + 1)), new Date());
      await hub.get(CloseRound).execute(ordered.id, 'test-staff', new Date());
      await staff.post(`/purchasing/rounds/${ordered.id}/order`).expect(200);
      expect(await refusal(apply(commitment(B, ordered.id, 1, new Date(ordered.openedAt.getTime() + 2)), new Date()))).toBe(
        'PURCHASING.ALLOCATION_FINAL',
      );
    });

    it("refuses a time more than 5 minutes ahead of the hub's clock, and takes one 5 minutes ahead as made on arrival", async () => {
      const r = await round();
      const now = new Date(r.openedAt.getTime() + MINUTE);
      expect(await refusal(apply(commitment(A, r.id, 1, new Date(now.getTime() + 5 * MINUTE + 1)), now))).toBe('PURCHASING.CLOCK_SKEW');
      await apply(commitment(A, r.id, 2, new Date(now.getTime() + 5 * MINUTE)), now);
      expect(await standing(r.id, A)).toEqual([{ quantity: 2, committed_at: now }]);
    });

    it('refuses a commitment stamped more than 5 minutes before the round opened, and takes one 5 minutes before', async () => {
      const r = await round();
      const now = new Date(r.openedAt.getTime() + MINUTE);
      expect(await refusal(apply(commitment(A, r.id, 1, new Date(r.openedAt.getTime() - 5 * MINUTE - 1)), now))).toBe(
        'PURCHASING.CLOCK_SKEW',
      );
      await apply(commitment(A, r.id, 2, new Date(r.openedAt.getTime() - 5 * MINUTE)), now);
      expect((await standing(r.id, A))[0].quantity).toBe(2);
    });

    it('refuses a commitment made at the closing time, and takes one made a millisecond before it', async () => {
      const r = await round();
      const now = new Date(r.closesAt.getTime() + MINUTE);
      expect(await refusal(apply(commitment(A, r.id, 1, r.closesAt), now))).toBe('PURCHASING.ROUND_CLOSED');
      await apply(commitment(A, r.id, 2, new Date(r.closesAt.getTime() - 1)), now);
      expect((await standing(r.id, A))[0].quantity).toBe(2);
    });

    it('counts from an early close by hand: a commitment made after it is refused though before the closing time', async () => {
      const r = await round();
      const closedAt = new Date(r.openedAt.getTime() + 10 * MINUTE);
      await hub.get(CloseRound).execute(r.id, 'test-staff', closedAt);
      expect(await refusal(apply(commitment(A, r.id, 1, closedAt), new Date(closedAt.getTime() + MINUTE)))).toBe('PURCHASING.ROUND_CLOSED');
    });

    it('takes a commitment made before the close arriving up to a day after it, and recomputes the provisional allocation', async () => {
      const r = await round();
      await hub.get(CloseRound).execute(r.id, 'test-staff', r.closesAt);
      const made = new Date(r.closesAt.getTime() - MINUTE);
      await apply(commitment(A, r.id, 3, made), new Date(r.closesAt.getTime() + DAY));
      expect(await roundView(r.id)).toMatchObject({ state: 'closed', allocationStatus: 'provisional' });
      expect((await roundView(r.id)).items.find((i: { itemId: string }) => i.itemId === dbs).totalQuantity).toBe(3);
      expect(await refusal(apply(commitment(B, r.id, 1, made), new Date(r.closesAt.getTime() + DAY + 1)))).toBe('PURCHASING.ROUND_CLOSED');
    });
  });
});
