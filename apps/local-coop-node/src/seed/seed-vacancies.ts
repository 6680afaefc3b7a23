import type { ContractType } from '@app/contracts';

import { contractViolation, StaffRole } from '../workforce';
import { addDays, SeedContext } from './seed-context';
import { insertMany } from './seed-sql';

/** A few posts being recruited to now, and a couple from earlier in the year, one filled and one withdrawn. */
export async function seedVacancies(ctx: SeedContext, today: string): Promise<void> {
  const { r } = ctx;
  const wage = ctx.rulebook.realLivingWagePencePerHour;
  const vacancy = (status: 'open' | 'filled' | 'withdrawn') => {
    const role: StaffRole = r.chance(0.75) ? 'care-worker' : 'senior-carer';
    const contractType: ContractType = role === 'care-worker' && r.chance(0.3) ? 'zero-hours' : 'permanent';
    const openedAgo = status === 'open' ? r.int(3, 75) : r.int(150, 330);
    return {
      id: r.uuid(),
      role,
      contract_type: contractType,
      minutes_per_week: contractType === 'permanent' ? r.pick([1200, 1440, 1800, 2250]) : 0,
      hourly_pay_pence: wage + 5 * (role === 'care-worker' ? r.int(0, 10) : r.int(16, 40)),
      locality: r.pick(ctx.localities),
      opened_on: addDays(today, -openedAgo),
      closed_on: status === 'open' ? null : addDays(today, -openedAgo + r.int(20, 90)),
      status,
    };
  };
  const rows = [...Array.from({ length: r.int(2, 4) }, () => vacancy('open')), vacancy('filled'), vacancy('withdrawn')];
  for (const v of rows) {
    const violation = contractViolation(v.contract_type, v.minutes_per_week);
    if (violation) throw new Error(`seed: ${violation.message}`);
  }
  await insertMany(
    ctx.m,
    'vacancy',
    {
      id: 'uuid',
      role: 'text',
      contract_type: 'text',
      minutes_per_week: 'int',
      hourly_pay_pence: 'int',
      locality: 'text',
      opened_on: 'date',
      closed_on: 'date',
      status: 'text',
    },
    rows,
  );
}
