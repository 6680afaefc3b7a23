import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CoopStatus } from '@app/contracts';

/** What the hub last told this node about its registration. */
@Entity('hub_link')
export class HubLink {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId: string;

  @Column('text', { name: 'registry_status' })
  registryStatus: CoopStatus;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'acknowledged_at' })
  acknowledgedAt: Date;
}
