/**
 * What one figure of `npm run bench` is: a measurement of the mesh and, in the same run on the same
 * servers, the raw baseline it is compared with. A figure reports rows (a figure may measure more
 * than one thing, e.g. p50, p99 and requests a second) and correctness checks (nothing lost, nothing
 * doubled, every silent co-op named): a speed bar missed is reported, a check failed fails the run.
 */
export type BenchMode = 'quick' | 'full';

/** A bar on value / baseline (`ratioAtLeast`, `ratioAtMost`), or on the value itself. */
export type Bar = { ratioAtLeast: number } | { ratioAtMost: number } | { atMost: number } | { atLeast: number };

export interface Row {
  /** What is measured, e.g. "messages published and confirmed a second". */
  measure: string;
  unit: string;
  value: number;
  /** The raw figure in the same unit; absent where the bar is absolute (P7). */
  baseline?: number;
  /** What the baseline is, e.g. "raw JetStream async publish with Nats-Msg-Id". */
  baselineIs?: string;
  bar?: Bar;
}

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface FigureOutcome {
  rows: Row[];
  checks: Check[];
  /** The sizes this run used (co-ops, messages, pool size, seconds), printed and kept in the results. */
  sizes: Record<string, number | string>;
  notes?: string[];
}

export interface BenchContext {
  mode: BenchMode;
  natsUrl: string;
  db: { host: string; port: number; user: string; password: string };
  /** A short id unique to this run, for database names (`ccm_bench_<runId>_…`) and subject roots. */
  runId: string;
  /** One progress line on stderr (the table goes to stdout). */
  log(line: string): void;
  /** What a figure run earlier in this run measured (P6 compares its drain with P2's rate), or null. */
  earlier(id: string): FigureOutcome | null;
  /** Runs `cleanup` when the figure ends, whether it passed, failed or threw (last registered, first run). */
  defer(cleanup: () => Promise<void> | void): void;
}

export interface Figure {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<FigureOutcome>;
}

export interface RowResult extends Row {
  ratio: number | null;
  barText: string;
  /** null when the row has no bar. */
  pass: boolean | null;
}

export function judge(row: Row): RowResult {
  const ratio = row.baseline !== undefined && row.baseline > 0 ? row.value / row.baseline : null;
  const bar = row.bar;
  if (!bar) return { ...row, ratio, barText: '', pass: null };
  if ('ratioAtLeast' in bar) return { ...row, ratio, barText: `≥ ${bar.ratioAtLeast}×`, pass: ratio !== null && ratio >= bar.ratioAtLeast };
  if ('ratioAtMost' in bar) return { ...row, ratio, barText: `≤ ${bar.ratioAtMost}×`, pass: ratio !== null && ratio <= bar.ratioAtMost };
  if ('atMost' in bar) return { ...row, ratio, barText: `≤ ${bar.atMost} ${row.unit}`, pass: row.value <= bar.atMost };
  return { ...row, ratio, barText: `≥ ${bar.atLeast} ${row.unit}`, pass: row.value >= bar.atLeast };
}

/** Quick or full: the size a figure takes in each mode. */
export function sized<T>(ctx: BenchContext, quick: T, full: T): T {
  return ctx.mode === 'full' ? full : quick;
}
