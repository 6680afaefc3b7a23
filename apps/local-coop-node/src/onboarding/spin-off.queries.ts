import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ONBOARDING_TEMPLATES_SHARED_V1, ServiceType } from '@app/contracts';

import { OnboardingErrors } from './onboarding.errors';
import { hubAnswerState, RunnerPublicDetails } from './onboarding.rules';
import { HubAnswerView, SpinOffView } from './spin-offs.dto';

interface SpinOffRow {
  id: string;
  coop_id: string;
  name: string;
  localities: string[];
  services: ServiceType[];
  runner_staff_id: string;
  runner_public: RunnerPublicDetails;
  runner_agreed_at: Date;
  targets: { registeredBy?: string; tradingBy?: string };
  proposed_at: Date;
  message_id: string;
  proposal_status: string;
  proposal_reason: string | null;
  proposal_settled_at: Date | null;
  templates_id: string | null;
  templates_status: string | null;
  templates_reason: string | null;
  templates_settled_at: Date | null;
}

// The hub's answers are read from our own outbox rows, which its receipts settle: the proposal's by its
// message id, the templates' as the latest templates message for that co-op (one at proposal, more if the hub asks).
const SELECT = `
  SELECT p.*, o.status AS proposal_status, o.last_error AS proposal_reason, o.settled_at AS proposal_settled_at,
         t.id AS templates_id, t.status AS templates_status, t.last_error AS templates_reason, t.settled_at AS templates_settled_at
    FROM spin_off_proposal p
    JOIN outbox_message o ON o.id = p.message_id
    LEFT JOIN LATERAL (
      SELECT id, status, last_error, settled_at FROM outbox_message
       WHERE type = '${ONBOARDING_TEMPLATES_SHARED_V1.type}' AND envelope -> 'payload' ->> 'spinOffCoopId' = p.coop_id
       ORDER BY created_at DESC, id LIMIT 1
    ) t ON true`;

@Injectable()
export class SpinOffQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(): Promise<SpinOffView[]> {
    const rows: SpinOffRow[] = await this.dataSource.query(`${SELECT} ORDER BY p.proposed_at DESC, p.id`);
    return rows.map(toView);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<SpinOffView> {
    const [row]: SpinOffRow[] = await manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw OnboardingErrors.proposalNotFound(id);
    return toView(row);
  }
}

function answer(messageId: string, status: string, reason: string | null, settledAt: Date | null): HubAnswerView {
  const state = hubAnswerState(status);
  return { messageId, state, reason: state === 'rejected' ? reason : null, answeredAt: settledAt?.toISOString() ?? null };
}

function toView(r: SpinOffRow): SpinOffView {
  return {
    id: r.id,
    coopId: r.coop_id,
    name: r.name,
    localities: r.localities,
    services: r.services,
    runnerStaffId: r.runner_staff_id,
    runner: r.runner_public,
    runnerAgreedAt: r.runner_agreed_at.toISOString(),
    targets: r.targets,
    proposedAt: r.proposed_at.toISOString(),
    hub: answer(r.message_id, r.proposal_status, r.proposal_reason, r.proposal_settled_at),
    templates: r.templates_id ? answer(r.templates_id, r.templates_status!, r.templates_reason, r.templates_settled_at) : null,
  };
}
