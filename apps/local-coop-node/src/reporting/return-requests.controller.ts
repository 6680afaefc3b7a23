import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@app/platform';
import { SubmitReturn } from './submit-return.use-case';

/** The hub's requests for returns and what this co-op sent for each: the admin's reporting inbox. */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('reporting/requests')
export class ReturnRequestsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly submitReturn: SubmitReturn,
  ) {}

  /** Every request, newest first, with each return sent and what the hub said of it (its receipt). */
  @Get()
  async list(): Promise<object[]> {
    const rows = await this.dataSource.query(
      `SELECT r.cycle_id, r.definition_id, r.definition_version, r.period_label, r.period_start, r.period_end, r.due_at,
              coalesce(json_agg(json_build_object('messageId', s.message_id, 'sentAt', s.sent_at, 'status', o.status, 'reason', o.last_error)
                                ORDER BY s.sent_at DESC) FILTER (WHERE s.message_id IS NOT NULL), '[]') AS returns
         FROM return_request r
         LEFT JOIN return_sent s ON s.cycle_id = r.cycle_id
         LEFT JOIN outbox_message o ON o.id = s.message_id
        GROUP BY r.cycle_id ORDER BY r.period_start DESC, r.cycle_id`,
    );
    return rows.map((r: Record<string, any>) => ({
      cycleId: r.cycle_id,
      definition: `${r.definition_id} v${r.definition_version}`,
      period: { label: r.period_label, start: r.period_start, end: r.period_end },
      dueAt: new Date(r.due_at).toISOString(),
      returns: r.returns,
    }));
  }

  /** Computes the return now and sends it; a later one supersedes it on the hub. */
  @Post(':cycleId/submission')
  @HttpCode(202)
  submit(@Param('cycleId', new ParseUUIDPipe({ version: '4' })) cycleId: string) {
    return this.submitReturn.execute(cycleId);
  }
}
