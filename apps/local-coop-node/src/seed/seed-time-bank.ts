import { overdraftViolation, TransferPurpose, transferViolation, VolunteerActivity } from '../volunteering';
import { addDays, dayOf, recordedAt, SeedContext } from './seed-context';
import { insertMany } from './seed-sql';

export interface SeededVolunteer {
  id: string;
  fullName: string;
  memberId: string | null;
  joinedOn: string;
  leftOn: string | null;
  leavingReason: string | null;
  movedIntoPaidWorkOn: string | null;
  paidRole: string | null;
}

export interface SeededHours {
  id: string;
  volunteerId: string;
  workedOn: string;
  activity: VolunteerActivity;
  minutes: number;
  note: string | null;
}

interface Transfer {
  id: string;
  purpose: 'earning' | TransferPurpose;
  from_account_id: string;
  to_account_id: string;
  minutes: number;
  volunteer_hours_id: string | null;
  note: string | null;
  occurred_on: string;
  recorded_at: string;
}

const NOTES: Record<TransferPurpose, string[]> = {
  respite: [
    'Sat with Mum for the afternoon so I could get out',
    'Stayed in while I went to my own appointment',
    'An evening off from caring',
  ],
  help: ['Lift to the hospital', 'Helped clear the garden', 'Weekly shopping run', 'Sorted out my online banking'],
};

/**
 * The double-entry time-credit ledger, written as the app writes it: an account for every volunteer;
 * for every hours row an earning from the co-op's issuer account of the same minutes on the same day;
 * then exchanges between volunteers in date order, each allowed by the app's own transfer and
 * overdraft rules against the payer's balance on that day. Every transfer is a header and two entries
 * (payer debited, payee credited), which the deferred trigger checks at commit.
 */
export async function seedTimeBank(ctx: SeedContext, volunteers: SeededVolunteer[], hours: SeededHours[]): Promise<void> {
  const { r } = ctx;
  const today = dayOf(ctx.today);
  const [{ id: issuer }] = await ctx.m.query(`SELECT id FROM time_account WHERE kind = 'issuer'`);
  const accounts = new Map(volunteers.map((v) => [v.id, r.uuid()]));
  await insertMany(
    ctx.m,
    'time_account',
    { id: 'uuid', kind: 'text', volunteer_id: 'uuid' },
    volunteers.map((v) => ({ id: accounts.get(v.id)!, kind: 'volunteer', volunteer_id: v.id })),
  );

  const transfers: Transfer[] = hours.map((h) => ({
    id: r.uuid(),
    purpose: 'earning',
    from_account_id: issuer,
    to_account_id: accounts.get(h.volunteerId)!,
    minutes: h.minutes,
    volunteer_hours_id: h.id,
    note: null,
    occurred_on: h.workedOn,
    recorded_at: recordedAt(ctx, h.workedOn),
  }));
  const balanceOn = (accountId: string, day: string) =>
    transfers.reduce(
      (sum, t) =>
        t.occurred_on > day
          ? sum
          : t.to_account_id === accountId
            ? sum + t.minutes
            : t.from_account_id === accountId
              ? sum - t.minutes
              : sum,
      0,
    );

  const days = Array.from({ length: r.int(10, 18) }, () => addDays(today, -r.int(0, 84))).sort();
  for (const day of days) {
    // As the app sees a volunteer on the day: there, or already gone.
    const party = (v: SeededVolunteer) => ({ volunteerId: v.id, leftOn: v.leftOn !== null && v.leftOn <= day ? v.leftOn : null });
    const present = volunteers.filter((v) => v.joinedOn <= day);
    const payee = r.pick(present);
    const purpose: TransferPurpose = r.chance(0.4) ? 'respite' : 'help';
    const minutes = r.pick([60, 90, 120, 180]);
    const payer = r
      .shuffle(present)
      .find(
        (v) =>
          transferViolation(party(v), party(payee), minutes) === null &&
          overdraftViolation(balanceOn(accounts.get(v.id)!, day), minutes, ctx.rulebook.timeCreditOverdraftMinutes) === null,
      );
    if (!payer) continue;
    transfers.push({
      id: r.uuid(),
      purpose,
      from_account_id: accounts.get(payer.id)!,
      to_account_id: accounts.get(payee.id)!,
      minutes,
      volunteer_hours_id: null,
      note: r.pick(NOTES[purpose]),
      occurred_on: day,
      recorded_at: recordedAt(ctx, day),
    });
  }
  await insertMany(
    ctx.m,
    'time_transfer',
    {
      id: 'uuid',
      purpose: 'text',
      from_account_id: 'uuid',
      to_account_id: 'uuid',
      minutes: 'int',
      volunteer_hours_id: 'uuid',
      note: 'text',
      occurred_on: 'date',
      recorded_at: 'timestamptz',
    },
    transfers,
  );
  await insertMany(
    ctx.m,
    'time_entry',
    { transfer_id: 'uuid', account_id: 'uuid', minutes: 'int' },
    transfers.flatMap((t) => [
      { transfer_id: t.id, account_id: t.from_account_id, minutes: -t.minutes },
      { transfer_id: t.id, account_id: t.to_account_id, minutes: t.minutes },
    ]),
  );
}
