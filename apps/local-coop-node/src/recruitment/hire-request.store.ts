import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { EarlierRequest, HireRequestStatus } from './recruitment.rules';

export interface LockedHireRequest {
  id: string;
  vacancyId: string;
  status: HireRequestStatus;
}

/** Requests to hire, written and locked in the caller's transaction. */
@Injectable()
export class HireRequestStore {
  /** The request, locked against a receipt, an answer and an application arriving together; null when this node never made it. */
  async lock(m: EntityManager, id: string): Promise<LockedHireRequest | null> {
    const [row]: { id: string; vacancy_id: string; status: HireRequestStatus }[] = await m.query(
      'SELECT id, vacancy_id, status FROM hire_request WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ? { id: row.id, vacancyId: row.vacancy_id, status: row.status } : null;
  }

  /** Every request the co-op made for this candidate (the profile id the hub showed it), for any vacancy. */
  async earlierFor(m: EntityManager, profileId: string): Promise<EarlierRequest[]> {
    const rows: { vacancy_id: string; status: HireRequestStatus }[] = await m.query(
      'SELECT vacancy_id, status FROM hire_request WHERE profile_id = $1',
      [profileId],
    );
    return rows.map((r) => ({ vacancyId: r.vacancy_id, status: r.status }));
  }

  async insert(m: EntityManager, r: { id: string; vacancyId: string; profileId: string; at: Date }): Promise<void> {
    await m.query(
      `INSERT INTO hire_request (id, vacancy_id, profile_id, status, requested_at, updated_at) VALUES ($1, $2, $3, 'sent', $4, $4)`,
      [r.id, r.vacancyId, r.profileId, r.at],
    );
  }

  async setStatus(m: EntityManager, id: string, status: HireRequestStatus, reason: string | null = null): Promise<void> {
    await m.query('UPDATE hire_request SET status = $2, reason = $3, updated_at = now() WHERE id = $1', [id, status, reason]);
  }

  /** The request a hire-requested message of ours carried, read from our own outbox row (its receipt names only the message). */
  async requestOfMessage(m: EntityManager, messageId: string): Promise<string | null> {
    const [row]: { request_id: string | null }[] = await m.query(
      "SELECT envelope -> 'payload' ->> 'requestId' AS request_id FROM outbox_message WHERE id = $1",
      [messageId],
    );
    return row?.request_id ?? null;
  }
}
