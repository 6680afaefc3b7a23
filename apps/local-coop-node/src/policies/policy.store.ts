import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { PolicyTemplateV1 } from '@app/contracts';

import type { PolicyInForce } from './policy.rules';

export interface PolicyVersion {
  key: string;
  title: string;
  version: number;
  text: string;
  adoptedOn: string;
  source: string;
}

/** Policy documents, written in the caller's transaction. */
@Injectable()
export class PolicyStore {
  /**
   * Serialises changes to the policy set (a new policy counts against the set's limit, and two first
   * versions of one key must not both pass); readers are not blocked.
   */
  async lockForChange(m: EntityManager, key: string): Promise<{ current: PolicyInForce | null; held: number }> {
    await m.query('LOCK TABLE policy_document IN SHARE ROW EXCLUSIVE MODE');
    const [row]: { version: number; adopted_on: string }[] = await m.query(
      "SELECT version, to_char(adopted_on, 'YYYY-MM-DD') AS adopted_on FROM policy_document WHERE key = $1",
      [key],
    );
    const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM policy_document');
    return { current: row ? { version: row.version, adoptedOn: row.adopted_on } : null, held: n };
  }

  async save(m: EntityManager, p: PolicyVersion): Promise<void> {
    await m.query(
      `INSERT INTO policy_document (key, title, version, text, adopted_on, source, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (key) DO UPDATE SET title = $2, version = $3, text = $4, adopted_on = $5, source = $6, updated_at = now()`,
      [p.key, p.title, p.version, p.text, p.adoptedOn, p.source],
    );
  }

  /** Every policy in force as a template for a spin-off: its words and version, not who adopted it or when. */
  async templates(m: EntityManager): Promise<PolicyTemplateV1[]> {
    return m.query('SELECT key, title, version, text FROM policy_document ORDER BY key');
  }
}
