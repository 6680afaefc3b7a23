import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { RunnerPublicDetails } from './onboarding.rules';

export interface NewSpinOff {
  id: string;
  coopId: string;
  name: string;
  localities: string[];
  services: string[];
  runnerStaffId: string;
  runnerPublic: RunnerPublicDetails;
  targets: { registeredBy?: string; tradingBy?: string };
  at: Date;
  messageId: string;
}

/** Spin-offs this co-op proposed, written in the caller's transaction. */
@Injectable()
export class SpinOffStore {
  /** Whether this co-op proposed that co-op before; locks out a second proposal of it until the caller commits. */
  async proposedBefore(m: EntityManager, coopId: string): Promise<boolean> {
    await m.query('LOCK TABLE spin_off_proposal IN SHARE ROW EXCLUSIVE MODE');
    const [row]: unknown[] = await m.query('SELECT 1 FROM spin_off_proposal WHERE coop_id = $1', [coopId]);
    return row !== undefined;
  }

  async insert(m: EntityManager, p: NewSpinOff): Promise<void> {
    await m.query(
      `INSERT INTO spin_off_proposal
         (id, coop_id, name, localities, services, runner_staff_id, runner_public, runner_agreed_at, targets, proposed_at, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10)`,
      [p.id, p.coopId, p.name, p.localities, p.services, p.runnerStaffId, p.runnerPublic, p.at, p.targets, p.messageId],
    );
  }
}
