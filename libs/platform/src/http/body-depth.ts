import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any body our DTOs describe (a rulebook's board is three levels), far below a recursion limit. */
export const MAX_BODY_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion and given up as soon as it passes `limit`. */
export function nestingDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH right after the JSON parser, before validation,
 * class-transformer or any other recursive code walks it (5,000 levels overflowed their stacks: a 500).
 */
export function bodyDepthLimit(limit = MAX_BODY_DEPTH) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (nestingDepthExceeds(req.body, limit)) return next(new BadRequestException([`body is nested deeper than ${limit} levels`]));
    next();
  };
}
