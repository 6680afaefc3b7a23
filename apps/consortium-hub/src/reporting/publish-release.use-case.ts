import { randomUUID } from 'node:crypto';

import { Injectable, Optional } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

import { AppMetrics, Principal } from '@app/platform';

import { ConsolidatedReports, CycleRow, ReleaseRow } from './consolidated-reports.queries';
import { EarlierRelease } from './consolidation.rules';
import { ReportDocumentView } from './report.dto';
import { ReportingErrors } from './reporting.errors';

/**
 * Publishes the next release of a cycle's consolidated report from the approved returns. A release
 * never changes, and a later one is checked against every earlier one (see ConsolidatedReports).
 */
@Injectable()
export class PublishRelease {
  private readonly consolidation?: Histogram;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ConsolidatedReports,
    @Optional() metrics?: AppMetrics,
  ) {
    this.consolidation = metrics?.histogram({
      name: 'ccm_consolidation_seconds',
      help: "Time to consolidate one cycle's approved returns with disclosure control, for a release",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
  }

  async execute(cycleId: string, by: Principal): Promise<ReportDocumentView> {
    return this.dataSource.transaction(async (m) => {
      // One publication of a cycle at a time: the release number and the earlier-release check depend on it.
      const [cycle]: CycleRow[] = await m.query('SELECT * FROM return_cycle WHERE id = $1 FOR UPDATE', [cycleId]);
      if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
      const coops = await this.reports.returns(m, cycleId, 'approved');
      if (coops.length === 0) throw ReportingErrors.nothingToPublish(cycle.period_label);
      const earlier: ReleaseRow[] = await m.query('SELECT number, coops, report FROM report_release WHERE cycle_id = $1 ORDER BY number', [
        cycleId,
      ]);
      const last = earlier[earlier.length - 1];
      const key = (cs: readonly { coopId: string; messageId: string }[]) =>
        cs
          .map((c) => `${c.coopId}:${c.messageId}`)
          .sort()
          .join(',');
      if (last && key(last.coops) === key(coops)) throw ReportingErrors.releaseUnchanged(last.number);
      // What a holder of each earlier release knows: every figure it showed, made from the returns it held then.
      const earlierReleases: EarlierRelease[] = await Promise.all(
        earlier.map(async (r) => ({
          name: `a holder of release ${r.number}`,
          returns: await this.reports.returnsByMessage(
            m,
            r.coops.map((c) => c.messageId),
          ),
          published: r.report.metrics,
        })),
      );
      const end = this.consolidation?.startTimer();
      const report = await this.reports.labelled(m, this.reports.consolidate(cycle, coops, earlierReleases));
      end?.();
      const number = (last?.number ?? 0) + 1;
      const publishedAt = new Date();
      const stored = this.reports.present(cycle, report, coops, { kind: 'release', number, publishedAt });
      await m.query(
        'INSERT INTO report_release (id, cycle_id, number, published_at, published_by, coops, report, suppressions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          randomUUID(),
          cycleId,
          number,
          publishedAt,
          by.subject,
          JSON.stringify(coops.map((c) => ({ coopId: c.coopId, name: c.name, messageId: c.messageId }))),
          JSON.stringify(stored),
          JSON.stringify(report.suppressions),
        ],
      );
      return { ...stored, suppressions: report.suppressions };
    });
  }
}
