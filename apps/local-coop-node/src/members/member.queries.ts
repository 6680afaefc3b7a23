import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { STAKEHOLDER_CLASSES, StakeholderClass } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { ListMembersQuery, MembersSummaryView, MemberView } from './members.dto';
import { MemberErrors } from './members.errors';

const SHARES = `(SELECT coalesce(sum(CASE WHEN s.kind = 'purchase' THEN s.amount_pence ELSE -s.amount_pence END), 0)::int
                   FROM share_transaction s WHERE s.member_id = m.id)`;

/** A member row with its share balance, as `pg` returns it (dates as 'YYYY-MM-DD' strings). */
interface MemberRecord {
  id: string;
  member_number: number;
  stakeholder_class: StakeholderClass;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  date_of_birth: string | null;
  admitted_on: string;
  withdrawn_on: string | null;
  shares_pence: number;
}

@Injectable()
export class MemberQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
  ) {}

  async list(q: ListMembersQuery): Promise<Page<MemberView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.stakeholderClass) where.push(`m.stakeholder_class = $${params.push(q.stakeholderClass)}`);
    if (q.status === 'active') where.push('m.withdrawn_on IS NULL');
    if (q.status === 'withdrawn') where.push('m.withdrawn_on IS NOT NULL');
    if (q.name) where.push(`m.full_name ILIKE $${params.push(`%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM member m ${clause}`, params);
    const rows: MemberRecord[] = await this.dataSource.query(
      `SELECT m.*, ${SHARES} AS shares_pence FROM member m ${clause} ORDER BY m.member_number LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<MemberView> {
    const [row]: MemberRecord[] = await manager.query(`SELECT m.*, ${SHARES} AS shares_pence FROM member m WHERE m.id = $1`, [id]);
    if (!row) throw MemberErrors.notFound(id);
    return toView(row);
  }

  async sharesOf(manager: EntityManager, id: string): Promise<number> {
    const [{ balance }]: { balance: number }[] = await manager.query(
      `SELECT coalesce(sum(CASE WHEN kind = 'purchase' THEN amount_pence ELSE -amount_pence END), 0)::int AS balance FROM share_transaction WHERE member_id = $1`,
      [id],
    );
    return balance;
  }

  async summary(): Promise<MembersSummaryView> {
    const rows: { stakeholder_class: StakeholderClass; n: number }[] = await this.dataSource.query(
      'SELECT stakeholder_class, count(*)::int AS n FROM member WHERE withdrawn_on IS NULL GROUP BY stakeholder_class',
    );
    const byClass = Object.fromEntries(STAKEHOLDER_CLASSES.map((c) => [c, rows.find((r) => r.stakeholder_class === c)?.n ?? 0])) as Record<
      StakeholderClass,
      number
    >;
    const active = rows.reduce((s, r) => s + r.n, 0);
    const [{ shares }]: { shares: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(CASE WHEN kind = 'purchase' THEN amount_pence ELSE -amount_pence END), 0)::bigint AS shares FROM share_transaction`,
    );
    const { rulebook } = await this.rulebooks.current();
    return {
      active,
      byClass,
      minimumMembers: rulebook.minimumMembers,
      meetsMinimum: active >= rulebook.minimumMembers,
      sharesPence: Number(shares),
    };
  }
}

function toView(r: MemberRecord): MemberView {
  return {
    id: r.id,
    memberNumber: r.member_number,
    stakeholderClass: r.stakeholder_class,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    dateOfBirth: r.date_of_birth,
    admittedOn: r.admitted_on,
    withdrawnOn: r.withdrawn_on,
    sharesPence: r.shares_pence,
    votes: r.withdrawn_on ? 0 : 1,
  };
}
