import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { todayIso } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { StaffStore } from '../workforce';
import { OnboardingErrors } from './onboarding.errors';
import { givenTargets, runnerPublicDetails, spinOffViolation } from './onboarding.rules';
import { SpinOffQueries } from './spin-off.queries';
import { SpinOffStore } from './spin-off.store';
import { SpinOffMessages } from './spin-off-messages.service';
import { ProposeSpinOffDto, SpinOffView } from './spin-offs.dto';

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
    private readonly messages: SpinOffMessages,
    private readonly queries: SpinOffQueries,
    private readonly relay: OutboxRelay,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async execute(dto: ProposeSpinOffDto): Promise<SpinOffView> {
    const targets = givenTargets(dto.targets);
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
      const { coopId, name, localities, services } = dto;
      const runnerPublic = runnerPublicDetails(dto.runner);
      const proposal = await this.messages.proposed(
        m,
        { proposalId: id, coopId, name, localities, services, runner: runnerPublic, targets },
        at,
      );
      await this.store.insert(m, {
        id,
        coopId,
        name,
        localities,
        services,
        runnerStaffId: dto.runner.staffId,
        runnerPublic,
        targets,
        at,
        messageId: proposal.id,
      });
      await this.messages.templates(m, coopId, { correlationId: proposal.correlationId, causationId: proposal.id });
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
