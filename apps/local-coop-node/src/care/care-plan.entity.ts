import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A plan agreed with the person, with the goals they chose; reviewed once, by its due date. */
@Entity('care_plan')
export class CarePlan {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'service_user_id' })
  serviceUserId: string;

  @Column('date', { name: 'agreed_on' })
  agreedOn: string;

  @Column('date', { name: 'review_due_on' })
  reviewDueOn: string;

  @Column('date', { name: 'reviewed_on', nullable: true })
  reviewedOn: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt: Date;
}
