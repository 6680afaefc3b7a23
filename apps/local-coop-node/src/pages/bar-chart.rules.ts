/** One bar of a chart drawn on the server: its label, its figure, and its length as a share of the longest. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  share: number;
}

/**
 * The bars of a horizontal bar chart, in the order given, each scaled against the largest figure (all
 * bars empty when every figure is 0). The same figures go in the table beside the chart.
 */
export function bars(rows: readonly { label: string; value: number; text?: string }[]): Bar[] {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => ({
    label: r.label,
    value: r.value,
    text: r.text ?? String(r.value),
    share: max > 0 ? Math.max(0, r.value) / max : 0,
  }));
}

/** A vocabulary word for people: `zero-hours` reads `Zero hours`. */
export function wordsOf(key: string): string {
  const words = key.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
