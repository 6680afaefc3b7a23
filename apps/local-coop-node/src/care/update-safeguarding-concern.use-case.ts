import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@app/platform';

import { CareErrors } from './care.errors';
import { localDateOf } from './care.rules';
import { concernChangeViolation, ConcernState, concernViolation } from './safeguarding.rules';
import { SafeguardingConcernQueries, SafeguardingConcernRow } from './safeguarding-concern.queries';
import { SafeguardingConcernView, UpdateSafeguardingConcernDto } from './safeguarding-concerns.dto';

/** Records the referral to the council and, when it is known, the outcome that closes the concern. */
@Injectable()
export class UpdateSafeguardingConcern {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: SafeguardingConcernQueries,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: UpdateSafeguardingConcernDto): Promise<SafeguardingConcernView> {
    if (dto.referredOn === undefined && dto.outcome === undefined && dto.closedOn === undefined) throw CareErrors.nothingToChange();
    return this.dataSource.transaction(async (m) => {
      const [row]: SafeguardingConcernRow[] = await m.query('SELECT * FROM safeguarding_concern WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw CareErrors.safeguardingConcernNotFound(id);
      const current: ConcernState = { raisedOn: row.raised_on, referredOn: row.referred_on, outcome: row.outcome, closedOn: row.closed_on };
      const next: ConcernState = {
        raisedOn: current.raisedOn,
        referredOn: dto.referredOn ?? current.referredOn,
        outcome: dto.outcome ?? current.outcome,
        closedOn: dto.closedOn ?? current.closedOn,
      };
      const violation = concernChangeViolation(current, next) ?? concernViolation(next, localDateOf(this.clock.now()));
      if (violation) throw CareErrors.rule(violation);
      await m.query('UPDATE safeguarding_concern SET referred_on = $2, outcome = $3, closed_on = $4 WHERE id = $1', [
        id,
        next.referredOn,
        next.outcome,
        next.closedOn,
      ]);
      return this.queries.get(id, m);
    });
  }
}
