import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';

import { AdmitMember } from './admit-member.use-case';
import { ChangeShares } from './change-shares.use-case';
import { MemberQueries } from './member.queries';
import { assertMayActOnMember } from './member-access.rules';
import {
  AdmitMemberDto,
  ListMembersQuery,
  MemberPage,
  MembersSummaryView,
  MemberView,
  ShareChangeDto,
  UpdateMemberDto,
  WithdrawMemberDto,
} from './members.dto';
import { MemberErrors } from './members.errors';
import { UpdateMember } from './update-member.use-case';
import { WithdrawMember } from './withdraw-member.use-case';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly queries: MemberQueries,
    private readonly admit: AdmitMember,
    private readonly update: UpdateMember,
    private readonly withdraw: WithdrawMember,
    private readonly shares: ChangeShares,
  ) {}

  @Post()
  @Roles('coop-admin')
  @ApiCreatedResponse({ type: MemberView })
  admitMember(@Body() body: AdmitMemberDto): Promise<MemberView> {
    return this.admit.execute(body);
  }

  @Get()
  @Roles('coop-admin')
  @ApiOkResponse({ type: MemberPage })
  list(@Query() query: ListMembersQuery): Promise<Page<MemberView>> {
    return this.queries.list(query);
  }

  /** Active members by class against the rulebook's minimum membership. */
  @Get('summary')
  @Roles('coop-admin')
  @ApiOkResponse({ type: MembersSummaryView })
  summary(): Promise<MembersSummaryView> {
    return this.queries.summary();
  }

  /** The calling member's own record. */
  @Get('me')
  @Roles('member')
  @ApiOkResponse({ type: MemberView })
  me(@CurrentPrincipal() principal: Principal): Promise<MemberView> {
    if (!principal.memberId) throw MemberErrors.notFound('me');
    return this.queries.get(principal.memberId);
  }

  @Get(':id')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: MemberView })
  get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<MemberView> {
    assertMayActOnMember(principal, id);
    return this.queries.get(id);
  }

  @Patch(':id')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: MemberView })
  change(@UuidParam() id: string, @Body() body: UpdateMemberDto, @CurrentPrincipal() principal: Principal): Promise<MemberView> {
    return this.update.execute(principal, id, body);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: MemberView })
  withdrawMember(@UuidParam() id: string, @Body() body: WithdrawMemberDto, @CurrentPrincipal() principal: Principal): Promise<MemberView> {
    return this.withdraw.execute(principal, id, body);
  }

  /** Records a share purchase or withdrawal (money changes hands through the co-op's treasurer). */
  @Post(':id/shares')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: MemberView })
  changeShares(@UuidParam() id: string, @Body() body: ShareChangeDto): Promise<MemberView> {
    return this.shares.execute(id, body);
  }
}
