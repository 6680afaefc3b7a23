import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { HireRequestEnding, RECRUITMENT_HIRE_ANSWERED_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';

/** Co-ops' requests to hire, as the hub keeps them: ending the ones still waiting, and telling each co-op how its request ended. */
@Injectable()
export class HireRequestStore {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * Ends every request still waiting for this candidate, and tells each co-op (durably) how it ended:
   * the candidate withdrew from the pool, erased their record or was purged ('withdrawn').
   * Returns how many ended.
   */
  async endWaitingForCandidate(m: EntityManager, candidateId: string, outcome: HireRequestEnding, now: Date): Promise<number> {
    const ended: { id: string; coop_id: string }[] = await m.query(
      `UPDATE hire_request SET status = $2, answered_at = $3 WHERE candidate_id = $1 AND status = 'waiting' RETURNING id, coop_id`,
      [candidateId, outcome, now],
    );
    const rows = rowsOf(ended);
    for (const r of rows) await this.tell(m, r.coop_id, r.id, outcome);
    return rows.length;
  }

  /** Ends every request still waiting on this vacancy ('closed': it left the pool or closed on the node). */
  async endWaitingForVacancy(m: EntityManager, coopId: string, vacancyId: string, now: Date): Promise<number> {
    const ended: { id: string; coop_id: string }[] = await m.query(
      `UPDATE hire_request SET status = 'closed', answered_at = $3 WHERE coop_id = $1 AND vacancy_id = $2 AND status = 'waiting' RETURNING id, coop_id`,
      [coopId, vacancyId, now],
    );
    const rows = rowsOf(ended);
    for (const r of rows) await this.tell(m, r.coop_id, r.id, 'closed');
    return rows.length;
  }

  /** Ends every request of this co-op still waiting for a candidate ('closed': the co-op left the consortium). */
  async endWaitingForCoop(m: EntityManager, coopId: string, now: Date): Promise<number> {
    const ended: { id: string; coop_id: string }[] = await m.query(
      `UPDATE hire_request SET status = 'closed', answered_at = $2 WHERE coop_id = $1 AND status = 'waiting' RETURNING id, coop_id`,
      [coopId, now],
    );
    const rows = rowsOf(ended);
    for (const r of rows) await this.tell(m, r.coop_id, r.id, 'closed');
    return rows.length;
  }

  async tell(m: EntityManager, coopId: string, requestId: string, outcome: HireRequestEnding): Promise<void> {
    await this.outbox.enqueue(m, RECRUITMENT_HIRE_ANSWERED_V1, { requestId, outcome }, { coopId });
  }
}

/** TypeORM answers an UPDATE … RETURNING as [rows, row count]. */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
