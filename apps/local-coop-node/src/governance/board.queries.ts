import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { STAKEHOLDER_CLASSES, StakeholderClass } from '@app/contracts';

import { RulebookStore, totalSeats } from '../rulebook';

export class BoardSeatView {
  @ApiProperty() memberId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: STAKEHOLDER_CLASSES }) stakeholderClass: StakeholderClass;
  @ApiProperty() since: string;
  @ApiProperty({ nullable: true, type: String }) electedByBallot: string | null;
}

export class BoardView {
  @ApiProperty({ type: [BoardSeatView] }) seats: BoardSeatView[];
  @ApiProperty() totalSeats: number;
  @ApiProperty() vacancies: number;
}

@Injectable()
export class BoardQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
  ) {}

  /** The board as it sits: members who withdrew have lost their seat. */
  async current(): Promise<BoardView> {
    const rows = await this.dataSource.query(
      `SELECT b.member_id, m.full_name, b.stakeholder_class, b.since, b.ballot_id FROM board_seat b
         JOIN member m ON m.id = b.member_id WHERE m.withdrawn_on IS NULL ORDER BY b.stakeholder_class, m.full_name`,
    );
    const { rulebook } = await this.rulebooks.current();
    const total = totalSeats(rulebook);
    return {
      seats: rows.map((r: Record<string, string>) => ({
        memberId: r.member_id,
        fullName: r.full_name,
        stakeholderClass: r.stakeholder_class as StakeholderClass,
        since: r.since,
        electedByBallot: r.ballot_id,
      })),
      totalSeats: total,
      vacancies: Math.max(0, total - rows.length),
    };
  }
}
