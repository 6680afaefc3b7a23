import { Transform } from 'class-transformer';
import { IsIn, Matches, ValidateBy } from 'class-validator';

import { IntBetween } from '../validation';
import { toInt } from './common.config';
import { CommonConfig } from './common.config';

const ms = (name: string, min: number, max: number) => [Transform(toInt), IntBetween(name, min, max, { unit: 'milliseconds' })];
const whole = (name: string, min: number, max: number) => [Transform(toInt), IntBetween(name, min, max)];
const DAY_MS = 86_400_000;

/**
 * The inbox keeps a message's id for INBOX_RETENTION_DAYS, and a sender republishes an unconfirmed
 * message at growing intervals, up to OUTBOX_RECEIPT_TIMEOUT_MS × 64: a republish must be able to come
 * well inside the horizon, or a message that lost its first publish could only ever be refused as too old.
 */
export const LONGEST_REPUBLISH_FACTOR = 64;

/** The inbox refuses a message made more than INBOX_RETENTION_DAYS less this margin ago (a clock a little ahead, a sweep's lag). */
export const INBOX_HORIZON_MARGIN_DAYS = 1;

function longerThanLongestRepublish(): PropertyDecorator {
  return ValidateBy({
    name: 'longerThanLongestRepublish',
    validator: {
      validate: (days: unknown, args) => {
        const timeout = (args?.object as FederationConfig).OUTBOX_RECEIPT_TIMEOUT_MS;
        if (!Number.isInteger(days) || !Number.isInteger(timeout)) return true; // their own rules say so
        return ((days as number) - INBOX_HORIZON_MARGIN_DAYS) * DAY_MS > timeout * LONGEST_REPUBLISH_FACTOR;
      },
      defaultMessage: () =>
        `INBOX_RETENTION_DAYS, less its ${INBOX_HORIZON_MARGIN_DAYS}-day margin, must be longer than the longest republish interval (OUTBOX_RECEIPT_TIMEOUT_MS × ${LONGEST_REPUBLISH_FACTOR}): ` +
        'raise INBOX_RETENTION_DAYS or lower OUTBOX_RECEIPT_TIMEOUT_MS',
    },
  });
}

function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/** Tuning of the outbox relay and the inbox consumer, the same on hub and node. */
export class FederationConfig extends CommonConfig {
  /**
   * This process's NKey user seed (SU…): its NATS identity and the key that signs every message it
   * sends. A secret: no default. `consortium-hub provision` makes one for each co-op.
   */
  @Matches(/^SU[A-Z2-7]{56}$/, {
    message:
      'NATS_NKEY_SEED must be set to an NKey user seed (SU…, 58 characters), as made by "consortium-hub provision" or "consortium-hub keygen"',
  })
  NATS_NKEY_SEED: string;

  /** How often the relay looks for outbox rows to publish. */
  @apply(ms('OUTBOX_POLL_MS', 10, 60_000))
  OUTBOX_POLL_MS = 250;

  /** How long a published message may stay without a receipt before it is published again. */
  @apply(ms('OUTBOX_RECEIPT_TIMEOUT_MS', 100, 86_400_000))
  OUTBOX_RECEIPT_TIMEOUT_MS = 60_000;

  /** Longest pause between retries while NATS is unreachable (the back-off doubles up to this). */
  @apply(ms('OUTBOX_MAX_BACKOFF_MS', 100, 600_000))
  OUTBOX_MAX_BACKOFF_MS = 30_000;

  /** How long JetStream waits for an ack before it redelivers a message to the inbox. */
  @apply(ms('INBOX_ACK_WAIT_MS', 500, 600_000))
  INBOX_ACK_WAIT_MS = 30_000;

  /**
   * How many times the handler may fail on a message before it is dead-lettered. Counted by the inbox
   * itself, not by JetStream: a message put back because its co-op had too many waiting, or because
   * this side's own database was down, is not a failure.
   */
  @apply(whole('INBOX_MAX_DELIVER', 2, 100))
  INBOX_MAX_DELIVER = 5;

