import { Injectable } from '@nestjs/common';

import { CycleQueries } from '../reporting';
import { returnStateLabel, reviewLabel } from './cycle-pages.rules';

/**
 * What the staff's cycle pages show, read through the reporting API's own queries (the same
 * completeness, the same review states, the same current returns): a page counts nothing itself.
 */
@Injectable()
export class CyclePages {
  constructor(private readonly cycles: CycleQueries) {}

  /** Every cycle, newest period first, with its completeness as GET /reporting/cycles/:id/completeness gives it. */
  async list(now = new Date()) {
    const cycles = await this.cycles.list();
    return Promise.all(cycles.map(async (c) => ({ ...c, completeness: await this.cycles.completeness(c.id, now, 'consortium-staff') })));
  }

  /** One cycle's review queue: each co-op asked, its current return (the one staff review) and its review state. */
  async queue(cycleId: string, now = new Date()) {
    const completeness = await this.cycles.completeness(cycleId, now, 'consortium-staff');
    const current = new Map((await this.cycles.submissions(cycleId)).filter((s) => s.current).map((s) => [s.coopId, s.messageId]));
    const coops = completeness.coops.map((c) => ({
      ...c,
      stateLabel: returnStateLabel(c.state),
      reviewLabel: reviewLabel(c.review),
      messageId: current.get(c.coopId) ?? null,
    }));
    // A co-op whose return is approved has nothing to submit late: its return can be replaced only once sent back.
    const lateable = coops.filter((c) => c.review !== 'approved');
    return { completeness, coops, pending: coops.filter((c) => c.review === 'pending' && c.messageId), lateable };
  }
}
