export type Direction = 'coop-to-hub' | 'hub-to-coop';
export type Transport = 'durable' | 'core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any payload class, whatever its constructor takes: TypeScript accepts only any[] here
export type PayloadClass<P> = new (...args: any[]) => P;

/** One message of the federation protocol: its name, version, direction and payload schema. */
export interface MessageDefinition<P = unknown> {
  readonly type: string;
  readonly version: number;
  readonly direction: Direction;
  /** durable: outbox, JetStream, inbox, receipt. core: plain NATS, nothing kept. */
  readonly transport: Transport;
  /** Whether the receiver confirms it applied the message. True for every durable message but receipts. */
  readonly receipt: boolean;
  readonly payload: PayloadClass<P>;
}

export function defineMessage<P>(def: {
  type: string;
  version: number;
  direction: Direction;
  transport: Transport;
  receipt?: boolean;
  payload: PayloadClass<P>;
}): MessageDefinition<P> {
  return Object.freeze({ ...def, receipt: def.receipt ?? def.transport === 'durable' });
}

export function definitionKey(direction: Direction, type: string, version: number): string {
  return `${direction}:${type}@${version}`;
}
