import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { RulebookErrors } from './rulebook.errors';
import { rulebookViolations } from './rulebook.rules';
import { Rulebook } from './rulebook-templates.rules';
import { RulebookVersion } from './rulebook-version.entity';

/**
 * Reads the rulebook in force and adopts new versions. Adoption is only ever called by a use case
 * that has established the right to change the rules (founding, an admin before there are members,
 * or a special resolution that passed).
 */
@Injectable()
export class RulebookStore {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<RulebookVersion> {
    const [row] = await manager.getRepository(RulebookVersion).find({ order: { version: 'DESC' }, take: 1 });
    if (!row) throw RulebookErrors.missing();
    return row;
  }

  async history(): Promise<RulebookVersion[]> {
    return this.dataSource.getRepository(RulebookVersion).find({ order: { version: 'DESC' } });
  }

  /** Adopts a rulebook as the next version, refusing one that contradicts itself. */
  async adopt(manager: EntityManager, rulebook: Rulebook, adoptedBy: string): Promise<RulebookVersion> {
    const violations = rulebookViolations(rulebook);
    if (violations.length) throw RulebookErrors.inconsistent(violations);
    // Serialises adoptions: two at once would both read the same last version.
    await manager.query('LOCK TABLE rulebook_version IN EXCLUSIVE MODE');
    const [{ next }] = await manager.query('SELECT coalesce(max(version), 0) + 1 AS next FROM rulebook_version');
    const row = manager.create(RulebookVersion, { version: next, rulebook: normalise(rulebook), adoptedAt: new Date(), adoptedBy });
    await manager.insert(RulebookVersion, row);
    return row;
  }
}

function normalise(r: Rulebook): Rulebook {
  return {
    template: r.template,
    name: r.name,
    admittedClasses: [...r.admittedClasses],
    board: r.board.map((c) => ({ stakeholderClass: c.stakeholderClass, seats: c.seats, capPercent: c.capPercent ?? null })),
    quorumPercent: r.quorumPercent,
    ordinaryMajorityPercent: r.ordinaryMajorityPercent,
    specialMajorityPercent: r.specialMajorityPercent,
    minimumMembers: r.minimumMembers,
    shareMinimumPence: r.shareMinimumPence,
    shareMaximumPence: r.shareMaximumPence,
    timeCreditOverdraftMinutes: r.timeCreditOverdraftMinutes,
    realLivingWagePencePerHour: r.realLivingWagePencePerHour,
    // Only when stated, so a rulebook that says nothing of it is kept as it was proposed.
    ...(r.membersMayPayAcrossCoops !== undefined ? { membersMayPayAcrossCoops: r.membersMayPayAcrossCoops } : {}),
  };
}
