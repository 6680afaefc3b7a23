import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, REPORTING_RETURN_SUBMITTED_V1, ReturnSubmittedV1, findReturnDefinition, validateReturn } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { ReportingErrors } from './reporting.errors';

/**
 * A co-op's return arrives. It is checked against the cycle and the return definition; a refusal
 * goes back to the node as a rejected receipt with the reasons, and changes nothing here. An accepted
 * one supersedes the co-op's earlier return for the cycle, unless that one was made later (messages
 * can arrive out of order after a republish); every return received is kept.
 */
@Injectable()
export class ApplySubmission implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REPORTING_RETURN_SUBMITTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<ReturnSubmittedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    const [cycle] = await m.query('SELECT * FROM return_cycle WHERE id = $1 FOR SHARE', [r.cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(r.cycleId);
    if (r.definitionId !== cycle.definition_id || r.definitionVersion !== cycle.definition_version || r.period.label !== cycle.period_label) {
      throw ReportingErrors.wrongPeriod(`${cycle.definition_id} v${cycle.definition_version} ${cycle.period_label}`, `${r.definitionId} v${r.definitionVersion} ${r.period.label}`);
    }
    const definition = findReturnDefinition(r.definitionId, r.definitionVersion)!;
    const [coop] = await m.query('SELECT localities FROM coop WHERE id = $1', [envelope.coopId]);
    const problems = validateReturn(definition, r, { localities: coop?.localities ?? [] });
    if (problems.length) throw ReportingErrors.submissionInvalid(problems.map((p) => p.message));
    // One current return per co-op and cycle: lock it, and keep whichever was made last.
    const [current] = await m.query('SELECT message_id, submitted_at FROM return_submission WHERE cycle_id = $1 AND coop_id = $2 AND superseded_at IS NULL FOR UPDATE', [r.cycleId, envelope.coopId]);
    const newer = !current || new Date(current.submitted_at) <= new Date(envelope.occurredAt);
    if (current && newer) await m.query('UPDATE return_submission SET superseded_at = now() WHERE message_id = $1', [current.message_id]);
    const { cycleId: _cycle, ...figures } = r;
    await m.query(
      `INSERT INTO return_submission (message_id, cycle_id, coop_id, submitted_at, figures, superseded_at) VALUES ($1, $2, $3, $4, $5, ${newer ? 'NULL' : 'now()'})`,
      [envelope.id, r.cycleId, envelope.coopId, envelope.occurredAt, JSON.stringify(figures)],
    );
  }
}
