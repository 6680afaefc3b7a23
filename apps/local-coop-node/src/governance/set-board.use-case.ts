import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { LONDON_TODAY_SQL } from '@app/platform';

import { BoardMember, boardViolations, RulebookStore } from '../rulebook';
import { BoardQueries, BoardView } from './board.queries';
import { GovernanceErrors } from './governance.errors';

/**
 * Records a whole board at once (a founding board, or one appointed at a general meeting). A board
 * whose make-up breaks the rulebook is refused, naming the rule.
 */
@Injectable()
export class SetBoard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly board: BoardQueries,
  ) {}

  async execute(memberIds: string[]): Promise<BoardView> {
    await this.dataSource.transaction(async (m) => {
      const rows: { id: string; stakeholder_class: BoardMember['stakeholderClass']; withdrawn_on: string | null }[] = await m.query(
        'SELECT id, stakeholder_class, withdrawn_on FROM member WHERE id = ANY($1::uuid[]) FOR SHARE',
        [memberIds],
      );
      for (const id of memberIds) {
        const r = rows.find((x) => x.id === id);
        if (!r || r.withdrawn_on) throw GovernanceErrors.badCandidate(`board member ${id} is not an active member`);
      }
      const proposed: BoardMember[] = memberIds.map((id) => ({
        memberId: id,
        stakeholderClass: rows.find((x) => x.id === id)!.stakeholder_class,
      }));
      const { rulebook } = await this.rulebooks.current(m);
      const violations = boardViolations(proposed, rulebook, 'sitting');
      if (violations.length) throw GovernanceErrors.board(violations);
      await m.query('DELETE FROM board_seat');
      for (const b of proposed)
        await m.query(`INSERT INTO board_seat (member_id, stakeholder_class, since) VALUES ($1, $2, ${LONDON_TODAY_SQL})`, [
          b.memberId,
          b.stakeholderClass,
        ]);
    });
    return this.board.current();
  }
}
