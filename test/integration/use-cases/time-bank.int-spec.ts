import { INestApplication } from '@nestjs/common';

import { DomainError } from '@app/platform';

import { TransferTimeCredits } from '../../../apps/local-coop-node/src/volunteering/transfer-time-credits.use-case';
import { aVolunteer, someHours } from '../../support/builders';
import { TestMesh } from '../../support/mesh';

/**
 * The node's time-bank transfer called directly on the running node's own module, against a database
 * of its own: each refusal by its code, the overdraft to the minute, and transfers from one account
 * racing each other. Volunteers and their hours are set up through the HTTP API, as the co-op would.
 */
describe('use cases: time-credit transfers', () => {
  const mesh = new TestMesh();
  const COOP = 'linthwaite';
  const OVERDRAFT = 600; // the UK founding rulebook's timeCreditOverdraftMinutes
  const admin = mesh.node(COOP).as('coop-admin');
  let node: INestApplication;

  const volunteer = async () => (await admin.post('/volunteers', aVolunteer({ joinedOn: '2025-01-06' })).expect(201)).body.id as string;
  const balance = async (id: string) => (await admin.get(`/time-bank/accounts/${id}`).expect(200)).body.balanceMinutes as number;
  const ledgerTotal = async () =>
    (await mesh.nodeQuery<{ total: number }>(COOP, 'SELECT coalesce(sum(minutes), 0)::int AS total FROM time_entry'))[0].total;
  const transfers = async () => (await mesh.nodeQuery<{ n: number }>(COOP, 'SELECT count(*)::int AS n FROM time_transfer'))[0].n;
  const transfer = (fromVolunteerId: string, toVolunteerId: string, minutes: number) =>
    node.get(TransferTimeCredits).execute({ fromVolunteerId, toVolunteerId, minutes, purpose: 'help' });

  /** The code and details of the domain error `work` fails with. */
  const refusal = async (work: Promise<unknown>): Promise<{ code: string; details?: unknown }> => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
    return { code: error.code, details: error.details };
  };

  beforeAll(async () => {
    node = await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  it('moves the minutes from the payer to the helper, double-entry, and answers the transfer', async () => {
    const [payer, helper] = [await volunteer(), await volunteer()];
    const before = await ledgerTotal();
    const view = await transfer(payer, helper, 45);
    expect(view).toMatchObject({ purpose: 'help', fromVolunteerId: payer, toVolunteerId: helper, minutes: 45, volunteerHoursId: null });
    expect([await balance(payer), await balance(helper)]).toEqual([-45, 45]);
    expect(await ledgerTotal()).toBe(before);
  });

  it("lets a volunteer spend into the rulebook's overdraft to the minute, and not a minute more", async () => {
    const [payer, helper] = [await volunteer(), await volunteer()];
    const refused = await refusal(transfer(payer, helper, OVERDRAFT + 1));
    expect(refused).toEqual({ code: 'TIMEBANK.OVERDRAFT_EXCEEDED', details: { balanceMinutes: 0, overdraftMinutes: OVERDRAFT } });
    await transfer(payer, helper, OVERDRAFT);
    expect(await balance(payer)).toBe(-OVERDRAFT);
    expect((await refusal(transfer(payer, helper, 1))).code).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
  });

  it('counts credits earned by hours given towards what can be spent', async () => {
    const [payer, helper] = [await volunteer(), await volunteer()];
    await admin.post(`/volunteers/${payer}/hours`, someHours({ minutes: 90 })).expect(201);
    expect(await balance(payer)).toBe(90);
    expect((await refusal(transfer(payer, helper, 90 + OVERDRAFT + 1))).details).toEqual({
      balanceMinutes: 90,
      overdraftMinutes: OVERDRAFT,
    });
    await transfer(payer, helper, 90 + OVERDRAFT);
    expect(await balance(payer)).toBe(-OVERDRAFT);
  });

  it('refuses a transfer to oneself, and zero, negative or fractional minutes, changing nothing', async () => {
    const [payer, helper] = [await volunteer(), await volunteer()];
    const before = await transfers();
    expect((await refusal(transfer(payer, payer, 10))).code).toBe('TIMEBANK.SELF_TRANSFER');
    for (const minutes of [0, -5, 1.5])
      expect((await refusal(transfer(payer, helper, minutes))).code).toBe('TIMEBANK.MINUTES_NOT_POSITIVE');
    expect(await transfers()).toBe(before);
    expect([await balance(payer), await balance(helper)]).toEqual([0, 0]);
  });

  it('refuses a payer or a helper who has left, and an unknown volunteer', async () => {
    const [stays, leaver] = [await volunteer(), await volunteer()];
    await admin.post(`/volunteers/${leaver}/departure`, { leftOn: '2025-06-30', reason: 'moved away' }).expect(200);
    expect((await refusal(transfer(leaver, stays, 10))).code).toBe('TIMEBANK.VOLUNTEER_LEFT');
    expect((await refusal(transfer(stays, leaver, 10))).code).toBe('TIMEBANK.VOLUNTEER_LEFT');
    expect((await refusal(transfer(stays, '0f0e0d0c-0b0a-4998-8776-655443322110', 10))).code).toBe('VOLUNTEERING.VOLUNTEER_NOT_FOUND');
  });

  it('lets only one of two transfers racing from one account spend the same overdraft', async () => {
    const [payer, first, second] = [await volunteer(), await volunteer(), await volunteer()];
    const outcomes = await Promise.allSettled([transfer(payer, first, 400), transfer(payer, second, 400)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect((rejected.reason as DomainError).code).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
    expect(await balance(payer)).toBe(-400);
  });
});
