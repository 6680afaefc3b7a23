import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { RECRUITMENT_APPLICATION_SEALED_V1 } from '@app/contracts';
import { ReceiptHandlers, SettledMessage } from '@app/federation';

import { CandidateRow, CandidateStore } from './candidate.store';
import { HireRequestStore } from './hire-request.store';

/**
 * The hiring node's receipt for a sealed application. Applied: the request becomes a hire, every other
 * request still waiting for the candidate ends as withdrawn, and the candidate's record on the hub ends
 * (a tombstone 'hired': no personal field stays). This runs only on the receipt, in the transaction that
 * settles the outbox row, so the hub never erases before the node has the application, and a repeated
 * receipt changes nothing. Rejected (the node could not open or record it): the request keeps its status
 * with the node's reason, and the candidate's record stays.
 */
@Injectable()
export class RecordApplicationDelivery implements OnModuleInit {
  private readonly logger = new Logger(RecordApplicationDelivery.name);

  constructor(
    private readonly receipts: ReceiptHandlers,
    private readonly candidates: CandidateStore,
    private readonly requests: HireRequestStore,
  ) {}

  onModuleInit(): void {
    this.receipts.register(RECRUITMENT_APPLICATION_SEALED_V1, (settled, m) => this.execute(settled, m));
  }

  async execute(settled: SettledMessage, m: EntityManager, now = new Date()): Promise<void> {
    const [request]: { id: string; candidate_id: string | null }[] = await m.query(
      `SELECT id, candidate_id FROM hire_request WHERE application_message_id = $1 AND coop_id = $2 AND status = 'accepted' FOR UPDATE`,
      [settled.messageId, settled.coopId],
    );
    if (!request) return;
    if (settled.outcome === 'rejected') {
      await m.query('UPDATE hire_request SET delivery_problem = $2 WHERE id = $1', [
        request.id,
        (settled.reason ?? 'rejected').slice(0, 2000),
      ]);
      this.logger.warn({ msg: 'sealed application refused by the hiring node', requestId: request.id, coopId: settled.coopId });
      return;
    }
    await m.query(`UPDATE hire_request SET status = 'hired', hired_at = $2, delivery_problem = NULL WHERE id = $1`, [request.id, now]);
    if (!request.candidate_id) return;
    const [candidate]: CandidateRow[] = await m.query(
      'SELECT id, email, signed_up_at, last_active_at FROM candidate WHERE id = $1 AND erased_at IS NULL FOR UPDATE',
      [request.candidate_id],
    );
    if (!candidate) return;
    await this.requests.endWaitingForCandidate(m, candidate.id, 'withdrawn', now);
    await this.candidates.end(m, candidate, 'hired', now);
    this.logger.log({
      msg: 'application applied on the hiring node; the candidate record on the hub ended',
      requestId: request.id,
      coopId: settled.coopId,
    });
  }
}
