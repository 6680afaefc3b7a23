import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf } from '@app/platform';

import { ListPurchasesQuery, PurchaseView } from './node-purchases.dto';
import { PurchasingErrors } from './purchasing.errors';

interface NodePurchaseRow {
  id: string;
  supplier: string;
  description: string;
  bought_on: string;
  /** bigint, as text from pg. */
  amount_pence: string;
  local_to: string | null;
}

@Injectable()
export class NodePurchaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Most recent first. */
  async list(q: ListPurchasesQuery): Promise<Page<PurchaseView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.from) where.push(`bought_on >= $${params.push(q.from)}`);
    if (q.to) where.push(`bought_on <= $${params.push(q.to)}`);
    if (q.local === 'true') where.push('local_to IS NOT NULL');
    if (q.local === 'false') where.push('local_to IS NULL');
    // strpos, not LIKE: a % or _ the admin types is a character, not a wildcard.
    if (q.supplier) where.push(`strpos(lower(supplier), lower($${params.push(q.supplier)})) > 0`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM node_purchase ${clause}`,
      params,
    );
    const rows: NodePurchaseRow[] = await this.dataSource.query(
      `SELECT * FROM node_purchase ${clause} ORDER BY bought_on DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toPurchaseView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PurchaseView> {
    const [row]: NodePurchaseRow[] = await manager.query('SELECT * FROM node_purchase WHERE id = $1', [id]);
    if (!row) throw PurchasingErrors.purchaseNotFound(id);
    return toPurchaseView(row);
  }
}

function toPurchaseView(r: NodePurchaseRow): PurchaseView {
  return {
    id: r.id,
    supplier: r.supplier,
    description: r.description,
    boughtOn: r.bought_on,
    amountPence: Number(r.amount_pence),
    local: r.local_to !== null,
    localTo: r.local_to,
  };
}
