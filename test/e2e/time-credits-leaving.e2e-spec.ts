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
  /** The hub's time-credits.withdrawn messages to Colne Valley. */
  const notices = async () =>
    (
      await mesh.hubQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'time-credits.withdrawn' AND coop_id = $1`,
        [COLNE],
      )
    )[0].n;
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
  /** The two payments Colne Valley never answered before it left. */
  let waiting: string[];

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
    waiting = [await pay(payer, first, 45), await pay(payer, second, 15)];
    for (const id of waiting) await settled(id, 'forwarded');
    // Published to Colne Valley's stream, where they wait for its node.
    for (const id of waiting)
      await waitFor(
        `the forward of ${id} published`,
        () => forwardOf(id),
        (s) => s === 'published',
      );
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
    // Nothing is sent to a co-op that left: no message to it would ever be answered.
    expect(await notices()).toBe(0);
  });

  it('pays nothing twice when the co-op is taken back: a payment given back that still reaches its node is withdrawn there', async () => {
    // Both forwards were published while Colne Valley's node was down: they wait in its stream, and a node
    // back in the consortium takes them. Taking it back sends, after them, the hub's word that each was given back.
    await staff().patch(`/coops/${COLNE}/status`).send({ status: 'trading', note: 'rejoined' }).expect(204);
    await mesh.startNode(COLNE);
    const onColne = (id: string) =>
      mesh.nodeQuery<{ status: string; refusal_reason: string | null }>(
        COLNE,
        'SELECT status, refusal_reason FROM time_credit_transfer WHERE id = $1',
        [id],
      );
    const reason = `${COLNE} left the consortium before it answered: the payment is given back`;
    for (const id of waiting)
      expect(
        await waitFor(
          `${id} withdrawn on ${COLNE}`,
          async () =>
            (
              await mesh.nodeQuery<{ n: number }>(COLNE, 'SELECT count(*)::int AS n FROM time_credit_withdrawal WHERE transfer_id = $1', [
                id,
              ])
            )[0].n,
          (n) => n === 1,
        ),
      ).toBe(1);
    // A forward that reached the node first was credited (its answer goes nowhere), then taken back. One the
    // stopped node's consumer had been handed is redelivered only after its ack wait, after the word: then
    // it is never credited (it is refused when it comes). Either way no minute is paid.
    for (const id of waiting) {
      const movements = (
        await mesh.nodeQuery<{ purpose: string }>(
          COLNE,
          'SELECT purpose FROM time_transfer WHERE time_credit_transfer_id = $1 ORDER BY purpose',
          [id],
        )
      ).map((r) => r.purpose);
      const row = await onColne(id);
      if (row.length === 0) expect({ id, movements }).toEqual({ id, movements: [] });
      else
        expect({ id, row, movements }).toEqual({
          id,
          row: [{ status: 'withdrawn', refusal_reason: reason }],
          movements: ['received-from-coop', 'withdrawn-by-hub'],
        });
    }

    // The payee has only the answered payment; Colne Valley's clearing account agrees with the hub's.
    expect(await balance(COLNE, payee)).toBe(30);
    expect(await balance(HOLME, payer)).toBe(300 - 30);
    expect(await clearing(COLNE)).toBe(await onHub(COLNE));
    expect(await onHub(COLNE)).toBe(30);
    const hub = await hubBalances();
    expect({ total: hub.totalMinutes, balanced: hub.balanced }).toEqual({ total: 0, balanced: true });
    const [{ total }] = await mesh.nodeQuery<{ total: number }>(COLNE, 'SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry');
    expect(total).toBe(0);
    // Nothing on the hub changed: the two payments stay given back, once, and the node was told once each.
    for (const id of waiting) expect((await hubTransfer(id)).status).toBe('reversed');
    expect(await notices()).toBe(2);
  });
});
