import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ONBOARDING_SPIN_OFF_PROPOSED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { todayIso } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { StaffStore } from '../workforce';
import { OnboardingErrors } from './onboarding.errors';
import { runnerPublicDetails, spinOffViolation } from './onboarding.rules';
import { SpinOffQueries } from './spin-off.queries';
import { SpinOffStore } from './spin-off.store';
import { ProposeSpinOffDto, SpinOffView } from './spin-offs.dto';
import { SponsorTemplates } from './sponsor-templates.service';

/**
 * The co-op proposes a spin-off with one of its workers as the runner. The proposal, its message to the
 * hub (the runner named only by the details they agreed to show) and this co-op's templates for the new
 * co-op are written together; the hub's receipt then says whether it took the proposal.
 */
@Injectable()
export class ProposeSpinOff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffStore,
    private readonly store: SpinOffStore,
    private readonly templates: SponsorTemplates,
    private readonly queries: SpinOffQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async execute(dto: ProposeSpinOffDto): Promise<SpinOffView> {
    const targets = {
      ...(dto.targets?.registeredBy ? { registeredBy: dto.targets.registeredBy } : {}),
      ...(dto.targets?.tradingBy ? { tradingBy: dto.targets.tradingBy } : {}),
    };
    const view = await this.dataSource.transaction(async (m) => {
      // Share-locked: the runner cannot be recorded as leaving before this proposal commits.
      const runner = await this.staff.employmentOf(m, dto.runner.staffId);
      const violation = spinOffViolation({
        coopId: dto.coopId,
        ownCoopId: this.config.COOP_ID,
        proposedBefore: await this.store.proposedBefore(m, dto.coopId),
        runner,
        targets,
        today: todayIso(),
      });
      if (violation) throw OnboardingErrors.rule(violation);
      const id = randomUUID();
      const at = new Date();
      const runnerPublic = runnerPublicDetails(dto.runner);
      const envelope = await this.outbox.enqueue(
        m,
        ONBOARDING_SPIN_OFF_PROPOSED_V1,
        {
          proposalId: id,
          coopId: dto.coopId,
          name: dto.name,
          localities: dto.localities,
          services: dto.services,
          runner: runnerPublic,
          targets,
        },
        { occurredAt: at },
      );
      await this.store.insert(m, {
        id,
        coopId: dto.coopId,
        name: dto.name,
        localities: dto.localities,
        services: dto.services,
        runnerStaffId: dto.runner.staffId,
        runnerPublic,
        targets,
        at,
        messageId: envelope.id,
      });
      await this.templates.share(m, dto.coopId, { correlationId: envelope.correlationId, causationId: envelope.id });
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
