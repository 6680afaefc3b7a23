import { Injectable, Optional } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

import { AppMetrics } from '@app/platform';

import { NatsLink } from './nats-link.service';

/**
 * The federation's Prometheus figures: durable messages published (confirmed by JetStream), applied by
 * the inbox (with how long each took, and whether it was new, a repeat or refused by its handler),
 * dead-lettered, by type; and, read at each scrape, the outbox's unconfirmed messages, the age of the
 * oldest, and whether NATS is connected. A message type is a label only once it decoded as a known
 * contract, so the label set stays bounded whatever arrives. Without metrics in the app, a no-op.
 */
@Injectable()
export class FederationMetrics {
  private readonly published?: Counter<'type'>;
  private readonly applied?: Counter<'type' | 'outcome'>;
  private readonly deadLettered?: Counter<'type'>;
  private readonly applySeconds?: Histogram<'type'>;
  private readonly purgedRows?: Counter<'table'>;

  constructor(link: NatsLink, dataSource: DataSource, @Optional() metrics?: AppMetrics) {
    if (!metrics) return;
    this.published = metrics.counter({
      name: 'ccm_messages_published_total',
      help: 'Durable messages published and acknowledged by JetStream, by type',
      labelNames: ['type'],
    });
    this.applied = metrics.counter({
      name: 'ccm_messages_applied_total',
      help: 'Durable messages the inbox committed, by type and outcome (applied, duplicate: a repeat that changed nothing, rejected: refused by its handler)',
      labelNames: ['type', 'outcome'],
    });
    this.deadLettered = metrics.counter({
      name: 'ccm_messages_dead_lettered_total',
      help: 'Durable messages dead-lettered, by type (unknown when it did not decode)',
      labelNames: ['type'],
    });
    this.applySeconds = metrics.histogram({
      name: 'ccm_inbox_apply_seconds',
      help: 'Time from a delivery reaching the inbox to its transaction committed, by type',
      labelNames: ['type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    });
    this.purgedRows = metrics.counter({
      name: 'ccm_retention_purged_total',
      help: 'Rows the retention job purged, by table (settled outbox rows, inbox ids and failure counts, dead letters and summaries)',
      labelNames: ['table'],
    });
    metrics.gauge({
      name: 'ccm_nats_connected',
      help: '1 while the NATS connection is up, else 0',
      collect() {
        this.set(link.isConnected() ? 1 : 0);
      },
    });
    const outbox = metrics.gauge<'status'>({
      name: 'ccm_outbox_unconfirmed_messages',
      help: 'Outbox messages not yet confirmed by the receiver: pending (not yet published) and published (awaiting the receipt)',
      labelNames: ['status'],
    });
    metrics.gauge({
      name: 'ccm_outbox_oldest_unconfirmed_seconds',
      help: 'Age of the oldest outbox message not yet confirmed (0 when none)',
      async collect() {
        const rows = (await dataSource.query(
          `SELECT status, count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
             FROM outbox_message WHERE status IN ('pending', 'published') GROUP BY status`,
        )) as { status: 'pending' | 'published'; n: number; age: number }[];
        for (const status of ['pending', 'published'] as const) outbox.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
        this.set(Math.max(0, ...rows.map((r) => r.age)));
      },
    });
  }

  publishedOne(type: string): void {
    this.published?.inc({ type });
  }

  appliedOne(type: string, outcome: 'applied' | 'rejected' | 'duplicate', seconds: number): void {
    this.applied?.inc({ type, outcome });
    this.applySeconds?.observe({ type }, seconds);
  }

  deadLetteredOne(type: string | undefined): void {
    this.deadLettered?.inc({ type: type ?? 'unknown' });
  }

  purged(table: string, rows: number): void {
    if (rows > 0) this.purgedRows?.inc({ table }, rows);
  }
}
