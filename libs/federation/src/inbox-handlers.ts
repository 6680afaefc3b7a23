import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { definitionKey, Envelope, MessageDefinition } from '@app/contracts';

/**
 * Applies one message's effect inside the inbox transaction. Throw a DomainError of kind
 * 'invalid' or 'conflict' to refuse it for good (the sender gets a rejected receipt with the
 * reason); any other error is taken as passing and the message is retried.
 */
export type InboxHandler<P> = (envelope: Envelope<P>, manager: EntityManager) => Promise<void>;

@Injectable()
export class InboxHandlers {
  // Keyed by the definition, so a handler is only ever called with the payload type it was registered for.
  private readonly handlers = new Map<string, InboxHandler<object>>();

  register<P>(def: MessageDefinition<P>, handler: InboxHandler<P>): void {
    const key = definitionKey(def.direction, def.type, def.version);
    if (this.handlers.has(key)) throw new Error(`a handler for ${key} is already registered`);
    this.handlers.set(key, handler as unknown as InboxHandler<object>);
  }

  find(def: MessageDefinition): InboxHandler<object> | undefined {
    return this.handlers.get(definitionKey(def.direction, def.type, def.version));
  }
}
