import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What a feature settles when a co-op leaves the consortium, in the transaction that records the
 * leaving: from that commit the hub takes none of the co-op's messages (its key is no longer on
 * record), so anything still waiting on the co-op's answer will never get one. Features register here
 * (time clearing gives back payments the co-op never answered) and the registry calls them, so the
 * registry depends on none of them.
 */
export type CoopLeavingHook = (m: EntityManager, coopId: string) => Promise<void>;

@Injectable()
export class CoopLeavingHooks {
  private readonly hooks = new Map<string, CoopLeavingHook>();

  register(name: string, hook: CoopLeavingHook): void {
    if (this.hooks.has(name)) throw new Error(`a co-op leaving hook named ${name} is already registered`);
    this.hooks.set(name, hook);
  }

  /** Each hook in turn, in the caller's transaction: one that throws undoes the leaving. */
  async run(m: EntityManager, coopId: string): Promise<void> {
    for (const hook of this.hooks.values()) await hook(m, coopId);
  }
}
