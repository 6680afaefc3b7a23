import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';

/** The parts of an OpenAPI 3.0 document read here. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

type Schema = { [key: string]: unknown };

/** Where the document's components sit in the validator's copy. */
const DOCUMENT_ID = 'openapi-document';
/** Keywords of OpenAPI that JSON Schema does not know, dropped from the copy (nullable is rewritten instead). */
const ANNOTATIONS = ['example', 'externalDocs', 'xml'];
/** Keywords whose value is one schema, or a list of them. */
const SUBSCHEMA = ['items', 'not', 'allOf', 'oneOf', 'anyOf'];

/**
 * Checks real answers against the app's own OpenAPI document (`/docs/json`), with every object
 * made strict in the test's copy: a property the document does not declare fails, as does a
 * required one that is missing, so an answer that grows a field, or a view described loosely as
 * `object`, shows here. An object that points at a schema kept elsewhere (`externalDocs`, as the
 * OCDS releases do) is left open: that schema is checked where it lives.
 */
export class AnswerSchemas {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    const definitions = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [name, strictSchema(s)]));
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions });
  }

  /** Fetches the document an app serves: `AnswerSchemas.of(mesh.hub().anonymous())`. */
  static async of(http: { get(path: string): request.Test }): Promise<AnswerSchemas> {
    return new AnswerSchemas((await http.get('/docs/json').expect(200)).body as OpenApiDocument);
  }

  /** What is wrong with `body` as the answer to `METHOD /path/{id}` with `status`: nothing when it is as documented. */
  problems(route: string, status: number, body: unknown): string[] {
    const validate = this.validator(route, status);
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  }

  private validator(route: string, status: number): ValidateFunction {
    const key = `${route} ${status}`;
    const known = this.compiled.get(key);
    if (known) return known;
    const [method, path] = route.split(' ');
    const response = this.document.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`the document declares no JSON answer ${status} to ${route}`);
    const validate = this.ajv.compile(strictSchema(schema) as Schema);
    this.compiled.set(key, validate);
    return validate;
  }
}

/** An OpenAPI 3.0 schema as strict JSON Schema (draft 7): see AnswerSchemas. */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (!isSchema(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref.replace('#/components/schemas/', `${DOCUMENT_ID}#/definitions/`) };
  const { nullable, ...rest } = schema;
  const open = 'externalDocs' in rest;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (ANNOTATIONS.includes(key)) continue;
    if (SUBSCHEMA.includes(key)) out[key] = strictSchema(value);
    else if (key === 'properties') out[key] = mapValues(value as Schema, strictSchema);
    else if (key === 'additionalProperties') out[key] = isSchema(value) && !open ? strictSchema(value) : value;
    else out[key] = value;
  }
  const describesObject = out.type === 'object' || 'properties' in out;
  const combines = ['allOf', 'oneOf', 'anyOf'].some((k) => k in out);
  if (describesObject && !combines && !open && !isSchema(out.additionalProperties)) out.additionalProperties = false;
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const mapValues = (o: Schema, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

function describe(e: ErrorObject): string {
  const at = e.instancePath || '(the answer)';
  if (e.keyword === 'additionalProperties') return `${at} has ${String(e.params.additionalProperty)}, which the document does not declare`;
  if (e.keyword === 'required') return `${at} lacks ${String(e.params.missingProperty)}, which the document requires`;
  return `${at} ${e.message ?? e.keyword} (${JSON.stringify(e.params)})`;
}

/**
 * Where the document describes part of an answer loosely: an object with no properties declared
 * (what a `string | null` field without `type` becomes, or a `Record`), or one that allows any
 * other property. Each is named by the route, or the component, and the path to it.
 */
export function looseAnswers(document: OpenApiDocument, skip: (path: string) => boolean = () => false): string[] {
  const found = new Set<string>();
  const components = document.components?.schemas ?? {};
  const visited = new Set<string>();
  const walk = (schema: unknown, at: string): void => {
    if (!isSchema(schema)) return;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (!visited.has(name)) {
        visited.add(name);
        walk(components[name], name);
      }
      return;
    }
    if ('externalDocs' in schema) return;
    const combines = ['allOf', 'oneOf', 'anyOf'].some((k) => k in schema);
    if (schema.additionalProperties === true) found.add(`${at}: any property allowed`);
    else if (schema.type === 'object' && !combines && !schema.properties && !isSchema(schema.additionalProperties))
      found.add(`${at}: an object with no properties declared`);
    for (const key of SUBSCHEMA) {
      const sub = schema[key];
      if (Array.isArray(sub)) sub.forEach((s, i) => walk(s, `${at}.${key}[${i}]`));
      else walk(sub, `${at}.${key}`);
    }
    if (isSchema(schema.additionalProperties)) walk(schema.additionalProperties, `${at}.additionalProperties`);
    for (const [name, sub] of Object.entries((schema.properties as Schema | undefined) ?? {})) walk(sub, `${at}.${name}`);
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    if (skip(path)) continue;
    for (const [method, operation] of Object.entries(operations))
      for (const [status, response] of Object.entries(operation.responses ?? {}))
        if (/^2\d\d$/.test(status)) walk(response.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} ${status}`);
  }
  return [...found].sort();
}
