import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';

import type { AuditEntry } from './audit.service';

/** An audited HTTP request while it runs: who, what and which object, and whether its row is written yet. */
export interface AuditedRequest {
  /** The row a committing transaction writes: outcome succeeded, status the route's own success code. */
  readonly entry: AuditEntry;
  /** The transaction whose commit is carrying the row right now. */
  pending: QueryRunner | null;
  /** A transaction carrying the row committed: the request needs no other row. */
  committed: boolean;
  /** The response is decided: work this request left behind (a relay it nudged) no longer speaks for it. */
  finished: boolean;
}

/**
 * The audited request the current code runs for, carried through every await by AsyncLocalStorage, so
 * a transaction's commit can write the request's audit row without any use case passing it along.
 * One store per app (not a module global), so a hub and a node in one test process never mix.
 */
@Injectable()
export class AuditContext {
  private readonly storage = new AsyncLocalStorage<AuditedRequest>();

  run<T>(request: AuditedRequest, work: () => T): T {
    return this.storage.run(request, work);
  }

  current(): AuditedRequest | undefined {
    return this.storage.getStore();
  }
}
