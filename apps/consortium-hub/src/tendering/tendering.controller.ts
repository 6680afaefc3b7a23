import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';

import { AnswerEnquiry } from './answer-enquiry.use-case';
import { AssembleBid } from './assemble-bid.use-case';
import { AwardTender } from './award-tender.use-case';
import { CancelTender } from './cancel-tender.use-case';
import { CreateTender } from './create-tender.use-case';
import { DecideChallenge } from './decide-challenge.use-case';
import { InviteCoops } from './invite-coops.use-case';
import { RecordChallenge } from './record-challenge.use-case';
import { SplitLot } from './split-lot.use-case';
import { SubmitBid } from './submit-bid.use-case';
import { TenderQueries } from './tender.queries';
import { TenderOcds } from './tender-ocds.queries';
import {
  AskedEnquiryAnswerDto,
  AwardDto,
  AwardOutcomeView,
  BidSubmittedView,
  CancelTenderDto,
  ChallengeOutcomeDto,
  ChallengeOutcomeView,
  ChallengeRecordedView,
  CreateTenderDto,
  EnquiryAnsweredView,
  InvitationOutcomeView,
  InviteDto,
  ListTendersQuery,
  LotChangeView,
  OcdsReleasePackageView,
  RecordChallengeDto,
  SplitLotDto,
  TenderBidView,
  TenderCancelledView,
  TenderCreatedView,
  TenderDetailView,
  TenderPage,
  TenderSummaryView,
  UpdateLotDto,
  UpdateTenderDto,
} from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import { UpdateLot } from './update-lot.use-case';
import { UpdateTender } from './update-tender.use-case';

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
    private readonly answerEnquiry: AnswerEnquiry,
    private readonly recordChallenge: RecordChallenge,
    private readonly decideChallenge: DecideChallenge,
    private readonly queries: TenderQueries,
    private readonly ocds: TenderOcds,
  ) {}

  /** A council tender with its lots, as a draft. */
  @Post()
  @Roles(STAFF, COMMISSIONER)
  @ApiCreatedResponse({ type: TenderCreatedView })
  create(@Body() body: CreateTenderDto, @CurrentPrincipal() by: Principal): Promise<TenderCreatedView> {
    return this.createTender.execute(body, by);
  }

  @Get()
  @Roles(STAFF, COMMISSIONER)
  @ApiOkResponse({ type: TenderPage })
  list(@Query() query: ListTendersQuery): Promise<Page<TenderSummaryView>> {
    return this.queries.list(query);
  }

  /**
   * The tender, its lots, invitations, offers, the assembled bid with uncovered lots, the award and
   * contracts. A commissioner never sees the offers, and sees the bid only once submitted, as lot
   * coverage, hours and price (see SubmittedBidView).
   */
  @Get(':id')
  @Roles(STAFF, COMMISSIONER)
  @ApiOkResponse({ type: TenderDetailView })
  get(@UuidParam() id: string, @CurrentPrincipal() by: Principal): Promise<TenderDetailView> {
    return this.queries.get(id, by.role);
  }

  /** Title, buyer, description, deadline or enquiry period, while a draft or inviting. */
  @Patch(':id')
  @HttpCode(204)
  @Roles(STAFF)
  @ApiNoContentResponse()
  async update(@UuidParam() id: string, @Body() body: UpdateTenderDto, @CurrentPrincipal() by: Principal): Promise<void> {
    await this.updateTender.execute(id, body, by);
  }

  /** Changes a lot's terms; after invitations, withdraws its offers and re-invites. */
  @Patch(':id/lots/:lotId')
  @Roles(STAFF)
  @ApiOkResponse({ type: LotChangeView })
  updateLot(
    @UuidParam() id: string,
    @UuidParam('lotId') lotId: string,
    @Body() body: UpdateLotDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<LotChangeView> {
    return this.updateLotTerms.execute(id, lotId, body, by);
  }

  /** Splits a lot into smaller ones whose hours add up to it. */
  @Post(':id/lots/:lotId/split')
  @Roles(STAFF)
  @ApiCreatedResponse({ type: LotChangeView })
  split(
    @UuidParam() id: string,
    @UuidParam('lotId') lotId: string,
    @Body() body: SplitLotDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<LotChangeView> {
    return this.splitLot.execute(id, lotId, body, by);
  }

  /** Invites the co-ops serving each lot (and any named); the tender starts taking offers. */
  @Post(':id/invitations')
  @Roles(STAFF)
  @ApiCreatedResponse({ type: InvitationOutcomeView })
  invite(@UuidParam() id: string, @Body() body: InviteDto, @CurrentPrincipal() by: Principal): Promise<InvitationOutcomeView> {
    return this.inviteCoops.execute(id, body, by);
  }

  /** Assembles the bid from the offers (closing offers first if the deadline has not come). */
  @Post(':id/assembly')
  @Roles(STAFF)
  @ApiCreatedResponse({ type: TenderBidView })
  assemble(@UuidParam() id: string, @CurrentPrincipal() by: Principal): Promise<TenderBidView> {
    return this.assembleBid.execute(id, by.subject);
  }

  @Post(':id/submission')
  @Roles(STAFF)
  @ApiCreatedResponse({ type: BidSubmittedView })
  submit(@UuidParam() id: string, @CurrentPrincipal() by: Principal): Promise<BidSubmittedView> {
    return this.submitBid.execute(id, by);
  }

  /**
   * The council's decision per lot: whole, partial or lost. Awarded hours become contracts, held
   * through the eight working day standstill, then sent to the nodes.
   */
  @Post(':id/award')
  @Roles(STAFF)
  @ApiOperation({ summary: "Record the council's decision; a win starts the standstill" })
  @ApiCreatedResponse({ type: AwardOutcomeView })
  award(@UuidParam() id: string, @Body() body: AwardDto, @CurrentPrincipal() by: Principal): Promise<AwardOutcomeView> {
    return this.awardTender.execute(id, body, by);
  }

  /** Answers a co-op's question; the question and answer go to every invited co-op, the asker not named. */
  @Post(':id/enquiries/:enquiryId/answer')
  @Roles(STAFF)
  @ApiOperation({ summary: "Answer a co-op's question, shared with every invited co-op" })
  @ApiCreatedResponse({ type: EnquiryAnsweredView })
  answer(
    @UuidParam() id: string,
    @UuidParam('enquiryId') enquiryId: string,
    @Body() body: AskedEnquiryAnswerDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<EnquiryAnsweredView> {
    return this.answerEnquiry.execute(id, enquiryId, body, by);
  }

  /** Records a challenge made during the standstill: the contracts are held until its outcome. */
  @Post(':id/challenges')
  @Roles(STAFF)
  @ApiOperation({ summary: 'Record a challenge to the award during the standstill' })
  @ApiCreatedResponse({ type: ChallengeRecordedView })
  challenge(@UuidParam() id: string, @Body() body: RecordChallengeDto, @CurrentPrincipal() by: Principal): Promise<ChallengeRecordedView> {
    return this.recordChallenge.execute(id, body, by);
  }

  /** A challenge's outcome: dismissed or withdrawn releases the hold; upheld sets the award aside. */
  @Post(':id/challenges/:challengeId/outcome')
  @Roles(STAFF)
  @ApiOperation({ summary: "Record a challenge's outcome" })
  @ApiCreatedResponse({ type: ChallengeOutcomeView })
  challengeOutcome(
    @UuidParam() id: string,
    @UuidParam('challengeId') challengeId: string,
    @Body() body: ChallengeOutcomeDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<ChallengeOutcomeView> {
    return this.decideChallenge.execute(id, challengeId, body, by) as Promise<ChallengeOutcomeView>;
  }

  @Post(':id/cancellation')
  @Roles(STAFF)
  @ApiCreatedResponse({ type: TenderCancelledView })
  cancel(@UuidParam() id: string, @Body() body: CancelTenderDto, @CurrentPrincipal() by: Principal): Promise<TenderCancelledView> {
    return this.cancelTender.execute(id, body, by);
  }

  /** OCDS 1.1.5 release package, tender stage, with the Lots extension; its URIs under PUBLIC_BASE_URL. */
  @Get(':id/ocds/tender')
  @Roles(STAFF, COMMISSIONER)
  @ApiOkResponse({ type: OcdsReleasePackageView })
  ocdsTender(@UuidParam() id: string): Promise<OcdsReleasePackageView> {
    return this.ocds.tender(id);
  }

  /** OCDS 1.1.5 release package, award stage (404 until the council has decided). */
  @Get(':id/ocds/award')
  @Roles(STAFF, COMMISSIONER)
  @ApiOkResponse({ type: OcdsReleasePackageView })
  async ocdsAward(@UuidParam() id: string): Promise<OcdsReleasePackageView> {
    const pkg = await this.ocds.award(id);
    if (!pkg) throw TenderingErrors.notDecided();
    return pkg;
  }
}
