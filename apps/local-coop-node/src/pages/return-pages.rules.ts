import type { ReturnFigure } from '@app/contracts';
import { wordsOf } from '@app/web/page-words';

export interface FigureTable {
  metric: string;
  title: string;
  rows: { cell: string; text: string; status: 'shown' | 'withheld' | 'not-recorded' }[];
}

/**
 * The figures of a return as the admin reads them: one table a metric, in the return's order, its total
 * first, each cell named by its dimension and value. A figure withheld on the node reads "withheld on
 * this node" (it leaves the node without a value), one nobody recorded "not recorded".
 */
export function figureTables(figures: readonly ReturnFigure[]): FigureTable[] {
  const tables: FigureTable[] = [];
  for (const f of figures) {
    let table = tables.find((t) => t.metric === f.metric);
    if (!table) tables.push((table = { metric: f.metric, title: wordsOf(f.metric), rows: [] }));
    const cell = f.breakdown
      ? Object.entries(f.breakdown)
          .map(([dimension, value]) => `${wordsOf(dimension)}: ${value}`)
          .join(', ')
      : 'Total';
    const row = f.suppressedOnNode
      ? { cell, text: 'withheld on this node', status: 'withheld' as const }
      : f.value === null
        ? { cell, text: 'not recorded', status: 'not-recorded' as const }
        : { cell, text: String(f.value), status: 'shown' as const };
    if (f.breakdown) table.rows.push(row);
    else table.rows.unshift(row);
  }
  return tables;
}
