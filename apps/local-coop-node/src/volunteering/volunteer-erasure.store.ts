import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface VolunteerToErase {
  id: string;
  leftOn: string | null;
  /** Claims submitted or approved but not yet paid: the co-op still owes this person. */
  outstandingClaims: number;
}

/**
 * Erases the personal details of the volunteer linked to a member, inside the caller's transaction.
 * What the co-op's figures and accounts rest on stays: dates, activities, minutes, the time-credit
 * ledger, claim amounts, statuses and payment references. Names and free text about the person go.
 */
@Injectable()
export class VolunteerErasure {
  /** The member's volunteer record, locked for the rest of the transaction, or null if they never volunteered. */
  async lockForMember(manager: EntityManager, memberId: string): Promise<VolunteerToErase | null> {
    const [row] = await manager.query('SELECT id, left_on FROM volunteer WHERE member_id = $1 FOR NO KEY UPDATE', [memberId]);
    if (!row) return null;
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM expense_claim WHERE volunteer_id = $1 AND status IN ('submitted', 'approved')`,
      [row.id],
    );
    return { id: row.id, leftOn: row.left_on, outstandingClaims: n };
  }

  /** Returns the label that now stands in for the name. */
  async erase(manager: EntityManager, volunteerId: string, erasedAt: Date): Promise<string> {
    const label = `Erased volunteer #${volunteerId.slice(0, 8)}`;
    await manager.query('UPDATE volunteer SET full_name = $2, leaving_reason = NULL, erased_at = $3 WHERE id = $1', [
      volunteerId,
      label,
      erasedAt,
    ]);
    await manager.query('UPDATE volunteer_hours SET note = NULL WHERE volunteer_id = $1 AND note IS NOT NULL', [volunteerId]);
    await manager.query(
      'UPDATE expense_claim SET description = NULL, approval_note = NULL, rejection_reason = NULL WHERE volunteer_id = $1',
      [volunteerId],
    );
    // The ledger refuses every other change: only a note may be blanked, minutes and accounts stay as posted.
    await manager.query(
      `UPDATE time_transfer t SET note = NULL FROM time_account a
        WHERE a.volunteer_id = $1 AND (t.from_account_id = a.id OR t.to_account_id = a.id) AND t.note IS NOT NULL`,
      [volunteerId],
    );
    // A payment across co-ops keeps its minutes and co-ops (the clearing rests on them), not its note.
    await manager.query('UPDATE time_credit_transfer SET note = NULL WHERE volunteer_id = $1 AND note IS NOT NULL', [volunteerId]);
    return label;
  }
}
