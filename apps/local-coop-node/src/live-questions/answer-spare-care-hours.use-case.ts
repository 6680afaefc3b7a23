import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SpareCareHoursAnswerV1, SpareCareHoursQuestionV1 } from '@app/contracts';

import { SpareCareHoursQueries } from './spare-care-hours.queries';
import { spareHoursOf } from './spare-care-hours.rules';

/**
 * Answers the hub's "spare care hours this week" from the co-op's own records. One read-only
 * snapshot, so the localities and both sums agree even while the co-op keeps recording.
 */
@Injectable()
export class AnswerSpareCareHours {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: SpareCareHoursQueries,
  ) {}

  async execute(question: SpareCareHoursQuestionV1, coopId: string): Promise<SpareCareHoursAnswerV1> {
    const { minutes, localities } = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const [profile]: { localities: string[] }[] = await m.query('SELECT localities FROM coop_profile');
      return { minutes: await this.queries.minutes(m, question.weekStart), localities: profile?.localities ?? [] };
    });
    return { questionId: question.questionId, coopId, weekStart: question.weekStart, ...spareHoursOf(minutes, localities) };
  }
}