  /** How many co-ops' messages the inbox applies at once; each co-op's own are applied one at a time, in order. */
  @apply(whole('INBOX_CONCURRENCY', 1, 64))
  INBOX_CONCURRENCY = 8;

  /**
   * Messages the inbox applies in one transaction (each in its own savepoint, one commit), taken from
   * different co-ops' queues; 1 applies each message in a transaction of its own.
   */
  @apply(whole('INBOX_BATCH_MAX', 1, 256))
  INBOX_BATCH_MAX = 32;

  /** Messages of one co-op held in memory waiting their turn; more are put back to JetStream for later. */
  @apply(whole('INBOX_MAX_HELD_PER_COOP', 1, 10_000))
  INBOX_MAX_HELD_PER_COOP = 20;

  /** Messages held in memory in all. */
  @apply(whole('INBOX_MAX_HELD', 1, 100_000))
  INBOX_MAX_HELD = 500;

  /** Dead-letter rows written for one sender in one window; further refusals are counted in a summary row. */
  @apply(whole('DEAD_LETTER_LIMIT', 1, 100_000))
  DEAD_LETTER_LIMIT = 50;

  @apply(ms('DEAD_LETTER_WINDOW_MS', 1000, 86_400_000))
  DEAD_LETTER_WINDOW_MS = 600_000;

  /** Limits of each JetStream stream (set by the hub): messages in all, bytes in all, messages per subject. */
  @apply(whole('STREAM_MAX_MSGS', 1000, 1_000_000_000))
  STREAM_MAX_MSGS = 1_000_000;

  @apply(whole('STREAM_MAX_BYTES', 1_048_576, 1_099_511_627_776))
  STREAM_MAX_BYTES = 1_073_741_824;

  /** A subject is one co-op and one message type: this bounds what one co-op can leave waiting. */
  @apply(whole('STREAM_MAX_MSGS_PER_SUBJECT', 10, 1_000_000))
  STREAM_MAX_MSGS_PER_SUBJECT = 1_000;

  /**
   * How many NATS servers keep a copy of each stream (and, inherited, of each consumer): 1 on a single
   * server; 3 or 5 on a JetStream cluster, so the streams survive the loss of one server (or two).
   * Odd, because a replicated stream needs a majority of its replicas up. The hub sets it when it makes
   * the streams, and changes it in place on streams that exist (nats-server 2.9 can).
   */
  @Transform(toInt)
  @IsIn([1, 3, 5], { message: 'STREAM_REPLICAS must be 1, 3 or 5 (and no more than the NATS servers in the cluster)' })
  STREAM_REPLICAS = 1;

  /** Connections of the federation's own pool (the relay, and a node's inbox), apart from the HTTP API's. */
  @apply(whole('FEDERATION_DB_POOL', 1, 50))
  FEDERATION_DB_POOL = 2;

  @apply(ms('HEARTBEAT_INTERVAL_MS', 100, 600_000))
  HEARTBEAT_INTERVAL_MS = 5_000;

  /** How often the retention job purges what the guarantees no longer need (one instance at a time). */
  @apply(ms('FEDERATION_RETENTION_SWEEP_MS', 1000, 86_400_000))
  FEDERATION_RETENTION_SWEEP_MS = 3_600_000;

  /** Settled (confirmed or rejected) outbox rows are kept this long, except those a feature keeps as its record. */
  @apply(whole('OUTBOX_RETENTION_DAYS', 1, 3650))
  OUTBOX_RETENTION_DAYS = 7;

  /**
   * An inbox id is kept this long after its message was received; a message made longer ago than this
   * (less a day's margin) is refused rather than applied, since its id may already be gone.
   */
  @apply([Transform(toInt), IntBetween('INBOX_RETENTION_DAYS', 7, 3650, { unit: 'days' }), longerThanLongestRepublish()])
  INBOX_RETENTION_DAYS = 90;

  /** Dead letters and dead-letter summaries are kept this long for an operator to read. */
  @apply(whole('DEAD_LETTER_RETENTION_DAYS', 1, 3650))
  DEAD_LETTER_RETENTION_DAYS = 90;
}
