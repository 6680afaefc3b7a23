/**
 * `npm run bench`: each figure of the mesh (P1–P7 of docs/benchmarks.md) measured against its raw
 * baseline in the same run on the same servers; prints a table of figure, baseline and ratio and
 * writes bench/results.json.
 *
 *   npm run bench                       quick mode (the default): every figure at a small size, within 3 minutes on 2 cores
 *   npm run bench -- --full             the sizes of docs/benchmarks.md (1,000 co-ops, 100,000 messages)
 *   npm run bench -- --only P1,P3       some figures only
 *   npm run bench -- --strict           exit 1 when a speed bar is missed, not only when a check fails
 *
 * NATS_URL (nats://127.0.0.1:4222) and DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (PostgreSQL on
 * 127.0.0.1:5432, user postgres) say where the servers are. Each figure makes its own databases,
 * subjects and streams with names of its own and removes them, whether it passes or fails.
 * Exits 1 when a figure fails or a correctness check does not hold.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { BenchContext, BenchMode, Check, Figure, FigureOutcome, judge, RowResult } from './figure';
import { FIGURES } from './figures';

interface FigureResult {
  id: string;
  title: string;
  seconds: number;
  sizes: Record<string, number | string>;
  rows: RowResult[];
  checks: Check[];
  notes: string[];
  error?: string;
}

function parseArgs(argv: string[]): { mode: BenchMode; only: Set<string> | null; strict: boolean } {
  let mode: BenchMode = 'quick';
  let only: Set<string> | null = null;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--full') mode = 'full';
    else if (arg === '--quick') mode = 'quick';
    else if (arg === '--strict') strict = true;
    else if (arg === '--only' && argv[i + 1]) only = new Set(argv[++i].split(',').map((s) => s.trim().toUpperCase()));
    else throw new Error(`unknown option "${arg}" (known: --quick, --full, --only P1,P2, --strict)`);
  }
  return { mode, only, strict };
}

async function runFigure(figure: Figure, base: Omit<BenchContext, 'defer'>): Promise<FigureResult & { outcome?: FigureOutcome }> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const ctx: BenchContext = { ...base, defer: (fn) => void cleanups.push(fn) };
  const started = Date.now();
  const result: FigureResult & { outcome?: FigureOutcome } = {
    id: figure.id,
    title: figure.title,
    seconds: 0,
    sizes: {},
    rows: [],
    checks: [],
    notes: [],
  };
  try {
    const outcome = await figure.run(ctx);
    result.outcome = outcome;
    Object.assign(result, { sizes: outcome.sizes, rows: outcome.rows.map(judge), checks: outcome.checks, notes: outcome.notes ?? [] });
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        result.notes.push(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    result.seconds = (Date.now() - started) / 1000;
  }
  return result;
}

const fmt = (n: number | null | undefined): string =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toPrecision(3);

function table(results: FigureResult[]): string {
  const header = ['figure', 'measure', 'value', 'baseline', 'ratio', 'bar', ''];
  const lines: string[][] = [header];
  for (const r of results) {
    if (r.error) lines.push([r.id, 'FAILED: ' + r.error.split('\n')[0], '', '', '', '', '✗']);
    for (const row of r.rows)
      lines.push([
        r.id,
        row.measure,
        `${fmt(row.value)} ${row.unit}`,
        row.baseline === undefined ? '' : `${fmt(row.baseline)} ${row.unit}`,
        row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`,
        row.barText,
        row.pass === null ? '' : row.pass ? 'met' : 'MISSED',
      ]);
    for (const check of r.checks) lines.push([r.id, `check: ${check.name}`, check.detail ?? '', '', '', '', check.ok ? 'ok' : 'FAILED']);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map((l) =>
      l
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main(): Promise<number> {
  const { mode, only, strict } = parseArgs(process.argv.slice(2));
  const outcomes = new Map<string, FigureOutcome>();
  const base: Omit<BenchContext, 'defer'> = {
    mode,
    earlier: (id) => outcomes.get(id) ?? null,
    natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    db: {
      host: process.env.DB_HOST ?? '127.0.0.1',
      port: Number(process.env.DB_PORT ?? 5432),
      user: process.env.DB_USER ?? 'postgres',
      password: process.env.DB_PASSWORD ?? '',
    },
    runId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
  };
  const chosen = FIGURES.filter((f) => !only || only.has(f.id));
  if (only)
    for (const id of only)
      if (!FIGURES.some((f) => f.id === id)) throw new Error(`no figure ${id} (there are ${FIGURES.map((f) => f.id).join(', ')})`);
  const started = Date.now();
  const results: FigureResult[] = [];
  for (const figure of chosen) {
    base.log(`${figure.id} ${figure.title} (${mode})`);
    const { outcome, ...result } = await runFigure(figure, base);
    if (outcome) outcomes.set(figure.id, outcome);
    base.log(`${figure.id} done in ${result.seconds.toFixed(1)} s${result.error ? ': FAILED' : ''}`);
    results.push(result);
  }
  const totalSeconds = (Date.now() - started) / 1000;
  process.stdout.write(`\n${table(results)}\n\n${mode} mode, ${totalSeconds.toFixed(0)} s, ${cpus().length} cores\n`);
  for (const r of results) for (const note of r.notes) process.stdout.write(`${r.id}: ${note}\n`);

  const dir = join(__dirname, '..', '..', '..', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  const at = new Date().toISOString();
  const measured = results.map((r) => ({ ...r, at, mode }));
  // A run of some figures (--only) replaces those figures and keeps the others as they were measured.
  const kept = only ? earlierFigures(file).filter((f) => !measured.some((r) => r.id === f.id)) : [];
  const figures = [...kept, ...measured].sort((a, b) => FIGURES.findIndex((f) => f.id === a.id) - FIGURES.findIndex((f) => f.id === b.id));
  writeFileSync(
    file,
    JSON.stringify(
      {
        at,
        mode: only ? `${mode}, only ${[...only].join(',')}` : mode,
        seconds: totalSeconds,
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? '',
          memoryBytes: totalmem(),
          node: process.version,
          platform: process.platform,
        },
        figures,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`results written to ${file}\n`);
  const failed = results.some((r) => r.error || r.checks.some((c) => !c.ok));
  const missed = results.some((r) => r.rows.some((row) => row.pass === false));
  return failed || (strict && missed) ? 1 : 0;
}

/** The figures of the results file a run before this one wrote, each with when and how it was measured. */
function earlierFigures(file: string): (FigureResult & { id: string; at?: string; mode?: string })[] {
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      at?: string;
      mode?: string;
      figures?: (FigureResult & { at?: string; mode?: string })[];
    };
    return (parsed.figures ?? []).map((f) => ({ ...f, at: f.at ?? parsed.at, mode: f.mode ?? parsed.mode }));
  } catch {
    return [];
  }
}

// Exits when the table is written: a client a figure failed to close must not keep the run alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
