import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CoopStatus, CqcRating, LegalForm, ServiceType } from '@app/contracts';

/** A member co-op as the hub knows it: its public profile and its link to the hub. No personal data. */
@Entity('coop')
export class Coop {
  @PrimaryColumn('text')
  id: string;

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

  @Column('text')
  status: CoopStatus;

  @Column('text', { name: 'node_version', nullable: true })
  nodeVersion: string | null;

  /** When the node made the profile we hold: a late, older message never overwrites a newer one. */
  @Column('timestamptz', { name: 'profile_updated_at' })
  profileUpdatedAt: Date;

  @Column('timestamptz', { name: 'last_heartbeat_at', nullable: true })
  lastHeartbeatAt: Date | null;

  /** The co-op's public NKey, set when it was provisioned: its NATS user and its message signing key. */
  @Column('text', { name: 'public_key', nullable: true })
  publicKey: string | null;

  @Column('timestamptz', { name: 'provisioned_at', nullable: true })
  provisionedAt: Date | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
