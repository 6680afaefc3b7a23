import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { PolicySummaryView, PolicyView } from './policies.dto';
import { PoliciesErrors } from './policies.errors';

interface PolicyRow {
  key: string;
  title: string;
  version: number;
  text?: string;
  adopted_on: string;
  source: string;
  updated_at: Date;
}

const COLUMNS = "key, title, version, to_char(adopted_on, 'YYYY-MM-DD') AS adopted_on, source, updated_at";

@Injectable()
export class PolicyQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every policy in force, by key, without its text. */
  async list(): Promise<PolicySummaryView[]> {
    const rows: PolicyRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM policy_document ORDER BY key`);
    return rows.map(toSummary);
  }

  async get(key: string, manager: EntityManager = this.dataSource.manager): Promise<PolicyView> {
    const [row]: PolicyRow[] = await manager.query(`SELECT ${COLUMNS}, text FROM policy_document WHERE key = $1`, [key]);
    if (!row) throw PoliciesErrors.notFound(key);
    return { ...toSummary(row), text: row.text! };
  }
}

function toSummary(r: PolicyRow): PolicySummaryView {
  return {
    key: r.key,
    title: r.title,
    version: r.version,
    adoptedOn: r.adopted_on,
    source: r.source,
    updatedAt: r.updated_at.toISOString(),
  };
}
