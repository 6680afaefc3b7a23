import type { StakeholderClass } from '@app/contracts';

import { address, personName } from './random';
import { SeedContext } from './seed-context';

const MIX: Record<StakeholderClass, [number, number]> = {
  'service-user-or-family': [16, 22],
  worker: [18, 24],
  volunteer: [10, 16],
  'community-supporter': [6, 10],
};

/** Dozens of members across every admitted class, with shares within the rulebook's limits; a few have left. */
export async function seedMembers(ctx: SeedContext): Promise<void> {
  const { m, r, rulebook, today } = ctx;
  for (const cls of rulebook.admittedClasses) {
    const n = r.int(...MIX[cls]);
    for (let i = 0; i < n; i++) {
      const id = r.uuid();
      const daysAgo = r.int(30, 1100);
      const admittedOn = r.dateDaysAgo(today, daysAgo);
      const withdrawnOn = r.chance(0.08) ? r.dateDaysAgo(today, r.int(1, daysAgo - 1)) : null;
      const step = 100;
      const top = cls === 'community-supporter' ? 500_000 : 20_000;
      const shares = Math.min(rulebook.shareMaximumPence, rulebook.shareMinimumPence + step * r.int(0, Math.floor(top / step)));
      const locality = r.pick(ctx.localities);
      const fullName = personName(r);
      await m.query(
        `INSERT INTO member (id, stakeholder_class, full_name, email, phone, address, date_of_birth, admitted_on, withdrawn_on, withdrawal_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          cls,
          fullName,
          r.chance(0.7) ? `member${r.int(1000, 9999)}@example.org` : null,
          r.chance(0.8) ? `01484 ${r.int(100000, 999999)}` : null,
          address(r, locality),
          r.dateDaysAgo(today, r.int(18 * 365, 92 * 365)),
          admittedOn,
          withdrawnOn,
          withdrawnOn ? r.pick(['moved away', 'no longer uses the service', 'personal reasons']) : null,
        ],
      );
      await m.query(`INSERT INTO share_transaction (id, member_id, kind, amount_pence, occurred_at) VALUES ($1, $2, 'purchase', $3, $4)`, [
        r.uuid(),
        id,
        shares,
        admittedOn,
      ]);
      if (withdrawnOn)
        await m.query(
          `INSERT INTO share_transaction (id, member_id, kind, amount_pence, occurred_at) VALUES ($1, $2, 'withdrawal', $3, $4)`,
          [r.uuid(), id, shares, withdrawnOn],
        );
      ctx.members.push({ id, stakeholderClass: cls, fullName, locality, admittedOn, withdrawnOn });
    }
  }
}
