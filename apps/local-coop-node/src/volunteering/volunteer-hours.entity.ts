import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { VolunteerActivity } from './volunteer.rules';

/** Time a volunteer gave on one day to one activity; each row earned the same minutes in credits. */
@Entity('volunteer_hours')
export class VolunteerHours {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'volunteer_id' })
  volunteerId: string;

  @Column('date', { name: 'worked_on' })
  workedOn: string;

  @Column('text')
  activity: VolunteerActivity;

  @Column('int')
  minutes: number;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
