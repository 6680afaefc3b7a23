import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RecordTrainingDto, TrainingView } from './staff.dto';
import { StaffQueries } from './staff.queries';
import { WorkforceErrors } from './workforce.errors';

/**
 * Records a course a staff member completed. Training completed before the start date is accepted:
 * certificates (the Care Certificate, for one) come with people from earlier jobs.
 */
@Injectable()
export class RecordTraining {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: StaffQueries,
  ) {}

  async execute(staffId: string, dto: RecordTrainingDto): Promise<TrainingView> {
    if (dto.expiresOn && dto.expiresOn <= dto.completedOn) {
      throw WorkforceErrors.invalid({
        rule: 'WORKFORCE.TRAINING_EXPIRES_BEFORE_COMPLETION',
        message: `expiresOn ${dto.expiresOn} must be after completedOn ${dto.completedOn}`,
      });
    }
    return this.dataSource.transaction(async (m) => {
      await this.queries.assertExists(m, staffId);
      const id = randomUUID();
      await m.query('INSERT INTO training_record (id, staff_id, course, completed_on, expires_on) VALUES ($1, $2, $3, $4, $5)', [
        id,
        staffId,
        dto.course,
        dto.completedOn,
        dto.expiresOn ?? null,
      ]);
      return this.queries.trainingRecord(id, m);
    });
  }
}
