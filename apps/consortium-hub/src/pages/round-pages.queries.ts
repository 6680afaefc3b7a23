import { Injectable } from '@nestjs/common';

import { pounds, ukDateTime } from '@app/web';

import { allowedRoundActions, CatalogueQueries, RoundQueries } from '../purchasing';
import { allocationStatusLabel, commitmentRows, roundStateLabel, roundSteps } from './round-pages.rules';

/**
 * What the staff's purchasing pages show, read through the purchasing API's own queries (the same
 * allocation, the same savings as GET /purchasing/rounds/:id): a page computes no figure itself.
 */
@Injectable()
export class RoundPages {
  constructor(
    private readonly rounds: RoundQueries,
    private readonly catalogue: CatalogueQueries,
  ) {}

  /**
   * Every round, newest first, with its state, closing time, co-ops committed and its totals as the API
   * gives them: one read of each round, as GET /purchasing/rounds/:id computes its allocation (the list
   * query has no totals). Rounds are a few a month; if they grow to hundreds, the list query wants totals.
   */
  async list() {
    const rounds = await this.rounds.list();
    return Promise.all(
      rounds.map(async (r) => {
        const { orderTotalPence, savingPence } = await this.rounds.get(r.id);
        return {
          ...r,
          stateLabel: roundStateLabel(r.state),
          closes: ukDateTime(r.closesAt, ''),
          orderTotal: pounds(orderTotalPence),
          saving: pounds(savingPence),
        };
      }),
    );
  }

  /** The catalogue a new round is drafted from. */
  async items() {
    return (await this.catalogue.list()).map((i) => ({ ...i, soloPrice: pounds(i.soloUnitPricePence) }));
  }

  /** One round: its items and tiers, each co-op's commitments, the allocation and savings, and the steps its state allows. */
  async round(id: string) {
    const round = await this.rounds.get(id);
    return {
      round,
      stateLabel: roundStateLabel(round.state),
      allocationLabel: allocationStatusLabel(round.allocationStatus),
      steps: roundSteps(allowedRoundActions(round.state)),
      items: round.items.map((i) => ({
        ...i,
        soloPrice: pounds(i.soloUnitPricePence),
        unitPrice: pounds(i.unitPricePence),
        orderCharge: pounds(i.orderChargePence),
        orderTotal: pounds(i.orderTotalPence),
      })),
      coops: commitmentRows(round).map((c) => ({
        ...c,
        allocated: pounds(c.allocatedPence),
        solo: pounds(c.soloPence),
        saving: pounds(c.savingPence),
        localSpend: pounds(c.localSpendPence),
      })),
      totals: {
        order: pounds(round.orderTotalPence),
        solo: pounds(round.soloTotalPence),
        saving: pounds(round.savingPence),
        localSpend: pounds(round.localSpendPence),
      },
      times: {
        closes: ukDateTime(round.closesAt, ''),
        opened: ukDateTime(round.openedAt, ''),
        closed: ukDateTime(round.closedAt, ''),
        ordered: ukDateTime(round.orderedAt, ''),
        delivered: ukDateTime(round.deliveredAt, ''),
        cancelled: ukDateTime(round.cancelledAt, ''),
      },
    };
  }
}

export type RoundPage = Awaited<ReturnType<RoundPages['round']>>;
