import {
  Breakdown,
  CURRENT_RETURN_DEFINITION,
  DIMENSION_VOCABULARY,
  MetricDefinition,
  QuarterPeriod,
  ratioValue,
  ReturnFigure,
  ReturnSubmittedV1,
  sameCell,
  validateReturn,
} from '@app/contracts';

/** A small deterministic generator: the same co-op gets the same return in every run. */
function generator(seed: number): (n: number) => number {
  let state = seed * 2654435761 + 1;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/**
 * A valid return of the current definition for one co-op: every metric, totals split over every
 * breakdown cell the definition asks for (localities from the co-op's own), rates worked out from
 * their parts as a node works them out, small counts among them (so disclosure control has work).
 * Checked with the contract's own validateReturn, so a return the hub would refuse never leaves here.
 */
export function syntheticReturn(
  index: number,
  localities: readonly string[],
  cycle: { cycleId: string; period: QuarterPeriod },
): ReturnSubmittedV1 {
  // A draw whose rates fall outside their range (a rate of parts drawn apart) is drawn again.
  let problems: string[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    const made = draw(generator(index * 50 + attempt + 1), localities, cycle);
    if (made.ok) return made.submission;
    problems = made.problems;
  }
  throw new Error(`the bench made no valid return: ${problems.slice(0, 5).join('; ')}`);
}

function draw(
  random: (n: number) => number,
  localities: readonly string[],
  cycle: { cycleId: string; period: QuarterPeriod },
): { ok: true; submission: ReturnSubmittedV1 } | { ok: false; problems: string[] } {
  const definition = CURRENT_RETURN_DEFINITION;
  const figures: ReturnFigure[] = [];
  const valueOf = (metric: string, breakdown: Breakdown | null) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))?.value;
  const totals = new Map<string, number>();
  for (const m of definition.metrics)
    if (m.consolidation.kind === 'sum') totals.set(m.id, Math.min(m.validation.max, m.validation.min + random(m.countsPeople ? 40 : 400)));
  // A rate's parts are made to fit it (what was delivered is at most what was contracted).
  for (const m of definition.metrics) {
    const c = m.consolidation;
    if (c.kind !== 'ratio' || c.numerator.length !== 1 || c.numerator[0].breakdown !== null) continue;
    const denominator = c.denominator.reduce((sum, ref) => sum + (totals.get(ref.metric) ?? 0), 0);
    const limit = Math.floor((denominator * m.validation.max) / 100);
    totals.set(c.numerator[0].metric, Math.min(totals.get(c.numerator[0].metric) ?? 0, limit));
  }
  for (const m of definition.metrics) {
    if (m.consolidation.kind !== 'sum') continue;
    if (m.crossBreakdowns?.length) {
      figures.push(...crossDrawn(m, random, localities, totals.get(m.id)!));
      continue;
    }
    const total = totals.get(m.id)!;
    figures.push({ metric: m.id, breakdown: null, value: total });
    for (const dimension of m.breakdowns) {
      if (dimension === 'contract') continue;
      const categories = DIMENSION_VOCABULARY[dimension] ?? localities;
      const cells = categories.map(() => 0);
      for (let i = 0; i < total; i++) cells[random(categories.length)]++;
      categories.forEach((category, i) => figures.push({ metric: m.id, breakdown: { [dimension]: category }, value: cells[i] }));
    }
  }
  for (const m of definition.metrics) {
    const c = m.consolidation;
    if (c.kind === 'ratio')
      figures.push({ metric: m.id, breakdown: null, value: ratioValue(c, (ref) => valueOf(ref.metric, ref.breakdown)) ?? null });
    if (c.kind === 'weighted-mean' || c.kind === 'distribution')
      figures.push({
        metric: m.id,
        breakdown: null,
        value: m.validation.min + random(Math.floor(m.validation.max - m.validation.min) + 1),
      });
  }
  const figuresOf = { definitionId: definition.id, definitionVersion: definition.version, period: cycle.period, figures };
  const problems = validateReturn(definition, figuresOf, { localities, contracts: [] });
  if (problems.length) return { ok: false, problems: problems.map((p) => p.message) };
  // The figures were drawn from the definition's own vocabularies, and validateReturn has just accepted them.
  return { ok: true, submission: { cycleId: cycle.cycleId, ...figuresOf } as ReturnSubmittedV1 };
}

/**
 * A metric with a two-way breakdown (hours and people by locality and service type): the two-way
 * cells are drawn first and every margin worked out from them, so the table adds up both ways. Where
 * one person can count in several cells of a row (`overlapping`), a row's one-way cell is its
 * largest cell: no cell bigger than it, the row adding up to at least it.
 */
function crossDrawn(m: MetricDefinition, random: (n: number) => number, localities: readonly string[], total: number): ReturnFigure[] {
  const cross = m.crossBreakdowns![0];
  const rows = DIMENSION_VOCABULARY[cross.rows] ?? localities;
  const columns = DIMENSION_VOCABULARY[cross.columns] ?? localities;
  const hundredths = m.validation.type === 'decimal' ? 100 : 1;
  const cells = rows.map(() => columns.map(() => 0));
  for (let i = 0; i < total; i++) cells[random(rows.length)][random(columns.length)] += random(4 * hundredths) / hundredths;
  const round = (n: number) => Math.round(n * hundredths) / hundredths;
  const out: ReturnFigure[] = [];
  const rowMargins = cells.map((row) => round(cross.overlapping ? Math.max(...row) : row.reduce((a, b) => a + b, 0)));
  out.push({ metric: m.id, breakdown: null, value: round(rowMargins.reduce((a, b) => a + b, 0)) });
  if (m.breakdowns.includes(cross.rows))
    rows.forEach((r, i) => out.push({ metric: m.id, breakdown: { [cross.rows]: r }, value: rowMargins[i] }));
  if (m.breakdowns.includes(cross.columns))
    columns.forEach((c, j) =>
      out.push({ metric: m.id, breakdown: { [cross.columns]: c }, value: round(cells.reduce((a, row) => a + row[j], 0)) }),
    );
  rows.forEach((r, i) =>
    columns.forEach((c, j) => out.push({ metric: m.id, breakdown: { [cross.rows]: r, [cross.columns]: c }, value: round(cells[i][j]) })),
  );
  return out;
}
