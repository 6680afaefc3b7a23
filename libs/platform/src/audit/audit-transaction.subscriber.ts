import { Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

import { AuditTrail } from './audit.service';
import { AuditContext } from './audit-context';

/** TypeORM keeps the nesting depth to itself; 1 is the outermost transaction, deeper ones are savepoints. */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth: number }).transactionDepth;
}

/**
 * Writes an audited request's row inside the first transaction that commits for it, with that
 * transaction's own connection: a committed change always has its row, and a change that rolls back
 * (its SQL failed, a deferred constraint refused the commit, the audit insert itself failed) never does.
 */
@Injectable()
export class AuditTransactionSubscriber implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly context: AuditContext,
    private readonly trail: AuditTrail,
  ) {
    dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const request = this.context.current();
    if (!request || request.finished || request.committed || request.pending || depthOf(event.queryRunner) !== 1) return;
    // A transaction that wrote nothing (a read-only snapshot, a lookup) has no transaction id yet: it
    // carries no change to audit, and a read-only one could not take the row anyway.
    const [{ xid }] = await event.queryRunner.query('SELECT txid_current_if_assigned() AS xid');
    if (xid === null) return;
    request.pending = event.queryRunner;
    await this.trail.record(request.entry, event.queryRunner.manager);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const request = this.context.current();
    if (request?.pending !== event.queryRunner) return;
    request.pending = null;
    request.committed = true;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const request = this.context.current();
    if (request?.pending === event.queryRunner) request.pending = null;
  }
}
