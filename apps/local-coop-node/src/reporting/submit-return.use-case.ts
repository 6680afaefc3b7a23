import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { findReturnDefinition, parsePeriod, REPORTING_RETURN_SUBMITTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { ComputeReturn } from './compute-return.use-case';
import { ReportingErrors } from './reporting.errors';

/**
 * Sends the co-op's return for a cycle the hub asked for: computed now from the node's records,
 * refused here if it does not pass its own validation, and written to the outbox (so it goes even
 * while NATS is down). Submitting again later sends a new return that supersedes the last one.
 */
@Injectable()
export class SubmitReturn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly computeReturn: ComputeReturn,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(cycleId: string): Promise<{ messageId: string; cycleId: string; period: string }> {
    const [request] = await this.dataSource.query('SELECT * FROM return_request WHERE cycle_id = $1', [cycleId]);
    if (!request) throw ReportingErrors.requestNotFound(cycleId);
    const definition = findReturnDefinition(request.definition_id, request.definition_version);
    if (!definition) throw ReportingErrors.unknownDefinition(request.definition_id, request.definition_version);
    const computed = await this.computeReturn.execute(parsePeriod(request.period_label)!, definition);
    if (computed.problems.length) throw ReportingErrors.returnInvalid(computed.problems.map((p) => p.message));
    const sent = await this.dataSource.transaction(async (m) => {
      const envelope = await this.outbox.enqueue(m, REPORTING_RETURN_SUBMITTED_V1, { ...computed.outgoing, cycleId }, {});
      await m.query('INSERT INTO return_sent (message_id, cycle_id) VALUES ($1, $2)', [envelope.id, cycleId]);
      return envelope.id;
    });
    this.relay.nudge();
    return { messageId: sent, cycleId, period: request.period_label };
  }
}
