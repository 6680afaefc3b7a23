import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CqcRating, LegalForm, ServiceType } from '@app/contracts';

/** The co-op's own public profile: one row, owned by this node. */
@Entity('coop_profile')
export class CoopProfile {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'legal_form' })
  legalForm: LegalForm;

  @Column('text', { array: true })
  localities: string[];

  @Column('text', { name: 'services_offered', array: true })
  servicesOffered: ServiceType[];

  @Column('text', { name: 'registration_number', nullable: true })
  registrationNumber: string | null;

  @Column('text', { name: 'cqc_rating', nullable: true })
  cqcRating: CqcRating | null;

  @Column('text', { name: 'sponsor_coop_id', nullable: true })
  sponsorCoopId: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
