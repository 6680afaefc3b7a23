import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Rulebook } from '../rulebook';
import { RulebookErrors, RulebookStore, rulebookViolations } from '../rulebook';
import { BallotQueries } from './ballot.queries';
import { insertBallot } from './create-ballot.use-case';
import { BallotView, ProposeRulebookDto } from './governance.dto';

const DAY = 86_400_000;

export type RulebookChangeOutcome = { adopted: true; version: number } | { adopted: false; ballot: BallotView };

/**
 * Changing the rules. Before the co-op has members its founders (the admin) adopt them directly;
 * once it has members a rulebook change is a special resolution: a ballot of every admitted class,
 * and the new rulebook is adopted only if it passes.
 */
@Injectable()
export class ProposeRulebookChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly ballots: BallotQueries,
  ) {}

  async execute(dto: ProposeRulebookDto): Promise<RulebookChangeOutcome> {
    const proposed: Rulebook = { ...dto.rulebook, board: dto.rulebook.board.map((c) => ({ ...c, capPercent: c.capPercent ?? null })) };
    const violations = rulebookViolations(proposed);
    if (violations.length) throw RulebookErrors.inconsistent(violations);
    const outcome = await this.dataSource.transaction(async (m): Promise<{ version: number } | { ballotId: string }> => {
      await m.query('LOCK TABLE member IN SHARE MODE');
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM member WHERE withdrawn_on IS NULL');
      if (n === 0) return { version: (await this.rulebooks.adopt(m, proposed, 'admin')).version };
      const opensAt = dto.opensAt ? new Date(dto.opensAt) : new Date();
      const closesAt = dto.closesAt ? new Date(dto.closesAt) : new Date(opensAt.getTime() + 14 * DAY);
      const { rulebook: current } = await this.rulebooks.current(m);
      const ballotId = await insertBallot(m, {
        kind: 'rulebook-change',
        title: `Special resolution: adopt the rulebook "${proposed.name}"`,
        description: 'Replaces the rulebook in force if at least the special majority of votes cast are for it.',
        resolution: 'special',
        eligibleClasses: current.admittedClasses,
        proposedRulebook: proposed,
        opensAt,
        closesAt,
        options: [
          { key: 'for', label: 'For' },
          { key: 'against', label: 'Against' },
          { key: 'abstain', label: 'Abstain' },
        ],
      });
      return { ballotId };
    });
    if ('version' in outcome) return { adopted: true, version: outcome.version };
    return { adopted: false, ballot: await this.ballots.get(outcome.ballotId, { subject: 'system', role: 'coop-admin' }) };
  }
}
