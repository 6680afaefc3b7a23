import { NotFoundException } from '@nestjs/common';

import { DomainError } from '@app/platform';

import { sentence } from './page-words';

/** A page's read: the API's "not found" (a round, tender or ballot this co-op or member cannot see) as the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') throw new NotFoundException(sentence(error.message));
    throw error;
  }
}
