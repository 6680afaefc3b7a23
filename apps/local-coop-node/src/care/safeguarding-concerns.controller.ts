import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { RecordSafeguardingConcern } from './record-safeguarding-concern.use-case';
import { SafeguardingConcernQueries } from './safeguarding-concern.queries';
import {
  ListSafeguardingConcernsQuery,
  RecordSafeguardingConcernDto,
  SafeguardingConcernPage,
  SafeguardingConcernView,
  UpdateSafeguardingConcernDto,
} from './safeguarding-concerns.dto';
import { UpdateSafeguardingConcern } from './update-safeguarding-concern.use-case';

/** Safeguarding concerns about the people the co-op supports: the admin's log, never published off the node. */
@ApiTags('care')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('safeguarding-concerns')
export class SafeguardingConcernsController {
  constructor(
    private readonly queries: SafeguardingConcernQueries,
    private readonly record: RecordSafeguardingConcern,
    private readonly update: UpdateSafeguardingConcern,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record a safeguarding concern: its Care Act category, the person, the day raised and any referral' })
  @ApiCreatedResponse({ type: SafeguardingConcernView })
  recordConcern(@Body() body: RecordSafeguardingConcernDto): Promise<SafeguardingConcernView> {
    return this.record.execute(body);
  }

  @Get()
  @ApiOperation({ summary: 'List concerns by person, category, open or closed, referral and days raised' })
  @ApiOkResponse({ type: SafeguardingConcernPage })
  list(@Query() query: ListSafeguardingConcernsQuery): Promise<Page<SafeguardingConcernView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One concern' })
  @ApiOkResponse({ type: SafeguardingConcernView })
  get(@UuidParam() id: string): Promise<SafeguardingConcernView> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Record the referral to the council, or the outcome that closes the concern' })
  @ApiOkResponse({ type: SafeguardingConcernView })
  change(@UuidParam() id: string, @Body() body: UpdateSafeguardingConcernDto): Promise<SafeguardingConcernView> {
    return this.update.execute(id, body);
  }
}
