import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { supportEndingViolation } from './care.rules';
import { ServiceUser } from './service-user.entity';
import { ServiceUserQueries } from './service-user.queries';
import { ServiceUserStore } from './service-user.store';
import { ServiceUserView, UpdateServiceUserDto } from './service-users.dto';

/** Corrects a person's details, changes their funding, or ends (or resumes) their support. */
@Injectable()
export class UpdateServiceUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ServiceUserQueries,
    private readonly store: ServiceUserStore,
  ) {}

  async execute(id: string, dto: UpdateServiceUserDto): Promise<ServiceUserView> {
    const changes: Partial<ServiceUser> = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) throw CareErrors.nothingToChange();
    return this.dataSource.transaction(async (m) => {
      const person = await this.store.lockForChange(m, id);
      if (person.erasedAt) throw CareErrors.erased(id);
      if (changes.endedOn !== undefined) {
        const violation = supportEndingViolation(person, changes.endedOn);
        if (violation) throw CareErrors.rule(violation);
        // Every visit must fall within support; ending it under visits already on the rota would break that.
        const after = changes.endedOn === null ? 0 : await this.queries.countVisitsAfter(m, id, changes.endedOn);
        if (after > 0) throw CareErrors.visitsAfterEnd(changes.endedOn as string, after);
      }
      await m.update(ServiceUser, { id }, changes);
      return this.queries.get(id, m);
    });
  }
}
