/**
 * The one exception services throw. `code` is stable (GOVERNANCE.ALREADY_VOTED) and is what clients
 * and tests match on; `kind` says which HTTP status or NATS outcome it maps to.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'too-many' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
