import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { AdoptPolicy } from './adopt-policy.use-case';
import { AdoptPolicyDto, PolicySummaryView, PolicyView } from './policies.dto';
import { PolicyQueries } from './policy.queries';
import { PolicyKeyPipe } from './policy-key.pipe';

/** The co-op's policy documents (safeguarding, lone working, complaints…): the version in force of each. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(
    private readonly adopt: AdoptPolicy,
    private readonly queries: PolicyQueries,
  ) {}

  @Get()
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: [PolicySummaryView] })
  list(): Promise<PolicySummaryView[]> {
    return this.queries.list();
  }

  @Get(':key')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: PolicyView })
  get(@Param('key', PolicyKeyPipe) key: string): Promise<PolicyView> {
    return this.queries.get(key);
  }

  /** Adopts a policy, or a new version of it (the version higher, adoptedOn not in the future). */
  @Put(':key')
  @Roles('coop-admin')
  @ApiOkResponse({ type: PolicyView })
  put(@Param('key', PolicyKeyPipe) key: string, @Body() body: AdoptPolicyDto): Promise<PolicyView> {
    return this.adopt.execute(key, body);
  }
}
