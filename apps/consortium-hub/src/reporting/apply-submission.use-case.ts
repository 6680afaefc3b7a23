import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, findReturnDefinition, REPORTING_RETURN_SUBMITTED_V1, ReturnSubmittedV1, validateReturn } from '@app/contracts';
import { InboxHandlers, madeAt } from '@app/federation';

import { coopContractIds } from '../tendering';
import { ReportingErrors } from './reporting.errors';
import { lockTime, OPENED_CLOCK_ALLOWANCE_MS, submissionRefusal } from './review.rules';
import { currentReturnOf, exceptionUntilOf, lockCoopReturn } from './review-records.store';

/**
 * A co-op's return arrives. It is checked against the cycle, its lock and sign-off, and the return
 * definition; a refusal goes back to the node as a rejected receipt with the reasons, and changes
 * nothing here. An accepted one supersedes the co-op's earlier return for the cycle, unless that one
 * was made later (messages can arrive out of order after a republish); every return received is kept.
 *
 * The time that counts against the lock is when the node made the return (its signed `occurredAt`,
 * trusted up to MAX_CLOCK_AHEAD_MS ahead of the hub's clock: see `madeAt`), so a node that was offline
 * when the cycle locked still gets in a return it made before. A node signs whatever time it likes, so
 * that time is bounded by the hub's own: not before the cycle opened, and a claim to be made before the
 * lock (or an exception's end) counts only for a return that arrives within LATE_ARRIVAL_GRACE_HOURS of
 * it (see `submissionRefusal`). The hub's arrival time is kept beside the made time (`received_at`).
 */
@Injectable()
export class ApplySubmission implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REPORTING_RETURN_SUBMITTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<ReturnSubmittedV1>, m: EntityManager, receivedAt = new Date()): Promise<void> {
    const r = envelope.payload;
    const [cycle] = await m.query('SELECT * FROM return_cycle WHERE id = $1 FOR SHARE', [r.cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(r.cycleId);
    const made = madeAt(envelope.occurredAt, receivedAt);
    if (!made.ok) throw ReportingErrors.clockAhead(made.reason);
    if (
      r.definitionId !== cycle.definition_id ||
      r.definitionVersion !== cycle.definition_version ||
      r.period.label !== cycle.period_label
    ) {
      throw ReportingErrors.wrongPeriod(
        `${cycle.definition_id} v${cycle.definition_version} ${cycle.period_label}`,
        `${r.definitionId} v${r.definitionVersion} ${r.period.label}`,
      );
    }
    // One current return per co-op and cycle, and no review in between: lock, then judge.
    await lockCoopReturn(m, r.cycleId, envelope.coopId);
    const current = await currentReturnOf(m, r.cycleId, envelope.coopId);
    const refusal = submissionRefusal({
      madeAt: made.at,
      receivedAt,
      openedAt: new Date(cycle.opened_at),
      locksAt: lockTime(new Date(cycle.due_at), cycle.lock_after_days),
      currentReview: current?.review ?? null,
      exceptionUntil: await exceptionUntilOf(m, r.cycleId, envelope.coopId),
    });
    if (refusal?.kind === 'made-before-opened')
      throw ReportingErrors.madeBeforeOpened(refusal.madeAt, refusal.openedAt, OPENED_CLOCK_ALLOWANCE_MS);
    if (refusal?.kind === 'approved') throw ReportingErrors.returnApproved(refusal.approvedAt);
    if (refusal?.kind === 'locked') throw ReportingErrors.cycleLocked(refusal.locksAt, refusal.exceptionEndedAt, refusal.arrivedTooLate);
    const definition = findReturnDefinition(r.definitionId, r.definitionVersion)!;
    const [coop] = await m.query('SELECT localities FROM coop WHERE id = $1', [envelope.coopId]);
    const problems = validateReturn(definition, r, {
      localities: coop?.localities ?? [],
      contracts: await coopContractIds(m, envelope.coopId),
    });
    if (problems.length) throw ReportingErrors.submissionInvalid(problems.map((p) => p.message));
    // Keep whichever was made last as the current one.
    const newer = !current || current.submittedAt <= made.at;
    if (current && newer) await m.query('UPDATE return_submission SET superseded_at = now() WHERE message_id = $1', [current.messageId]);
    const { cycleId: _cycle, ...figures } = r;
    await m.query(
      `INSERT INTO return_submission (message_id, cycle_id, coop_id, submitted_at, received_at, figures, superseded_at) VALUES ($1, $2, $3, $4, $5, $6, ${newer ? 'NULL' : 'now()'})`,
      [envelope.id, r.cycleId, envelope.coopId, made.at, receivedAt, JSON.stringify(figures)],
    );
  }
}
