import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A personal goal, scored by the person (1 to 10) for performance and satisfaction at start and at review. */
@Entity('care_goal')
export class CareGoal {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'care_plan_id' })
  carePlanId: string;

  @Column('int')
  position: number;

  /** The person's own words; blanked (null) when their personal data is erased, the scores stay. */
  @Column('text', { nullable: true })
  description: string | null;

  /** How much the goal matters to the person (1 to 10); null for goals agreed before it was asked for. */
  @Column('int', { nullable: true })
  importance: number | null;

  @Column('int', { name: 'performance_at_start' })
  performanceAtStart: number;

  @Column('int', { name: 'satisfaction_at_start' })
  satisfactionAtStart: number;

  @Column('int', { name: 'performance_at_review', nullable: true })
  performanceAtReview: number | null;

  @Column('int', { name: 'satisfaction_at_review', nullable: true })
  satisfactionAtReview: number | null;
}
