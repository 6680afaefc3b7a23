import { randomUUID } from 'node:crypto';

/**
 * Hostile variants of every operation an OpenAPI document describes: each query parameter, body field
 * and path id replaced in turn by wrong types, extreme numbers, odd strings and odd shapes, and whole
 * bodies that are not what any route takes. Deterministic for a seed.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRequest {
  method: string;
  /** Path with ids filled in and the query string already encoded. */
  url: string;
  body?: string;
  contentType?: string;
  /** What this variant changed, for the report. */
  label: string;
}

/** mulberry32: a tiny seeded generator, so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

type FieldKind = 'number' | 'date' | 'text' | 'list' | 'object';

/**
 * Raw JSON texts put in place of one body field (raw, so -0, 1e-7 and 2^53+1 arrive as written), by
 * the kind of field they are most likely to break, most dangerous first; every field also gets a seeded
 * few of the others.
 */
export const HOSTILE_JSON: Record<FieldKind, [string, string][]> = {
  number: [
    ['1e-7', '1e-7'],
    ['2^53+1', '9007199254740993'],
    ['1e308', '1e308'],
    ['2^31', '2147483648'],
    ['-1e308', '-1e308'],
    ['negative zero', '-0'],
    ['0.5', '0.5'],
    ['1e21', '1e21'],
    ['-1', '-1'],
    ['numeric string', '"12"'],
  ],
  date: [
    ['year 0000 date', '"0000-01-01"'],
    ['year 0000 instant', '"0000-01-01T00:00:00Z"'],
    ['year 9999 date', '"9999-12-31"'],
    ['31 February', '"2026-02-31"'],
    ['year 0000 month', '"0000-01"'],
    ['instant without a zone', '"2026-11-25T09:30:00"'],
  ],
  text: [
    ['20,000 characters', JSON.stringify('a'.repeat(20_000))],
    ['lone surrogate', '"\\ud800"'],
    ['NUL', '"a\\u0000b"'],
    ['empty string', '""'],
    ['unicode', '"Zoë 🌱 \\u202e ß"'],
    ['injection', JSON.stringify("' OR 1=1; DROP TABLE member; --")],
    ['uuid of nothing', JSON.stringify(randomUUIDFrom(1))],
  ],
  list: [
    ['2,000-element array', JSON.stringify(Array(2000).fill('x'))],
    ['mixed array', '[1,"a",null,{}]'],
    ['empty array', '[]'],
    ['nested 40', nested(40)],
  ],
  object: [
    ['__proto__', '{"__proto__":{"polluted":true}}'],
    ['nested 20', nested(20)],
    ['empty object', '{}'],
    ['object', '{"a":1}'],
  ],
};
const ANY_JSON: [string, string][] = [
  ['null', 'null'],
  ['true', 'true'],
  ['zero', '0'],
  ['text', '"text"'],
  ['empty array', '[]'],
  ['empty object', '{}'],
];

/** Text put in place of one query parameter, already percent-encoded where it needs to be, by kind, most dangerous first. */
export const HOSTILE_QUERY: Record<'number' | 'date' | 'text', [string, string][]> = {
  number: [
    ['20 digits', '99999999999999999999'],
    ['2^53+1', '9007199254740993'],
    ['1e308', '1e308'],
    ['1e-7', '1e-7'],
    ['-1', '-1'],
    ['negative zero', '-0'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['hex', '0x1A'],
    ['padded', '%207%20'],
  ],
  date: [
    ['year 0000 month', '0000-01'],
    ['year 0000 date', '0000-01-01'],
    ['31 February', '2026-02-31'],
    ['year 9999 date', '9999-12-31'],
    ['month 13', '2026-13'],
  ],
  text: [
    ['3,000 characters', 'a'.repeat(3000)],
    ['invalid UTF-8', '%ED%A0%80'],
    ['NUL', 'a%00b'],
    ['bad percent-encoding', '%zz'],
    ['unicode', encodeURIComponent('Zoë 🌱')],
    ['injection', encodeURIComponent("' OR 1=1 --")],
    ['empty', ''],
    ['word', 'abc'],
    ['uuid of nothing', randomUUIDFrom(2)],
  ],
};

export const HOSTILE_PATH_IDS: [string, string][] = [
  ['word', 'not-an-id'],
  ['20 digits', '99999999999999999999'],
  ['NUL', 'a%00b'],
  ['bad percent-encoding', '%zz'],
  ['300 characters', 'a'.repeat(300)],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid of nothing', randomUUIDFrom(3)],
];

/** Whole bodies no route takes: three on every route, and a seeded few of the parser's own refusals. */
export const HOSTILE_BODIES: [string, string | undefined, string][] = [
  ['no body', undefined, 'application/json'],
  ['empty object', '{}', 'application/json'],
  ['nested 5,000 levels', nested(5000), 'application/json'],
];

export const PARSER_BODIES: [string, string | undefined, string][] = [
  ['array', '[]', 'application/json'],
  ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}', 'application/json'],
  ['null', 'null', 'application/json'],
  ['string', '"text"', 'application/json'],
  ['number', '123', 'application/json'],
  ['malformed JSON', '{"a":', 'application/json'],
  ['__proto__', '{"__proto__":{"polluted":true}}', 'application/json'],
  ['plain text', 'hello', 'text/plain'],
];

