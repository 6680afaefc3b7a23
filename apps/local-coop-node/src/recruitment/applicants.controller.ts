import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditRead, Page, Roles, UuidParam } from '@app/platform';

import { ApplicantQueries } from './applicant.queries';
import {
  ApplicantErasureView,
  ApplicantHiredView,
  ApplicantPage,
  ApplicantSummaryView,
  ApplicantView,
  HireApplicantDto,
  ListApplicantsQuery,
} from './applicants.dto';
import { EraseApplicant } from './erase-applicant.use-case';
import { HireApplicant } from './hire-applicant.use-case';
import { RecordNotHired } from './record-not-hired.use-case';

/** Candidates whose applications arrived from the pool: personal data, the admin's alone. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('applicants')
export class ApplicantsController {
  constructor(
    private readonly queries: ApplicantQueries,
    private readonly hire: HireApplicant,
    private readonly notHired: RecordNotHired,
    private readonly erasure: EraseApplicant,
  ) {}

  @Get()
  @ApiOkResponse({ type: ApplicantPage })
  list(@Query() query: ListApplicantsQuery): Promise<Page<ApplicantSummaryView>> {
    return this.queries.list(query);
  }

  /** The whole application, contact details included: every read is audited. */
  @Get(':id')
  @AuditRead()
  @ApiOkResponse({ type: ApplicantView })
  get(@UuidParam() id: string): Promise<ApplicantView> {
    return this.queries.get(id);
  }

  @Post(':id/hire')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicantHiredView })
  hireApplicant(@UuidParam() id: string, @Body() body: HireApplicantDto): Promise<ApplicantHiredView> {
    return this.hire.execute(id, body);
  }

  @Post(':id/not-hired')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicantView })
  recordNotHired(@UuidParam() id: string): Promise<ApplicantView> {
    return this.notHired.execute(id);
  }

  /** Removes every personal field of the application. */
  @Delete(':id')
  @ApiOkResponse({ type: ApplicantErasureView })
  erase(@UuidParam() id: string): Promise<ApplicantErasureView> {
    return this.erasure.execute(id);
  }
}
