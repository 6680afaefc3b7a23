import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

import { MAX_BODY_DEPTH } from './body-depth';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What the validation pipe does not catch, refused at the door with the field named: a NUL character
 * (PostgreSQL text cannot hold one), half a surrogate pair (JSON allows `"\ud800"`, but PostgreSQL's
 * jsonb refuses it and the email validator throws on it: both were 500s), and keys that target object
 * prototypes (never a field of ours; refused like any unknown field).
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const problem = inspect(value, metadata.data ?? '');
    if (problem) throw new BadRequestException([problem.replace(/^ /, `${metadata.type} `)]);
    return value;
  }
}

function inspect(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return textProblem(value, path);
  if (depth > MAX_BODY_DEPTH || value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value as object)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return `property ${at} should not exist`;
    const keyProblem = textProblem(key, at);
    if (keyProblem) return keyProblem;
    const found = inspect((value as Record<string, unknown>)[key], at, depth + 1);
    if (found) return found;
  }
  return null;
}

function textProblem(text: string, path: string): string | null {
  if (text.includes('\u0000')) return `${path} must not contain NUL characters`;
  if (LONE_SURROGATE.test(text)) return `${path} must be well-formed Unicode (it holds half of a surrogate pair)`;
  return null;
}
