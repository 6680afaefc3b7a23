import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { RECRUITMENT_HIRE_REQUESTED_V1 } from '@app/contracts';
import { ReceiptHandlers, SettledMessage } from '@app/federation';

import { HireRequestStore } from './hire-request.store';
import { statusAfterReceipt } from './recruitment.rules';

const MAX_REASON = 2000;

/**
 * The hub's receipt for a request to hire, in the transaction that settles its outbox row: applied,
 * the hub has put it to the candidate; rejected, the hub refused it (the vacancy not in its pool, the
 * candidate gone or declined before) and the reason is kept for the admin.
 */
@Injectable()
export class RecordHireReceipt implements OnModuleInit {
  constructor(
    private readonly handlers: ReceiptHandlers,
    private readonly store: HireRequestStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(RECRUITMENT_HIRE_REQUESTED_V1, (settled, m) => this.execute(settled, m));
  }

  async execute(settled: SettledMessage, m: EntityManager): Promise<void> {
    const requestId = await this.store.requestOfMessage(m, settled.messageId);
    const request = requestId ? await this.store.lock(m, requestId) : null;
    if (!request) return;
    const next = statusAfterReceipt(request.status, settled.outcome);
    if (!next) return;
    await this.store.setStatus(m, request.id, next, next === 'refused' ? (settled.reason ?? 'refused').slice(0, MAX_REASON) : null);
  }
}
