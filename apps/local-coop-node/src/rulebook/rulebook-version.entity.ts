import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Rulebook } from './rulebook-templates.rules';

/** One adopted version of the rulebook, kept for the record; the highest version is in force. */
@Entity('rulebook_version')
export class RulebookVersion {
  @PrimaryColumn('int')
  version: number;

  @Column('jsonb')
  rulebook: Rulebook;

  @Column('timestamptz', { name: 'adopted_at' })
  adoptedAt: Date;

  /**
   * 'founding' (a ready template), 'sponsor:<co-op id>' (founded on its sponsor's rulebook), 'admin' (before
   * the co-op had members) or 'ballot:<id>' (a special resolution).
   */
  @Column('text', { name: 'adopted_by' })
  adoptedBy: string;
}
