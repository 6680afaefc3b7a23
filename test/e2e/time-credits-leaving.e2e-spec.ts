import { londonDay } from '@app/platform';

import { aPaymentAcrossCoops, aVolunteer } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

const HOLME = 'holme-leaving';
const COLNE = 'colne-leaving';

interface Transfer {
  id: string;
  status: 'sent' | 'forwarded' | 'completed' | 'refused';
  refusalReason: string | null;
}

/**
 * A payment across co-ops that is never answered because the receiving co-op leaves the consortium
 * with its node offline: on a real hub, two real nodes, PostgreSQL and NATS. The payment waits as
 * long as the co-op is a member; when staff record that it left, the payment is given back in that
 * transaction, exactly once, and the ledgers still balance and agree.
 */
describe('time credits to a co-op that leaves', () => {
  const mesh = new TestMesh();
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const staff = () => mesh.hub().as('consortium-staff');

  const transfer = async (id: string): Promise<Transfer> => (await admin(HOLME).get(`/time-bank/across-coops/${id}`).expect(200)).body;
  const settled = (id: string, status: Transfer['status']) =>
    waitFor(
      `transfer ${id} ${status} on ${HOLME}`,
      () => transfer(id),
      (t) => t.status === status,
    );
  const balance = async (coop: string, volunteerId: string): Promise<number> =>
    (await admin(coop).get(`/time-bank/accounts/${volunteerId}`).expect(200)).body.balanceMinutes;
  const clearing = async (coop: string): Promise<number> =>
    (await admin(coop).get('/time-bank/summary').expect(200)).body.acrossCoops.clearingBalanceMinutes;
  const hubBalances = async () => (await staff().get('/time-clearing/balances').expect(200)).body;
  const onHub = async (coop: string): Promise<number> =>
    (await hubBalances()).coops.find((c: { coopId: string }) => c.coopId === coop)?.balanceMinutes ?? 0;
  const hubTransfer = async (id: string) =>
    (
      await mesh.hubQuery<{ status: string; refusal_reason: string | null }>(
        'SELECT status, refusal_reason FROM clearing_transfer WHERE id = $1',
        [id],
      )
    )[0];
  const forwardOf = async (id: string) =>
    (
      await mesh.hubQuery<{ status: string }>(
        'SELECT o.status FROM outbox_message o JOIN clearing_transfer t ON t.forward_message_id = o.id WHERE t.id = $1',
        [id],
      )
    )[0].status;
  const codeFor = async (volunteerId: string) =>
    (await admin(COLNE).post('/time-bank/payment-codes').send({ volunteerId }).expect(201)).body.code as string;
  const pay = async (from: string, code: string, minutes: number) =>
    (
      await admin(HOLME)
        .post('/time-bank/across-coops')
        .send(aPaymentAcrossCoops(from, code, { minutes }))
        .expect(201)
    ).body.id as string;

  let payer: string;
  let payee: string;

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(HOLME);
    await mesh.startNode(COLNE);
    await mesh.registered(HOLME);
    await mesh.registered(COLNE);
    payer = (await admin(HOLME).post('/volunteers').send(aVolunteer()).expect(201)).body.id;
    payee = (await admin(COLNE).post('/volunteers').send(aVolunteer()).expect(201)).body.id;
    await admin(HOLME)
      .post(`/volunteers/${payer}/hours`)
      .send({ workedOn: londonDay(new Date()), activity: 'befriending', minutes: 300 })
      .expect(201);
  }, 120_000);

  afterAll(() => mesh.dispose());

  it('gives back, when the co-op leaves, the payments it never answered, and leaves the answered ones alone', async () => {
    const answered = await pay(payer, await codeFor(payee), 30);
    await settled(answered, 'completed');
    const [first, second] = [await codeFor(payee), await codeFor(payee)];
    await mesh.stopNode(COLNE);
    const waiting = [await pay(payer, first, 45), await pay(payer, second, 15)];
    for (const id of waiting) await settled(id, 'forwarded');
    expect(await balance(HOLME, payer)).toBe(300 - 30 - 45 - 15);
    expect(await onHub(HOLME)).toBe(-90);

    // Offline is not gone: while Colne Valley is a member, the payments wait for its answer.
    await staff().patch(`/coops/${COLNE}/status`).send({ status: 'suspended', note: 'no contact since October' }).expect(204);
    for (const id of waiting) expect((await hubTransfer(id)).status).toBe('forwarded');

    await staff().patch(`/coops/${COLNE}/status`).send({ status: 'left', note: 'wound up' }).expect(204);
    const reason = `${COLNE} left the consortium before it answered: the payment is given back`;
    for (const id of waiting) {
      expect(await hubTransfer(id)).toEqual({ status: 'reversed', refusal_reason: reason });
      expect(await forwardOf(id)).toBe('rejected');
      expect(await settled(id, 'refused')).toMatchObject({ refusalReason: reason });
    }
    expect(await hubTransfer(answered)).toEqual({ status: 'completed', refusal_reason: null });

    // The payer has the 60 minutes back and Holme Valley owes only the answered payment, on both sides.
    expect(await balance(HOLME, payer)).toBe(300 - 30);
    const hub = await hubBalances();
    expect({ total: hub.totalMinutes, balanced: hub.balanced, underWay: hub.underWay }).toEqual({ total: 0, balanced: true, underWay: 0 });
    expect(await onHub(HOLME)).toBe(-30);
    expect(await clearing(HOLME)).toBe(-30);
    const [{ total }] = await mesh.nodeQuery<{ total: number }>(HOLME, 'SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry');
    expect(total).toBe(0);
  });

  it('gives nothing back twice: recording the leaving again changes nothing', async () => {
    const before = await mesh.hubQuery('SELECT transfer_id, coop_id, kind, minutes FROM clearing_entry ORDER BY 1, 2, 3');
    await staff().patch(`/coops/${COLNE}/status`).send({ status: 'left', note: 'recorded again' }).expect(204);
    expect(await mesh.hubQuery('SELECT transfer_id, coop_id, kind, minutes FROM clearing_entry ORDER BY 1, 2, 3')).toEqual(before);
    const [{ n }] = await mesh.hubQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'time-credits.settled' AND coop_id = $1`,
      [HOLME],
    );
    expect(n).toBe(3);
  });
});
