import { SubjectScheme } from '@app/contracts';
import { FederationConfig } from '@app/platform';

import type { EnvelopeSigner } from './signing';

/**
 * Which end of the federation this process is. The hub owns the JetStream topology and talks to
 * every co-op; a node speaks only for its own co-op.
 */
export type FederationSide = { kind: 'hub' } | { kind: 'node'; coopId: string };

export interface FederationOptions {
  side: FederationSide;
  scheme: SubjectScheme;
  config: FederationConfig;
  /** Shown in the NATS server's connection list. */
  connectionName: string;
  /** This side's NKey: it signs every envelope and is the NATS identity. */
  signer: EnvelopeSigner;
  /**
   * Message types whose settled outbox rows a feature reads as its record of delivery (a return's
   * status, an offer the hub refused): the retention job never purges them. Every other settled row
   * goes after OUTBOX_RETENTION_DAYS.
   */
  outboxRecordTypes?: readonly string[];
}

export const FEDERATION_OPTIONS = Symbol('FEDERATION_OPTIONS');
