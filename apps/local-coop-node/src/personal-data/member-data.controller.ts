import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditRead, CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { assertMayActOnMember, MemberErrors } from '../members';
import { EraseMember } from './erase-member.use-case';
import { MemberExportQueries } from './member-export.queries';
import { MemberErasureView, MemberExportView } from './personal-data.dto';

/** A member's right of access (their data, as JSON) and, once they have left, erasure. Every export is audited. */
@ApiTags('personal data')
@ApiBearerAuth()
@Controller('members')
export class MemberDataController {
  constructor(
    private readonly exports: MemberExportQueries,
    private readonly erasure: EraseMember,
  ) {}

  /** Everything the node holds about the calling member. */
  @Get('me/export')
  @Roles('member')
  @AuditRead()
  @ApiOkResponse({ type: MemberExportView })
  exportMine(@CurrentPrincipal() principal: Principal): Promise<MemberExportView> {
    if (!principal.memberId) throw MemberErrors.notFound('me');
    return this.exports.build(principal.memberId);
  }

  /** For the admin handing a member their data; a member may use it for themselves only (anyone else: 404). */
  @Get(':id/export')
  @Roles('coop-admin', 'member')
  @AuditRead()
  @ApiOkResponse({ type: MemberExportView })
  exportMember(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<MemberExportView> {
    assertMayActOnMember(principal, id);
    return this.exports.build(id);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: MemberErasureView })
  erase(@UuidParam() id: string): Promise<MemberErasureView> {
    return this.erasure.execute(id);
  }
}
