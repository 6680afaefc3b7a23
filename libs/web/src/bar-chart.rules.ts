/** One bar of a chart drawn on the server: its label, its figure, and its length as a share of the longest. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  share: number;
}

/**
 * Each bar's length from 0 to 1, against the longest figure (by size, so a negative figure is drawn as
 * long as its size); a figure not shown (null) has no bar, never a bar of 0; every bar is empty when
 * every figure is 0. The one scaling rule of every server-drawn bar chart.
 */
export function barShares(values: readonly (number | null)[]): (number | null)[] {
  const longest = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return values.map((v) => (v === null ? null : longest === 0 ? 0 : Math.abs(v) / longest));
}

/** The bars of a horizontal bar chart, in the order given; the same figures go in the table beside the chart. */
export function bars(rows: readonly { label: string; value: number; text?: string }[]): Bar[] {
  const shares = barShares(rows.map((r) => r.value));
  return rows.map((r, i) => ({ label: r.label, value: r.value, text: r.text ?? String(r.value), share: shares[i] ?? 0 }));
}
