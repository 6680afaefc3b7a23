import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { safeErrorMessage } from '../errors/safe-error';

export interface AuditEntry {
  actor: string;
  actorRole: string;
  action: string;
  target?: string | null;
  outcome: 'succeeded' | 'refused' | 'failed';
  status?: number | null;
  correlationId?: string | null;
}

/** PostgreSQL text cannot hold NUL, and a path a caller made up may carry one: the row must still be written. */
function text(value: string, max: number): string {
  return value.replaceAll(String.fromCharCode(0), '\uFFFD').slice(0, max);
}

/** Writes to the append-only audit trail. Never given a body or payload: who, what, which object, how it ended. */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger(AuditTrail.name);

  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  /** Several rows in one statement (the inbox's messages of one batch). */
  async recordMany(entries: readonly AuditEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => [
      text(entry.actor, 200),
      text(entry.actorRole, 50),
      text(entry.action, 200),
      entry.target ? text(entry.target, 500) : null,
      entry.outcome,
      entry.status ?? null,
      entry.correlationId ? text(entry.correlationId, 64) : null,
    ]);
    const values = rows.map((row, i) => `(${row.map((_, j) => `$${i * row.length + j + 1}`).join(', ')})`).join(', ');
    await manager.query(
      `INSERT INTO audit_event (actor, actor_role, action, target, outcome, status, correlation_id) VALUES ${values}`,
      rows.flat(),
    );
  }

  /** For the HTTP path: a failure to audit is logged loudly but does not undo what the caller was told. */
  async recordSafely(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (error) {
      this.logger.error({ msg: 'audit event not written', action: entry.action, reason: safeErrorMessage(error) });
    }
  }
}
