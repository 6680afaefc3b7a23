import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A course a staff member completed, and when it lapses (if it does). */
@Entity('training_record')
export class TrainingRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'staff_id' })
  staffId: string;

  @Column('text')
  course: string;

  @Column('date', { name: 'completed_on' })
  completedOn: string;

  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', insert: false, update: false })
  recordedAt: Date;
}
