import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { toInt } from './common.config';
import { CommonConfig } from './common.config';

const ms = (name: string, min: number, max: number) => [
  Transform(toInt),
  IsInt({ message: `${name} must be a whole number of milliseconds between ${min} and ${max}` }),
  Min(min, { message: `${name} must be a whole number of milliseconds between ${min} and ${max}` }),
  Max(max, { message: `${name} must be a whole number of milliseconds between ${min} and ${max}` }),
];
function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/** Tuning of the outbox relay and the inbox consumer, the same on hub and node. */
export class FederationConfig extends CommonConfig {
  /**
   * This process's NKey user seed (SU…): its NATS identity and the key that signs every message it
   * sends. A secret: no default. `consortium-hub provision` makes one for each co-op.
   */
  @Matches(/^SU[A-Z2-7]{56}$/, { message: 'NATS_NKEY_SEED must be set to an NKey user seed (SU…, 58 characters), as made by "consortium-hub provision" or "consortium-hub keygen"' })
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

  @Transform(toInt)
  @IsInt({ message: 'INBOX_MAX_DELIVER must be a whole number between 2 and 100' })
  @Min(2, { message: 'INBOX_MAX_DELIVER must be a whole number between 2 and 100' })
  @Max(100, { message: 'INBOX_MAX_DELIVER must be a whole number between 2 and 100' })
  INBOX_MAX_DELIVER = 5;

  @apply(ms('HEARTBEAT_INTERVAL_MS', 100, 600_000))
  HEARTBEAT_INTERVAL_MS = 5_000;
}
