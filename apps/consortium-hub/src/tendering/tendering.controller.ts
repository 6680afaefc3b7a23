import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles } from '@app/platform';

import { AssembleBid } from './assemble-bid.use-case';
import { AwardTender } from './award-tender.use-case';
import { CancelTender } from './cancel-tender.use-case';
import { CreateTender } from './create-tender.use-case';
import { InviteCoops } from './invite-coops.use-case';
import { SplitLot } from './split-lot.use-case';
import { SubmitBid } from './submit-bid.use-case';
import { TenderQueries } from './tender.queries';
import { TenderOcds } from './tender-ocds.queries';
import {
  AwardDto,
  CancelTenderDto,
  CreateTenderDto,
  InviteDto,
  ListTendersQuery,
  SplitLotDto,
  UpdateLotDto,
  UpdateTenderDto,
} from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import { UpdateLot } from './update-lot.use-case';
import { UpdateTender } from './update-tender.use-case';

const uuid = new ParseUUIDPipe({ version: '4' });
const STAFF = 'consortium-staff';
const COMMISSIONER = 'commissioner';

/** Joint tendering: council tenders, invitations, the consortium's bid, the award, and OCDS exports. */
@ApiTags('tendering')
@ApiBearerAuth()
@Controller('tenders')
export class TenderingController {
  constructor(
    private readonly createTender: CreateTender,
    private readonly updateTender: UpdateTender,
    private readonly updateLotTerms: UpdateLot,
    private readonly splitLot: SplitLot,
    private readonly inviteCoops: InviteCoops,
    private readonly assembleBid: AssembleBid,
    private readonly submitBid: SubmitBid,
    private readonly awardTender: AwardTender,
    private readonly cancelTender: CancelTender,
    private readonly queries: TenderQueries,
    private readonly ocds: TenderOcds,
  ) {}

  /** A council tender with its lots, as a draft. */
  @Post()
  @Roles(STAFF, COMMISSIONER)
  create(@Body() body: CreateTenderDto, @CurrentPrincipal() by: Principal) {
    return this.createTender.execute(body, by);
  }

  @Get()
  @Roles(STAFF, COMMISSIONER)
  list(@Query() query: ListTendersQuery) {
    return this.queries.list(query);
  }

  /**
   * The tender, its lots, invitations, offers, the assembled bid with uncovered lots, the award and
   * contracts. A commissioner never sees the offers, and sees the bid only once submitted, as lot
   * coverage, hours and price (see SubmittedBidView).
   */
  @Get(':id')
  @Roles(STAFF, COMMISSIONER)
  get(@Param('id', uuid) id: string, @CurrentPrincipal() by: Principal) {
    return this.queries.get(id, by.role);
  }

  /** Title, buyer, description or deadline, while a draft or inviting. */
  @Patch(':id')
  @HttpCode(204)
  @Roles(STAFF)
  async update(@Param('id', uuid) id: string, @Body() body: UpdateTenderDto, @CurrentPrincipal() by: Principal): Promise<void> {
    await this.updateTender.execute(id, body, by);
  }

  /** Changes a lot's terms; after invitations, withdraws its offers and re-invites. */
  @Patch(':id/lots/:lotId')
  @Roles(STAFF)
  updateLot(
    @Param('id', uuid) id: string,
    @Param('lotId', uuid) lotId: string,
    @Body() body: UpdateLotDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.updateLotTerms.execute(id, lotId, body, by);
  }

  /** Splits a lot into smaller ones whose hours add up to it. */
  @Post(':id/lots/:lotId/split')
  @Roles(STAFF)
  split(@Param('id', uuid) id: string, @Param('lotId', uuid) lotId: string, @Body() body: SplitLotDto, @CurrentPrincipal() by: Principal) {
    return this.splitLot.execute(id, lotId, body, by);
  }

  /** Invites the co-ops serving each lot (and any named); the tender starts taking offers. */
  @Post(':id/invitations')
  @Roles(STAFF)
  invite(@Param('id', uuid) id: string, @Body() body: InviteDto, @CurrentPrincipal() by: Principal) {
    return this.inviteCoops.execute(id, body, by);
  }

  /** Assembles the bid from the offers (closing offers first if the deadline has not come). */
  @Post(':id/assembly')
  @Roles(STAFF)
  assemble(@Param('id', uuid) id: string, @CurrentPrincipal() by: Principal) {
    return this.assembleBid.execute(id, by.subject);
  }

  @Post(':id/submission')
  @Roles(STAFF)
  submit(@Param('id', uuid) id: string, @CurrentPrincipal() by: Principal) {
    return this.submitBid.execute(id, by);
  }

  /** The council's decision per lot: whole, partial or lost. Awarded hours become contracts on the nodes. */
  @Post(':id/award')
  @Roles(STAFF)
  award(@Param('id', uuid) id: string, @Body() body: AwardDto, @CurrentPrincipal() by: Principal) {
    return this.awardTender.execute(id, body, by);
  }

  @Post(':id/cancellation')
  @Roles(STAFF)
  cancel(@Param('id', uuid) id: string, @Body() body: CancelTenderDto, @CurrentPrincipal() by: Principal) {
    return this.cancelTender.execute(id, body, by);
  }

  /** OCDS 1.1.5 release package, tender stage, with the Lots extension; its URIs under PUBLIC_BASE_URL. */
  @Get(':id/ocds/tender')
  @Roles(STAFF, COMMISSIONER)
  ocdsTender(@Param('id', uuid) id: string) {
    return this.ocds.tender(id);
  }

  /** OCDS 1.1.5 release package, award stage (404 until the council has decided). */
  @Get(':id/ocds/award')
  @Roles(STAFF, COMMISSIONER)
  async ocdsAward(@Param('id', uuid) id: string) {
    const pkg = await this.ocds.award(id);
    if (!pkg) throw TenderingErrors.notDecided();
    return pkg;
  }
}
