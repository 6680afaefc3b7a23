import type { Test } from 'supertest';

import { changedTables, DatabaseSnapshots, DatabaseState } from './db-snapshot';
import { Fixtures, FuzzRequest, OpenApiDocument, OperationFuzzer } from './openapi-fuzz';

export interface Outcome {
  app: string;
  route: string;
  label: string;
  status: number;
  body: unknown;
}

/** A refusal must say what was wrong: a stable code, or a message that is more than the status's name. */
export function namesFieldOrRule(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_.]+$/.test(code)) return true;
  const texts = Array.isArray(message) ? message : [message];
  return (
    texts.length > 0 &&
    texts.every(
      (t) => typeof t === 'string' && t.length > 0 && !/^(bad request|not found|forbidden|conflict|internal error)$/i.test(t.trim()),
    )
  );
}

/** What a fuzz run found wrong, and what it saw. */
export class FuzzFindings {
  readonly serverErrors: Outcome[] = [];
  readonly unclearRefusals: Outcome[] = [];
  readonly changedByRefusal: (Outcome & { tables: string[] })[] = [];
  readonly statuses = new Map<number, number>();
  readonly accepted: Outcome[] = [];
  requests = 0;
  replayed = 0;
  /** Tables that differed at the end of a stretch of refusals, before each was sent again alone. */
  readonly suspected = new Set<string>();

  readonly operations = new Set<string>();

  record(outcome: Outcome): void {
    this.requests++;
    this.operations.add(`${outcome.app} ${outcome.route}`);
    this.statuses.set(outcome.status, (this.statuses.get(outcome.status) ?? 0) + 1);
    if (outcome.status >= 500) this.serverErrors.push(outcome);
    else if (outcome.status >= 400 && !namesFieldOrRule(outcome.body)) this.unclearRefusals.push(outcome);
    else if (outcome.status < 400) this.accepted.push(outcome);
  }

  summary(): string {
    const suspected = this.suspected.size ? ` (after refusals, then again one by one: ${[...this.suspected].join(', ')})` : '';
    return `${this.operations.size} operations, ${this.requests} requests (${this.replayed} replayed one by one${suspected}); statuses ${[
      ...this.statuses.entries(),
    ]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(', ')}; ${this.accepted.length} accepted`;
  }
}

/** Both databases, snapshotted together. */
export class MeshState {
  constructor(private readonly databases: DatabaseSnapshots[]) {}

  async take(): Promise<DatabaseState> {
    const states = await Promise.all(this.databases.map((d) => d.take()));
    return Object.assign(
      {},
      ...states.map((s, i) => Object.fromEntries(Object.entries(s).map(([t, v]) => [`${this.databases[i].database}.${t}`, v]))),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.databases.map((d) => d.close()));
  }
}

export interface FuzzedApp {
  name: string;
  doc: OpenApiDocument;
  http: () => unknown;
  /** A token of a role the route allows, or null for an open route. */
  token: (route: string) => string | null;
}

type Planned = { app: FuzzedApp; route: string; request: FuzzRequest };

function send(app: FuzzedApp, request: FuzzRequest): Test {
  let req = (app.http() as Record<string, (url: string) => Test>)[request.method.toLowerCase()](request.url);
  const token = app.token(`${request.method} ${templateOf(request)}`);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (request.body !== undefined) req = req.set('Content-Type', request.contentType ?? 'application/json').send(request.body);
  return req;
}

const templates = new WeakMap<FuzzRequest, string>();
const templateOf = (r: FuzzRequest) => templates.get(r)!;

/**
 * Sends every variant of every operation and checks the answers. Reads go a few at a time and must
 * change nothing at all. Writes go one at a time; the state is compared at each operation's end, and
 * the refusals in a stretch that also held an accepted request are sent again one by one, each
 * between two snapshots, so a change is always pinned on the request that made it.
 */
export class HttpFuzzRun {
  readonly findings = new FuzzFindings();

  constructor(
    private readonly apps: FuzzedApp[],
    private readonly fixtures: Fixtures,
    private readonly fuzzerFor: (app: FuzzedApp) => OperationFuzzer,
    private readonly state: MeshState,
    private readonly settle: () => Promise<unknown>,
  ) {}

