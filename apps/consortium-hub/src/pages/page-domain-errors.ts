import { NotFoundException } from '@nestjs/common';

import { DomainError } from '@app/platform';

/** A domain "not found" as the page's 404 (the page error filter knows HTTP errors only); anything else as it was. */
export function notFoundAsPage(error: unknown): never {
  if (error instanceof DomainError && error.kind === 'not-found') throw new NotFoundException(error.message);
  throw error;
}
