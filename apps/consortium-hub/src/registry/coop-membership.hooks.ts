import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What a feature settles when a co-op leaves the consortium, or is taken back in after it left, in the
 * transaction that records the change. From the commit that records a leaving the hub takes none of the
 * co-op's messages (its key is no longer on record), so anything still waiting on its answer will never
 * get one; from the one that takes it back, its node is heard and reached again. Features register here
 * (time clearing gives back payments the co-op never answered, and tells its node when it is back) and
 * the registry calls them, so the registry depends on none of them.
 */
export type CoopMembershipHook = (m: EntityManager, coopId: string) => Promise<void>;

@Injectable()
export class CoopMembershipHooks {
  private readonly leaving = new Map<string, CoopMembershipHook>();
  private readonly takenBack = new Map<string, CoopMembershipHook>();

  whenLeaving(name: string, hook: CoopMembershipHook): void {
    add(this.leaving, 'leaving', name, hook);
  }

  whenTakenBack(name: string, hook: CoopMembershipHook): void {
    add(this.takenBack, 'taken-back', name, hook);
  }

  /** Each leaving hook in turn, in the caller's transaction: one that throws undoes the leaving. */
  async runLeaving(m: EntityManager, coopId: string): Promise<void> {
    for (const hook of this.leaving.values()) await hook(m, coopId);
  }

  /** Each taken-back hook in turn, in the caller's transaction: one that throws undoes the change. */
  async runTakenBack(m: EntityManager, coopId: string): Promise<void> {
    for (const hook of this.takenBack.values()) await hook(m, coopId);
  }
}

function add(hooks: Map<string, CoopMembershipHook>, when: string, name: string, hook: CoopMembershipHook): void {
  if (hooks.has(name)) throw new Error(`a co-op ${when} hook named ${name} is already registered`);
  hooks.set(name, hook);
}
