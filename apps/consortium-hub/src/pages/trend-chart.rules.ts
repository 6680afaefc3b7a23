import type { ReportUnit } from '@app/contracts';

import type { ReportValue } from '../reporting';
import { statusOf, valueText } from '../reporting';

/** One period of a metric's trend, as GET /reporting/trends answers it (what the chart and table need). */
export interface TrendPoint {
  readonly period: string;
  readonly release?: number;
  readonly coopsCovered: number;
  readonly total: ReportValue;
  readonly change: number | null;
}

export const CHART = { width: 640, height: 220, left: 70, right: 20, top: 20, bottom: 40 } as const;

const UNIT_SUFFIX: Partial<Record<ReportUnit, string>> = { percent: '%' };

/** A figure in words, as the report page writes it: `12`, `45.5%`, `suppressed`, `not recorded`. */
export function figureWords(unit: ReportUnit, value: ReportValue): string {
  const text = valueText({ unit }, value);
  return statusOf({ unit }, value) === 'shown' && UNIT_SUFFIX[unit] ? `${text}${UNIT_SUFFIX[unit]}` : text;
}

/**
 * A metric's trend drawn as a line across periods, oldest first. Only figures shown are points; a
 * suppressed or unrecorded figure is a gap in the line (never a point at 0) and is written under its
 * period instead. The scale runs from 0 (or the lowest figure, when below 0) to the highest figure.
 */
export function trendChart(unit: ReportUnit, points: readonly TrendPoint[]) {
  const plot = { width: CHART.width - CHART.left - CHART.right, height: CHART.height - CHART.top - CHART.bottom };
  const values = points.map((p) => (typeof p.total === 'number' ? p.total : null));
  const shown = values.filter((v): v is number => v !== null);
  const top = Math.max(0, ...shown);
  const bottom = Math.min(0, ...shown);
  const span = top - bottom || 1;
  const xOf = (i: number) => CHART.left + (points.length === 1 ? plot.width / 2 : (i * plot.width) / (points.length - 1));
  const yOf = (v: number) => CHART.top + plot.height - ((v - bottom) / span) * plot.height;
  const marks = points.map((p, i) => {
    const v = values[i];
    return {
      period: p.period,
      x: round(xOf(i)),
      y: v === null ? null : round(yOf(v)),
      text: figureWords(unit, p.total),
      status: statusOf({ unit }, p.total),
    };
  });
  // A line joins neighbouring periods only when both are shown: a held-back figure breaks it.
  const lines = marks.slice(1).flatMap((m, i) => {
    const before = marks[i];
    return before.y !== null && m.y !== null ? [{ x1: before.x, y1: before.y, x2: m.x, y2: m.y }] : [];
  });
  return {
    ...CHART,
    axis: { x1: CHART.left, x2: CHART.width - CHART.right, y: round(yOf(bottom)), top: CHART.top },
    scale: { top: figureWords(unit, top), bottom: figureWords(unit, bottom), topY: CHART.top, bottomY: round(yOf(bottom)) },
    marks,
    lines,
    drawn: shown.length > 0,
  };
}

/** The trend's table: each period with its figure, the change from the period before, and what it was read from. */
export function trendRows(unit: ReportUnit, points: readonly TrendPoint[]) {
  return points.map((p) => ({
    period: p.period,
    text: figureWords(unit, p.total),
    status: statusOf({ unit }, p.total),
    change: p.change === null ? '–' : `${p.change > 0 ? '+' : ''}${round(p.change)}${unit === 'percent' ? ' points' : ''}`,
    coopsCovered: p.coopsCovered,
    release: p.release ?? null,
  }));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
