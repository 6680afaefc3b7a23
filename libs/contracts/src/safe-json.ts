import { RefusalReason } from './refusal-reason';

/**
 * No message has a reason to be deeper than this (the deepest, a return figure's breakdown, is 5);
 * the limit keeps every recursive step after parsing (class-transformer, class-validator, canonical
 * JSON) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype in one library or another: never data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonReading = { ok: true; value: unknown } | { ok: false; code: RefusalReason; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes to a JSON value, refusing, with a reason, what no receiver should go on to look at: too big,
 * not UTF-8, not JSON, too deep, or with a key that names a prototype. Never throws.
 */
export function readJson(data: Uint8Array, maxBytes: number): JsonReading {
  if (data.byteLength > maxBytes)
    return { ok: false, code: 'too-large', reason: `message is ${data.byteLength} bytes, over the ${maxBytes}-byte limit` };
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    return { ok: false, code: 'not-utf8', reason: 'message is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'not-json', reason: 'message is not valid JSON' };
  }
  const problem = shapeProblem(value);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

/** Walks the value without recursion (so depth alone cannot overflow the stack here). */
export function shapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): { code: RefusalReason; reason: string } | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return { code: 'too-deep', reason: `message is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key))
        return { code: 'forbidden-key', reason: `${at.slice(0, 120)}: the key ${key} is not allowed in a message` };
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: at.slice(0, 120) });
    }
  }
  return null;
}
