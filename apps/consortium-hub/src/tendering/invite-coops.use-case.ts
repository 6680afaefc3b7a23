import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { tenderTransition } from './tender-stage.rules';
import { InviteDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

export interface InvitationOutcome {
  stage: 'inviting';
  deadline: string;
  lots: { lotId: string; reference: string; invited: string[] }[];
  /** Lots no co-op serves: the bid will report them uncovered unless a lot changes or someone is named. */
  lotsWithoutInvitees: string[];
}

/**
 * Opens the tender for offers: each co-op that serves a lot's locality and service (and any co-op
 * staff name) gets one invitation with its lots, through the durable path, in the same transaction
 * as the stage change. A node offline now gets it when it is back.
 */
@Injectable()
export class InviteCoops {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: InviteDto, by: Principal): Promise<InvitationOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      const step = tenderTransition(tender.stage, 'invite');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      const now = this.clock.now();
      if (tender.deadline <= now) throw TenderingErrors.deadlinePassed(tender.deadline, tender.stage);
      const named = dto.alsoInvite ?? [];
      if (named.length) {
        const known = new Set((await this.store.registry(m)).map((c) => c.id));
        const unknown = named.filter((c) => !known.has(c));
        if (unknown.length) throw TenderingErrors.unknownCoops(unknown);
      }
      const lots = await this.store.openLots(m, id);
      const invited = await this.invitations.invite(m, { ...tender, invitedAt: now }, lots, { named, reinvitation: false });
      const without = lots.filter((l) => (invited.get(l.id) ?? []).length === 0).map((l) => l.reference);
      if (without.length === lots.length) throw TenderingErrors.nobodyToInvite(without);
      await this.store.moveStage(m, tender, step.next, by.subject, null, { invited_at: now });
      return {
        stage: 'inviting' as const,
        deadline: tender.deadline.toISOString(),
        lots: lots.map((l) => ({ lotId: l.id, reference: l.reference, invited: invited.get(l.id) ?? [] })),
        lotsWithoutInvitees: without,
      };
    });
    this.relay.nudge();
    return outcome;
  }
}