  plan(filter: (method: string) => boolean): Planned[] {
    const planned: Planned[] = [];
    for (const app of this.apps) {
      const fuzzer = this.fuzzerFor(app);
      for (const [path, ops] of Object.entries(app.doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (!filter(method.toUpperCase())) continue;
          for (const request of fuzzer.variants(method.toUpperCase(), path, op)) {
            templates.set(request, path);
            planned.push({ app, route: `${method.toUpperCase()} ${path}`, request });
          }
        }
      }
    }
    return planned;
  }

  async reads(concurrency: number): Promise<void> {
    const planned = this.plan((m) => m === 'GET');
    const before = await this.state.take();
    let next = 0;
    const worker = async () => {
      while (next < planned.length) await this.exchange(planned[next++]);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const tables = changedTables(before, await this.state.take());
    if (tables.length)
      this.findings.changedByRefusal.push({ app: 'both', route: 'GET (every read)', label: 'all reads', status: 0, body: null, tables });
  }

  async writes(): Promise<void> {
    const planned = this.plan((m) => m !== 'GET');
    let before = await this.state.take();
    let window: { planned: Planned; outcome: Outcome }[] = [];
    const replay: Planned[] = [];
    for (let i = 0; i < planned.length; i++) {
      const outcome = await this.exchange(planned[i]);
      if (outcome.status < 400) {
        replay.push(...window.map((w) => w.planned));
        window = [];
        await this.settle();
        before = await this.state.take();
      } else window.push({ planned: planned[i], outcome });
      const lastOfOperation =
        i === planned.length - 1 || planned[i + 1].route !== planned[i].route || planned[i + 1].app !== planned[i].app;
      if (lastOfOperation && window.length) {
        const after = await this.state.take();
        const tables = changedTables(before, after);
        if (tables.length) replay.push(...window.map((w) => w.planned));
        for (const t of tables) this.findings.suspected.add(t.replace(/^[^.]+\./, ''));
        window = [];
        before = after;
      }
    }
    for (const p of replay) await this.oneByOne(p);
  }

  private async oneByOne(planned: Planned): Promise<void> {
    const before = await this.state.take();
    this.findings.replayed++;
    const outcome = await this.exchange(planned);
    if (outcome.status < 400) return void (await this.settle());
    const tables = changedTables(before, await this.state.take());
    if (tables.length) this.findings.changedByRefusal.push({ ...outcome, tables });
  }

  private async exchange({ app, route, request }: Planned): Promise<Outcome> {
    const res = await send(app, request);
    const outcome = { app: app.name, route, label: request.label, status: res.status, body: res.body };
    this.findings.record(outcome);
    return outcome;
  }

  /**
   * Sends each route once with its known-good body: the create routes first, so later variants name
   * things that exist, then steps that make the two sides message each other (after each, the messages
   * settle), so the message fuzz has a real payload of as many types as possible to break.
   */
  async makeFixtures(creates: string[], flows: string[] = []): Promise<void> {
    await this.sendEach(creates);
    await this.settle();
    for (const route of flows) {
      await this.sendEach([route]);
      await this.settle();
    }
  }

  private async sendEach(routes: string[]): Promise<void> {
    for (const route of routes) {
      const app = this.apps.find((a) => a.doc.paths[route.split(' ')[1]]?.post)!;
      const template = route.split(' ')[1];
      const fuzzer = this.fuzzerFor(app);
      const request: FuzzRequest = {
        method: 'POST',
        url: fuzzer.pathFor(template),
        body: JSON.stringify(fuzzer.baselineBody(app.doc.paths[template].post, route)),
        label: 'fixture',
      };
      templates.set(request, template);
      const res = await send(app, request);
      if (res.status < 300 && typeof res.body?.id === 'string') {
        this.fixtures.set(
          template
            .split('/')
            .filter((s) => s && !s.startsWith('{'))
            .pop()!,
          res.body.id,
        );
        if (Array.isArray(res.body.lots) && res.body.lots[0]?.id) this.fixtures.set('lots', res.body.lots[0].id);
      }
    }
  }
}
