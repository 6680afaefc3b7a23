import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@app/platform';

import { CareErrors } from './care.errors';
import { localDateOf } from './care.rules';
import { concernViolation } from './safeguarding.rules';
import { SafeguardingConcernQueries } from './safeguarding-concern.queries';
import { RecordSafeguardingConcernDto, SafeguardingConcernView } from './safeguarding-concerns.dto';
import { ServiceUserStore } from './service-user.store';

/** Records a safeguarding concern about a person the co-op supports (or supported), open until its outcome is known. */
@Injectable()
export class RecordSafeguardingConcern {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: ServiceUserStore,
    private readonly queries: SafeguardingConcernQueries,
    private readonly clock: Clock,
  ) {}

  async execute(dto: RecordSafeguardingConcernDto): Promise<SafeguardingConcernView> {
    const referredOn = dto.referredOn ?? null;
    const violation = concernViolation(
      { raisedOn: dto.raisedOn, referredOn, outcome: 'open', closedOn: null },
      localDateOf(this.clock.now()),
    );
    if (violation) throw CareErrors.invalid(violation);
    return this.dataSource.transaction(async (m) => {
      const person = await this.people.lockForChange(m, dto.serviceUserId);
      // An erased person's record holds no details to attach a new account to.
      if (person.erasedAt) throw CareErrors.erased(dto.serviceUserId);
      const id = randomUUID();
      await m.query(
        'INSERT INTO safeguarding_concern (id, service_user_id, raised_on, category, details, referred_on) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, dto.serviceUserId, dto.raisedOn, dto.category, dto.details ?? null, referredOn],
      );
      return this.queries.get(id, m);
    });
  }
}
