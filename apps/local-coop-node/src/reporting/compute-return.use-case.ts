import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  CURRENT_RETURN_DEFINITION,
  plainPeriod,
  ReturnDefinition,
  ReturnFigures,
  ReturnPeriod,
  ReturnProblem,
  validateReturn,
} from '@app/contracts';
import { Clock, londonDay } from '@app/platform';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { TenderingQueries } from '../tendering';
import { CareFigureQueries } from './care-figures.queries';
import { CommunityFigureQueries } from './community-figures.queries';
import {
  contractFigures,
  countsNodeRecords,
  figuresForVersion,
  goalImprovementRise,
  withholdOnNode,
  withholdSharesOfFew,
  withRates,
} from './node-return.rules';
import { RecordFigureQueries } from './record-figures.queries';
import { ReportingErrors } from './reporting.errors';
import { TimeCreditFigureQueries } from './time-credit-figures.queries';
import { WorkforceFigureQueries } from './workforce-figures.queries';

export interface ComputedReturn {
  /** The figures as the node's records give them, for the co-op admin's eyes only. */
  figures: ReturnFigures;
  /** What `validateReturn` finds wrong with them, against the co-op's own public localities. */
  problems: ReturnProblem[];
  /** The figures as they would leave the node, after its own threshold. */
  outgoing: ReturnFigures;
  nodeThreshold: number;
}

/**
 * Computes a co-op's return for a period (a month, a quarter of either year, a year) from its own tables. Every query is an aggregate, and all
 * of them read one snapshot (REPEATABLE READ, read only), so the figures agree with each other even
 * while the co-op keeps recording.
 */
@Injectable()
export class ComputeReturn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly care: CareFigureQueries,
    private readonly workforce: WorkforceFigureQueries,
    private readonly community: CommunityFigureQueries,
    private readonly records: RecordFigureQueries,
    private readonly tendering: TenderingQueries,
    private readonly timeCredits: TimeCreditFigureQueries,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly clock: Clock,
  ) {}

  /** For the definition the hub asked for (the current one for a preview); figures it does not name are left out. */
  async execute(period: ReturnPeriod, definition: ReturnDefinition = CURRENT_RETURN_DEFINITION): Promise<ComputedReturn> {
    if (period.start > londonDay(this.clock.now())) throw ReportingErrors.periodNotStarted(period.label, period.start);
    const { base, shares, localities, contracts } = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const [profile]: { localities: string[]; cqc_rating: string | null }[] = await m.query(
        'SELECT localities, cqc_rating FROM coop_profile',
      );
      const earlier = [
        ...(await this.care.figures(m, period, profile.localities, goalImprovementRise(definition))),
        ...(await this.workforce.figures(m, period)),
        ...(await this.community.figures(m, period, profile.cqc_rating)),
        ...(await this.timeCredits.figures(m, period)),
      ];
      const recorded = await this.records.figures(m, period);
      const figures = figuresForVersion(definition, earlier, recorded.figures);
      const shares = countsNodeRecords(definition) ? recorded.shares : [];
      // Version 3 measures delivered hours from the visits tagged with each contract; version 2 inferred them.
      const held = await this.tendering.contracts(period.start, period.end, m, countsNodeRecords(definition) ? 'tagged' : 'inferred');
      figures.push(...contractFigures(held));
      return { base: figures, shares, localities: profile.localities, contracts: held.map((c) => c.contractId) };
    });
    const header = {
      definitionId: definition.id,
      definitionVersion: definition.version,
      period: plainPeriod(period),
    };
    const figures = { ...header, figures: withRates(definition, base) };
    const threshold = this.config.REPORTING_NODE_THRESHOLD;
    return {
      figures,
      problems: validateReturn(definition, figures, { localities, contracts }),
      outgoing: {
        ...header,
        figures: withholdSharesOfFew(withholdOnNode(definition, figures.figures, { threshold, localities }), shares, threshold),
      },
      nodeThreshold: threshold,
    };
  }
}
