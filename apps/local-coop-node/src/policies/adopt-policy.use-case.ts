import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { AdoptPolicyDto, PolicyView } from './policies.dto';
import { PoliciesErrors } from './policies.errors';
import { PolicyQueries } from './policy.queries';
import { policyAdoptionViolation } from './policy.rules';
import { PolicyStore } from './policy.store';

/**
 * The co-op adopts a policy, or a new version of one. Only the version in force is kept; it is the
 * co-op's own from now on, even if the version it replaces came from the sponsor's template.
 */
@Injectable()
export class AdoptPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PolicyStore,
    private readonly queries: PolicyQueries,
  ) {}

  async execute(key: string, dto: AdoptPolicyDto): Promise<PolicyView> {
    return this.dataSource.transaction(async (m) => {
      const { current, held } = await this.store.lockForChange(m, key);
      const violation = policyAdoptionViolation(current, { version: dto.version, adoptedOn: dto.adoptedOn }, todayIso(), held);
      if (violation) throw PoliciesErrors.rule(violation);
      await this.store.save(m, { key, title: dto.title, version: dto.version, text: dto.text, adoptedOn: dto.adoptedOn, source: 'own' });
      return this.queries.get(key, m);
    });
  }
}
