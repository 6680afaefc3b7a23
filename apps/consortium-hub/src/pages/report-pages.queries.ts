import { Injectable } from '@nestjs/common';

import { ConsolidatedReports, CycleQueries, metricTables, ReportDocumentView } from '../reporting';

/**
 * What the report pages show, read through the report API's own queries (the same releases, the
 * same disclosure control, the same CSV): a page never computes a figure of its own.
 */
@Injectable()
export class ReportPages {
  constructor(
    private readonly cycles: CycleQueries,
    private readonly reports: ConsolidatedReports,
  ) {}

  /** Every cycle with a published release, newest period first, with its releases newest first. */
  async releases() {
    const cycles = await this.cycles.list();
    const withReleases = await Promise.all(cycles.map(async (c) => ({ ...c, releases: await this.reports.releases(c.id) })));
    return withReleases.filter((c) => c.releases.length > 0).sort((a, b) => b.period.label.localeCompare(a.period.label));
  }

  async report(cycleId: string, release?: number) {
    const report: ReportDocumentView = await this.reports.report(cycleId, { release }, false);
    const releases = await this.reports.releases(cycleId);
    const metrics = report.metrics.map((m) => ({ ...m, ...metricTables(m) }));
    const query = release ? `?release=${release}` : '';
    return { report, metrics, releases, query, cycleId };
  }

  csv(cycleId: string, release?: number) {
    return this.reports.csv(cycleId, { release });
  }

  async json(cycleId: string, release?: number) {
    const report = await this.reports.report(cycleId, { release }, false);
    const name = `${report.definition.id}-${report.period.label}-release-${report.release?.number ?? 'latest'}.json`;
    return { filename: name, body: JSON.stringify(report, null, 2) };
  }
}