function randomUUIDFrom(n: number): string {
  return `0f0e0d0c-0b0a-4998-8776-6554433221${String(10 + n).padStart(2, '0')}`;
}

/** Ids of things that exist, by the name a path or a field uses for them. */
export type Fixtures = Map<string, string>;

const ALIASES: Record<string, string> = {
  accounts: 'volunteers',
  invitations: 'tenders',
  requests: 'cycles',
  member: 'members',
  volunteer: 'volunteers',
  serviceUser: 'service-users',
  carer: 'staff',
  staff: 'staff',
  carePlan: 'care-plans',
  visit: 'visits',
  tender: 'tenders',
  round: 'rounds',
  item: 'catalogue',
  catalogueItem: 'catalogue',
  cycle: 'cycles',
  lot: 'lots',
  ballot: 'ballots',
  vacancy: 'vacancies',
  expense: 'expenses',
};

export class OperationFuzzer {
  private readonly random: () => number;

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly fixtures: Fixtures,
    seed: number,
    private readonly perField: number,
    /** Known-good bodies by route, where a rule the document cannot say (a rulebook's share minimum) matters. */
    private readonly knownGood: Record<string, (fixtures: Fixtures) => Record<string, unknown>> = {},
  ) {
    this.random = seededRandom(seed);
  }

  /** The path with real ids where the fixtures have them, a made-up one otherwise. */
  pathFor(template: string): string {
    return template.replace(/\{([^}]+)\}/g, (_m, _name, offset: number) => {
      const before = template
        .slice(0, offset)
        .split('/')
        .filter((s) => s && !s.startsWith('{'));
      return encodeURIComponent(this.fixtureFor(before[before.length - 1] ?? '') ?? randomUUID());
    });
  }

  baselineQuery(op: Operation): Record<string, string> {
    const query: Record<string, string> = {};
    for (const p of op.parameters ?? []) if (p.in === 'query' && p.required) query[p.name] = String(this.sample(p.schema, p.name));
    return query;
  }

  bodySchema(op: Operation): Schema | undefined {
    const schema = op.requestBody?.content?.['application/json']?.schema;
    return schema ? this.resolve(schema) : undefined;
  }

  baselineBody(op: Operation, route?: string): Record<string, unknown> | undefined {
    const schema = this.bodySchema(op);
    if (!schema) return undefined;
    return {
      ...(this.sample(schema, '') as Record<string, unknown>),
      ...(route && this.knownGood[route] ? this.knownGood[route](this.fixtures) : {}),
    };
  }

  variants(method: string, template: string, op: Operation): FuzzRequest[] {
    const out: FuzzRequest[] = [];
    const path = this.pathFor(template);
    const query = this.baselineQuery(op);
    const body = this.baselineBody(op, `${method} ${template}`);
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    const url = (p: string, q: Record<string, string>) =>
      p +
      (Object.keys(q).length
        ? `?${Object.entries(q)
            .map(([k, v]) => `${k}=${v}`)
            .join('&')}`
        : '');
    const encoded = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, encodeURIComponent(v)]));

    for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
      for (const [label, id] of this.pick(HOSTILE_PATH_IDS)) {
        out.push({
          method,
          url: url(this.pathFor(template.replace(`{${p.name}}`, id)), encoded),
          body: bodyText,
          contentType: 'application/json',
          label: `path ${p.name}: ${label}`,
        });
      }
    }
    for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
      const prefix = url(path, encoded) + (Object.keys(encoded).length ? '&' : '?');
      const shapes: [string, string][] = [
        ['repeated', `${prefix}${p.name}=1&${p.name}=2`],
        ['bracketed', `${prefix}${p.name}[a]=1`],
      ];
      const kind = this.kindOf(this.resolve(p.schema), p.name);
      const own = HOSTILE_QUERY[kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'];
      const others = Object.values(HOSTILE_QUERY)
        .flat()
        .filter((v) => !own.includes(v));
      const as = (list: [string, string][]): [string, string][] =>
        list.map(([label, value]) => [label, url(path, { ...encoded, [p.name]: value })]);
      const chosen =
        this.perField >= own.length + others.length + shapes.length
          ? [...as(own), ...as(others), ...shapes]
          : [...as(own.slice(0, 2)), ...this.pickAll([...as(own.slice(2)), ...as(others), ...shapes], this.perField - 2)];
      for (const [label, target] of chosen)
        out.push({ method, url: target, body: bodyText, contentType: 'application/json', label: `query ${p.name}: ${label}` });
    }
    if (body !== undefined) {
      for (const [field, kind] of this.fieldPaths(this.bodySchema(op)!)) {
        const own = HOSTILE_JSON[kind];
        const others = [
          ...ANY_JSON,
          ...Object.values(HOSTILE_JSON)
            .flat()
            .filter((v) => !own.includes(v)),
        ];
        const values =
          this.perField >= own.length + others.length
            ? [...own, ...others]
            : [...own.slice(0, Math.min(2, this.perField)), ...this.pickAll([...own.slice(2), ...others], this.perField - 2)];
        for (const [label, raw] of values)
          out.push({
            method,
            url: url(path, encoded),
            body: replaceAt(body, field, raw),
            contentType: 'application/json',
            label: `body ${field.join('.')}: ${label}`,
          });
      }
      out.push({
        method,
        url: url(path, encoded),
        body: JSON.stringify({ ...body, unknownField: 'x' }),
        contentType: 'application/json',
        label: 'body: unknown field',
      });
    }
    if (method !== 'GET')
      for (const [label, raw, type] of [...HOSTILE_BODIES, ...this.pick(PARSER_BODIES).slice(0, 1)])
        out.push({ method, url: url(path, encoded), body: raw, contentType: type, label: `whole body: ${label}` });
    return out;
  }

  private fixtureFor(name: string): string | undefined {
    return this.fixtures.get(name) ?? this.fixtures.get(ALIASES[name] ?? '');
  }

  /** A seeded sample of `perField` values, always including the first (the likeliest to break something). */
  private pick<T>(values: T[]): T[] {
    if (this.perField >= values.length) return values;
    return [values[0], ...this.pickAll(values.slice(1), this.perField - 1)];
  }

  private pickAll<T>(values: T[], count: number): T[] {
    if (count <= 0) return [];
    return values
      .map((v) => [this.random(), v] as const)
      .sort((a, b) => a[0] - b[0])
      .slice(0, count)
      .map(([, v]) => v);
  }

  /** Top-level fields, and the fields of the first element of an array of objects (or of a nested object), each with its kind. */
  private fieldPaths(schema: Schema): [(string | number)[], FieldKind][] {
    const paths: [(string | number)[], FieldKind][] = [];
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const s = this.resolve(raw);
      paths.push([[name], this.kindOf(s, name)]);
      const inner = s.type === 'array' && s.items ? this.resolve(s.items) : s.properties ? s : undefined;
      for (const [child, childSchema] of Object.entries(inner?.properties ?? {}))
        paths.push([s.type === 'array' ? [name, 0, child] : [name, child], this.kindOf(this.resolve(childSchema), child)]);
    }
    return paths;
  }

  private kindOf(s: Schema, name: string): FieldKind {
    if (s.type === 'number' || s.type === 'integer') return 'number';
    if (s.type === 'array') return 'list';
    if (s.type === 'object' || s.properties) return 'object';
    const dateLike =
      s.format === 'date' ||
      s.format === 'date-time' ||
      (typeof s.example === 'string' && /^\d{4}-\d{2}/.test(s.example)) ||
      /On$|At$|^from$|^to$|month|deadline|period/i.test(name);
    return dateLike ? 'date' : 'text';
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    if (s.allOf?.length === 1) s = { ...s.allOf[0], ...s };
    if (s.$ref) s = { ...this.doc.components?.schemas?.[s.$ref.split('/').pop()!], ...s, $ref: undefined };
    return s;
  }

  /** A value the field probably takes: its example, first enum value, default, or one made from its type and name. */
  private sample(raw: Schema, name: string): unknown {
    const s = this.resolve(raw);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.default !== undefined) return s.default;
    const idName = /^(.*?)(Id|Ids)$/.exec(name);
    if (s.type === 'array') {
      const count = Math.max(s.minItems ?? 1, 1);
      return Array.from({ length: count }, () => this.sample(s.items ?? { type: 'string' }, idName ? `${idName[1]}Id` : name));
    }
    if (s.type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? Object.keys(s.properties ?? {}))
        if (s.properties?.[key]) out[key] = this.sample(s.properties[key], key);
      return out;
    }
    if (s.type === 'number' || s.type === 'integer') return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    if (s.type === 'boolean') return true;
    if (idName) return this.fixtureFor(idName[1]) ?? randomUUID();
    if (s.format === 'date-time' || /At$/.test(name)) return '2027-01-15T10:00:00Z';
    if (s.format === 'date' || /On$|^from$|^to$/.test(name)) return '2026-11-25';
    if (/email/i.test(name)) return 'fuzz@example.org';
    if (/phone/i.test(name)) return '01484 000000';
    return 'fuzz'.padEnd(Math.max(s.minLength ?? 0, 4), 'z').slice(0, s.maxLength ?? 200);
  }
}

const PLACEHOLDER = '__fuzz_value_placeholder__';

/** The body as JSON with the field at `path` replaced by raw JSON text. */
function replaceAt(body: Record<string, unknown>, path: (string | number)[], raw: string): string {
  const copy = JSON.parse(JSON.stringify(body));
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object')
      at[key] = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
    at = at[key];
  }
  at[path[path.length - 1]] = PLACEHOLDER;
  return JSON.stringify(copy).replace(`"${PLACEHOLDER}"`, raw);
}
