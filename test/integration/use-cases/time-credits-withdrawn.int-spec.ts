import { randomUUID } from 'node:crypto';

import { INestApplication } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Envelope, TimeCreditsForwardedV1, TimeCreditsWithdrawnV1 } from '@app/contracts';
import { DomainError } from '@app/platform';

import { ReceiveTimeCredits } from '../../../apps/local-coop-node/src/volunteering/receive-time-credits.use-case';
import { WithdrawTimeCredits } from '../../../apps/local-coop-node/src/volunteering/withdraw-time-credits.use-case';
import { aVolunteer } from '../../support/builders';
import { TestMesh } from '../../support/mesh';

/**
 * The hub's word that a payment was withdrawn (the co-op left before answering it), as a node taken
 * back into the consortium reads it, called on the running node's own handlers in their own
 * transactions: before the forward, the forward is refused and the code stays unused; after it, the
 * member's credit is taken back once, however often the word is heard.
 */
describe('use cases: a payment withdrawn by the hub', () => {
  const mesh = new TestMesh();
  const COOP = 'golcar-withdrawn';
  const admin = mesh.node(COOP).as('coop-admin');
  const REASON = `${COOP} left the consortium before it answered: the payment is given back`;
  let node: INestApplication;

  const envelope = <T>(payload: T) => ({ payload }) as Envelope<T>;
  const inTransaction = <T>(work: (m: EntityManager) => Promise<T>) => node.get(DataSource).transaction(work);
  const withdraw = (transferId: string) =>
    inTransaction((m) => node.get(WithdrawTimeCredits).execute(envelope<TimeCreditsWithdrawnV1>({ transferId, reason: REASON }), m));
  const receive = (transferId: string, paymentCode: string, minutes: number) =>
    inTransaction((m) =>
      node
        .get(ReceiveTimeCredits)
        .execute(envelope<TimeCreditsForwardedV1>({ transferId, paymentCode, minutes, fromCoopId: 'holme-valley' }), m),
    );
  const payee = async () => {
    const id = (await admin.post('/volunteers', aVolunteer()).expect(201)).body.id as string;
    const code = (await admin.post('/time-bank/payment-codes', { volunteerId: id }).expect(201)).body.code as string;
    return { id, code };
  };
  const balance = async (id: string) => (await admin.get(`/time-bank/accounts/${id}`).expect(200)).body.balanceMinutes as number;
  const clearing = async () => (await admin.get('/time-bank/summary').expect(200)).body.acrossCoops.clearingBalanceMinutes as number;
  const movements = async (transferId: string) =>
    (
      await mesh.nodeQuery<{ purpose: string }>(
        COOP,
        'SELECT purpose FROM time_transfer WHERE time_credit_transfer_id = $1 ORDER BY purpose',
        [transferId],
      )
    ).map((r) => r.purpose);

  beforeAll(async () => {
    node = await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  it('refuses a forward that comes after the word, naming why, and leaves the code unused', async () => {
    const { id, code } = await payee();
    const transferId = randomUUID();
    await withdraw(transferId);
    const refused = await receive(transferId, code, 40).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'TIMEBANK.PAYMENT_WITHDRAWN', message: `the payment was withdrawn by the hub: ${REASON}` });
    expect(await balance(id)).toBe(0);
    expect(await movements(transferId)).toEqual([]);
    expect(await mesh.nodeQuery(COOP, 'SELECT used_at FROM time_payment_code WHERE transfer_id = $1', [transferId])).toEqual([]);
  });

  it('takes back a payment credited before the word, once, however often the word is heard', async () => {
    const { id, code } = await payee();
    const transferId = randomUUID();
    const clearingBefore = await clearing();
    await receive(transferId, code, 45);
    expect(await balance(id)).toBe(45);
    await withdraw(transferId);
    await withdraw(transferId);
    expect(await balance(id)).toBe(0);
    expect(await clearing()).toBe(clearingBefore);
    expect(await movements(transferId)).toEqual(['received-from-coop', 'withdrawn-by-hub']);
    const [row] = await mesh.nodeQuery<{ status: string; refusal_reason: string; completed_on: string | null }>(
      COOP,
      'SELECT status, refusal_reason, completed_on FROM time_credit_transfer WHERE id = $1',
      [transferId],
    );
    expect(row).toEqual({ status: 'withdrawn', refusal_reason: REASON, completed_on: null });
    // Heard again after it was credited and taken back, the forward changes nothing.
    await receive(transferId, code, 45);
    expect(await balance(id)).toBe(0);
  });

  it('takes back what a member has spent meanwhile too, into the overdraft: a correction, not a spend', async () => {
    const { id, code } = await payee();
    const other = (await admin.post('/volunteers', aVolunteer()).expect(201)).body.id as string;
    const transferId = randomUUID();
    await receive(transferId, code, 60);
    await admin.post('/time-bank/transfers', { fromVolunteerId: id, toVolunteerId: other, minutes: 60, purpose: 'help' }).expect(201);
    await withdraw(transferId);
    expect(await balance(id)).toBe(-60);
    expect(await balance(other)).toBe(60);
  });
});
