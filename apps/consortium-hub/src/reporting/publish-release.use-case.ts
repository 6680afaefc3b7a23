import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ConsolidatedReports,
  ) {}

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
      const report = await this.reports.labelled(m, this.reports.consolidate(cycle, coops, earlierReleases));
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
