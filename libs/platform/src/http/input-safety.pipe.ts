import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Two things the validation pipe does not catch, refused at the door with the field named:
 * a NUL character (PostgreSQL text cannot hold one, so it would fail deep in the database as a 500)
 * and keys that target object prototypes (never a field of ours; refused like any unknown field).
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
  if (typeof value === 'string') return value.includes('\u0000') ? `${path} must not contain NUL characters` : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value as object)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return `property ${at} should not exist`;
    if (key.includes('\u0000')) return `${at} must not contain NUL characters`;
    const found = inspect((value as Record<string, unknown>)[key], at, depth + 1);
    if (found) return found;
  }
  return null;
}
