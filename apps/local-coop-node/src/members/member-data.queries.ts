import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { MemberQueries } from './member.queries';
import { MemberRecordView, ShareRegisterView } from './members.dto';

/** What the node holds about one member in the membership register, for their data export. */
@Injectable()
export class MemberDataQueries {
  constructor(private readonly members: MemberQueries) {}

  async record(manager: EntityManager, id: string): Promise<MemberRecordView> {
    const view = await this.members.get(id, manager);
    const [row] = await manager.query('SELECT withdrawal_reason, erased_at FROM member WHERE id = $1', [id]);
    return { ...view, withdrawalReason: row.withdrawal_reason, erasedAt: row.erased_at ? new Date(row.erased_at).toISOString() : null };
  }

  async shareRegister(manager: EntityManager, id: string): Promise<ShareRegisterView> {
    const rows: { kind: 'purchase' | 'withdrawal'; amount_pence: number; occurred_at: Date }[] = await manager.query(
      'SELECT kind, amount_pence, occurred_at FROM share_transaction WHERE member_id = $1 ORDER BY occurred_at, id',
      [id],
    );
    return {
      balancePence: await this.members.sharesOf(manager, id),
      entries: rows.map((r) => ({ kind: r.kind, amountPence: r.amount_pence, occurredAt: new Date(r.occurred_at).toISOString() })),
    };
  }
}
