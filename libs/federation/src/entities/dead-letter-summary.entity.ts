import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Refusals from one sender in one window beyond the dead-letter budget (DEAD_LETTER_LIMIT rows per
 * DEAD_LETTER_WINDOW_MS): counted here instead of one row each, so a flood costs one row.
 */
@Entity('dead_letter_summary')
export class DeadLetterSummary {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId: string;

  @PrimaryColumn('timestamptz', { name: 'window_start' })
  windowStart: Date;

  /** Refusals not written as their own dead_letter row. */
  @Column('int')
  suppressed: number;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;

  @Column('text', { name: 'sample_reason' })
  sampleReason: string;
}
