import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page } from '../http/pagination';
import { AuditEventPage, AuditEventView, AuditQuery } from './audit.dto';
import { AuditQueries } from './audit.queries';

/** The audit trail, newest first. Roles are set by the app (AuditModule.forRoot). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: AuditQuery): Promise<Page<AuditEventView>> {
    return this.queries.list(query);
  }
}
