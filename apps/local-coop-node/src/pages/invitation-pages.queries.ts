import { Injectable } from '@nestjs/common';

import { todayIso } from '@app/platform';

import { PurchasingQueries, RoundView } from '../purchasing';
import { InvitationView, TenderingQueries } from '../tendering';
import { answeredRound, answeredTender, monthStart } from './invitation-pages.rules';

/**
 * What the co-op admin's invitation pages show, read with the API's own queries (`GET
 * /purchasing/rounds`, `GET /tendering/invitations`, `GET /tendering/contracts`): the rounds and
 * tenders the hub invited the co-op to, whether it has answered, and the contracts it won.
 */
@Injectable()
export class InvitationPages {
  constructor(
    private readonly rounds: PurchasingQueries,
    private readonly tenders: TenderingQueries,
  ) {}

  async overview(today = todayIso()) {
    const [rounds, invitations, contracts] = await Promise.all([
      this.rounds.list(),
      this.tenders.invitations(),
      this.tenders.contracts(monthStart(today), today),
    ]);
    return {
      rounds: rounds.map((r) => ({ ...r, answered: answeredRound(r) })),
      tenders: invitations.map((t) => ({ ...t, answered: answeredTender(t) })),
      contracts,
      period: { from: monthStart(today), to: today },
    };
  }

  round(id: string): Promise<RoundView> {
    return this.rounds.get(id);
  }

  async tender(tenderId: string): Promise<InvitationView> {
    return (await this.tenders.invitations(tenderId))[0];
  }
}
