import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * What the federation page shows beyond `GET /federation/status`: how long the oldest message still
 * waiting in the outbox has waited, and the latest dead letters (what was refused and why; never a payload).
 */
@Injectable()
export class FederationPages {
  constructor(private readonly dataSource: DataSource) {}

  async oldestWaiting(): Promise<{ createdAt: Date; subject: string; attempts: number; lastError: string | null } | null> {
    const [row]: { created_at: Date; subject: string; attempts: number; last_error: string | null }[] = await this.dataSource.query(
      `SELECT created_at, subject, attempts, last_error FROM outbox_message WHERE status IN ('pending', 'published') ORDER BY created_at LIMIT 1`,
    );
    return row ? { createdAt: row.created_at, subject: row.subject, attempts: row.attempts, lastError: row.last_error } : null;
  }

  async latestDeadLetters(limit = 20): Promise<{ createdAt: Date; subject: string; reason: string; deliveries: number }[]> {
    const rows: { created_at: Date; subject: string; reason: string; delivery_count: number }[] = await this.dataSource.query(
      'SELECT created_at, subject, reason, delivery_count FROM dead_letter ORDER BY created_at DESC, id DESC LIMIT $1',
      [limit],
    );
    return rows.map((r) => ({ createdAt: r.created_at, subject: r.subject, reason: r.reason, deliveries: r.delivery_count }));
  }
}
