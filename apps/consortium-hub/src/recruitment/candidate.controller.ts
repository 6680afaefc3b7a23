import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditRead, CurrentPrincipal, Principal, Roles } from '@app/platform';

import { CandidateQueries } from './candidate.queries';
import { CorrectApplication } from './correct-application.use-case';
import { EraseCandidate } from './erase-candidate.use-case';
import { GivePoolConsent } from './give-pool-consent.use-case';
import { ApplicationDto, ApplicationPatchDto, ApplicationView, CandidateExportView, ConsentDto, ConsentView } from './recruitment.dto';
import { SaveApplication } from './save-application.use-case';
import { WithdrawPoolConsent } from './withdraw-pool-consent.use-case';

/** The signed-in candidate's own record: every route is keyed by the token's subject, so no one reaches another's. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('candidate')
@Controller('recruitment/me')
export class CandidateController {
  constructor(
    private readonly queries: CandidateQueries,
    private readonly saveApplication: SaveApplication,
    private readonly correctApplication: CorrectApplication,
    private readonly giveConsent: GivePoolConsent,
    private readonly withdrawConsent: WithdrawPoolConsent,
    private readonly erase: EraseCandidate,
  ) {}

  @Get('application')
  @ApiOkResponse({ type: ApplicationView })
  application(@CurrentPrincipal() me: Principal): Promise<ApplicationView> {
    return this.queries.application(me.subject);
  }

  @Put('application')
  @ApiOkResponse({ type: ApplicationView })
  save(@CurrentPrincipal() me: Principal, @Body() body: ApplicationDto): Promise<ApplicationView> {
    return this.saveApplication.execute(me.subject, body);
  }

  @Patch('application')
  @ApiOkResponse({ type: ApplicationView })
  correct(@CurrentPrincipal() me: Principal, @Body() body: ApplicationPatchDto): Promise<ApplicationView> {
    return this.correctApplication.execute(me.subject, body);
  }

  @Get('consents')
  @ApiOkResponse({ type: [ConsentView], description: 'Every consent given, withdrawn ones included' })
  consents(@CurrentPrincipal() me: Principal): Promise<ConsentView[]> {
    return this.queries.consents(me.subject);
  }

  @Post('consents/pool')
  @ApiCreatedResponse({ type: ConsentView })
  joinPool(@CurrentPrincipal() me: Principal, @Body() body: ConsentDto): Promise<ConsentView> {
    return this.giveConsent.execute(me.subject, body);
  }

  @Delete('consents/pool')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Withdrawn at once; the consent stays on record with the time it ended' })
  leavePool(@CurrentPrincipal() me: Principal): Promise<void> {
    return this.withdrawConsent.execute(me.subject);
  }

  @Get('export')
  @AuditRead()
  @ApiOkResponse({ type: CandidateExportView })
  export(@CurrentPrincipal() me: Principal): Promise<CandidateExportView> {
    return this.queries.export(me.subject);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every personal field erased; a tombstone with no personal data stays' })
  eraseMe(@CurrentPrincipal() me: Principal): Promise<void> {
    return this.erase.execute(me.subject);
  }
}
