import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ExpenseQueries } from './expense.queries';
import type { TimeAccount } from './time-account.entity';
import { VolunteerQueries } from './volunteer.queries';
import { OwnEntryView, OwnTimeBankView, VolunteerDataView } from './volunteer-data.dto';

/** One of the volunteer's ledger entries, the other side named only by its account's kind. */
interface OwnEntryRow {
  minutes: number;
  purpose: OwnEntryView['purpose'];
  note: string | null;
  occurred_on: string;
  recorded_at: Date;
  counterparty_kind: TimeAccount['kind'];
}

/** What volunteering holds about the volunteer linked to a member, for the member's data export. */
/** Who the other side of an entry is, as the person may be told: never another person's id or name. */
const COUNTERPARTY: Record<TimeAccount['kind'], OwnEntryView['counterparty']> = {
  issuer: 'the co-op',
  volunteer: 'another volunteer',
  clearing: 'another co-op',
};

@Injectable()
export class VolunteerDataQueries {
  constructor(
    private readonly volunteers: VolunteerQueries,
    private readonly expenses: ExpenseQueries,
  ) {}

  async ofMember(manager: EntityManager, memberId: string): Promise<VolunteerDataView | null> {
    const volunteer = await this.volunteers.forMember(memberId, manager);
    if (!volunteer) return null;
    const [{ erased_at }]: { erased_at: Date | null }[] = await manager.query('SELECT erased_at FROM volunteer WHERE id = $1', [
      volunteer.id,
    ]);
    return {
      record: { ...volunteer, erasedAt: erased_at ? new Date(erased_at).toISOString() : null },
      hours: await this.volunteers.allHours(manager, volunteer.id),
      timeBank: await this.timeBank(manager, volunteer.id),
      expenseClaims: await this.expenses.allOf(manager, volunteer.id),
    };
  }

  /** The other party of a respite or help exchange is another person: their id and name stay out of this export. */
  private async timeBank(manager: EntityManager, volunteerId: string): Promise<OwnTimeBankView> {
    const rows: OwnEntryRow[] = await manager.query(
      `SELECT e.minutes, t.purpose, t.note, t.occurred_on, t.recorded_at, other.kind AS counterparty_kind
         FROM time_account a
         JOIN time_entry e ON e.account_id = a.id
         JOIN time_transfer t ON t.id = e.transfer_id
         JOIN time_account other ON other.id = CASE WHEN e.account_id = t.from_account_id THEN t.to_account_id ELSE t.from_account_id END
        WHERE a.volunteer_id = $1
        ORDER BY t.occurred_on, t.recorded_at, t.id`,
      [volunteerId],
    );
    const entries: OwnEntryView[] = rows.map((r) => ({
      occurredOn: r.occurred_on,
      purpose: r.purpose,
      minutes: r.minutes,
      counterparty: COUNTERPARTY[r.counterparty_kind],
      note: r.note,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
    return { balanceMinutes: entries.reduce((sum, e) => sum + e.minutes, 0), entries };
  }
}
