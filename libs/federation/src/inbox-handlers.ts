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

/** What a receipt said about one of this side's outgoing messages. */
export interface SettledMessage {
  messageId: string;
  coopId: string;
  outcome: 'applied' | 'rejected';
  reason: string | null;
}

/**
 * Runs inside the transaction that settles an outbox row by its receipt, once per row (a repeated
 * receipt finds the row settled and calls nothing). Throw to have the receipt retried.
 */
export type ReceiptHandler = (settled: SettledMessage, manager: EntityManager) => Promise<void>;

/**
 * What a side does when the other side's receipt settles one of its messages of a given type: the
 * hub erases its copy of an application once the hiring node says it applied it; a node marks a
 * request refused when the hub rejects it.
 */
@Injectable()
export class ReceiptHandlers {
  private readonly handlers = new Map<string, ReceiptHandler>();

  register(def: MessageDefinition, handler: ReceiptHandler): void {
    const key = definitionKey(def.direction, def.type, def.version);
    if (this.handlers.has(key)) throw new Error(`a receipt handler for ${key} is already registered`);
    this.handlers.set(key, handler);
  }

  find(direction: MessageDefinition['direction'], type: string, version: number): ReceiptHandler | undefined {
    return this.handlers.get(definitionKey(direction, type, version));
  }
}
