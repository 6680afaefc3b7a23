import { HttpStatus, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError } from '@app/platform';
import { errorSummary, FieldError, WebViews } from '@app/web';

/** A page answered with bad input: 400, "Error:" in its title, the error summary at the top and each error beside its field. */
export function sendWithErrors(
  views: WebViews,
  req: Request,
  res: Response,
  view: string,
  context: Record<string, unknown> & { title: string },
  errors: readonly FieldError[],
): void {
  res
    .status(HttpStatus.BAD_REQUEST)
    .type('html')
    .send(views.render(req, view, { ...context, ...errorSummary(errors), title: `Error: ${context.title}` }));
}

/**
 * A use case's refusal as an error on the form (beside `field`), when it is about what was typed
 * (invalid or conflicting input); not found is a 404 page, anything else is thrown on for the error page.
 */
export function refusalOnField(error: unknown, field: string | ((e: DomainError) => string)): FieldError[] {
  if (error instanceof DomainError && error.kind === 'not-found') throw new NotFoundException(sentence(error.message));
  if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
  return [{ field: typeof field === 'string' ? field : field(error), text: sentence(error.message) }];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** GOV.UK select, radio or checkbox items for a vocabulary, the current value(s) marked, each worded for people. */
export function choices(values: readonly string[], current: string | readonly string[], words: (v: string) => string) {
  const chosen = (v: string) => (typeof current === 'string' ? current === v : current.includes(v));
  return values.map((value) => ({ value, text: words(value), selected: chosen(value), checked: chosen(value) }));
}
