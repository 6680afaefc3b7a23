import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus } from '@app/contracts';

import { LineageCoopView, LineageView } from './lineage.dto';

interface Row {
  trading_action: string | null;
  id: string;
  name: string;
  status: CoopStatus;
  sponsor_coop_id: string | null;
  journey_id: string | null;
  started_on: string | null;
  trading_on: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The consortium's family tree: each co-op with its sponsor, generation, children and descendants, and,
 * for one that came by an onboarding journey, the days from the journey's start to trading (by the
 * evidence date of its trading stage, while that stage stands closed). Sponsors never loop (the registry
 * refuses a sponsor that would make one); a co-op whose sponsor is not in the registry counts as a founder.
 */
@Injectable()
export class LineageQueries {
  constructor(private readonly dataSource: DataSource) {}

  async lineage(now = new Date()): Promise<LineageView> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.status, c.sponsor_coop_id, j.id AS journey_id, (j.started_at AT TIME ZONE 'Europe/London')::date::text AS started_on,
              (SELECT e.evidence_date::text FROM onboarding_stage_event e
                WHERE e.journey_id = j.id AND e.stage = 'trading' ORDER BY e.id DESC LIMIT 1) AS trading_on,
              (SELECT e.action FROM onboarding_stage_event e
                WHERE e.journey_id = j.id AND e.stage = 'trading' ORDER BY e.id DESC LIMIT 1) AS trading_action
         FROM coop c LEFT JOIN onboarding_journey j ON j.coop_id = c.id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const children = new Map<string, Row[]>();
    for (const r of rows) {
      if (!r.sponsor_coop_id || !byId.has(r.sponsor_coop_id)) continue;
      children.set(r.sponsor_coop_id, [...(children.get(r.sponsor_coop_id) ?? []), r]);
    }
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);
    const roots = rows.filter((r) => !r.sponsor_coop_id || !byId.has(r.sponsor_coop_id)).sort(byName);
    const generation = new Map<string, number>();
    const descendants = new Map<string, number>();
    const ordered: Row[] = [];
    // Breadth first from the founders: a generation at a time, each by name.
    let level = roots;
    for (let g = 1; level.length > 0; g++) {
      for (const r of level) {
        generation.set(r.id, g);
        ordered.push(r);
      }
      level = level.flatMap((r) => (children.get(r.id) ?? []).filter((c) => !generation.has(c.id))).sort(byName);
    }
    const count = (id: string, seen = new Set<string>()): number => {
      if (descendants.has(id)) return descendants.get(id)!;
      seen.add(id);
      const n = (children.get(id) ?? []).filter((c) => !seen.has(c.id)).reduce((sum, c) => sum + 1 + count(c.id, seen), 0);
      descendants.set(id, n);
      return n;
    };
    const coops: LineageCoopView[] = ordered.map((r) => {
      const tradingOn = r.trading_action === 'closed' ? r.trading_on : null;
      return {
        id: r.id,
        name: r.name,
        status: r.status,
        sponsorCoopId: r.sponsor_coop_id,
        generation: generation.get(r.id)!,
        children: (children.get(r.id) ?? []).sort(byName).map((c) => c.id),
        descendants: count(r.id),
        journeyId: r.journey_id,
        journeyStartedOn: r.started_on,
        tradingOn,
        daysToTrading: tradingOn && r.started_on ? Math.round((Date.parse(tradingOn) - Date.parse(r.started_on)) / DAY_MS) : null,
      };
    });
    return {
      generatedAt: now.toISOString(),
      roots: roots.map((r) => r.id),
      generations: Math.max(0, ...coops.map((c) => c.generation)),
      coops,
    };
  }
}
