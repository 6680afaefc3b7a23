import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { PeriodQuery, Roles, UuidParam } from '@app/platform';

import { AskEnquiry } from './ask-enquiry.use-case';
import { SendOffers } from './send-offers.use-case';
import { AskEnquiryDto, ContractHoursView, EnquiryAskedView, InvitationView, OffersSentView, SendOffersDto } from './tendering.dto';
import { ContractHours, TenderingQueries } from './tendering.queries';

/** The co-op admin's tendering desk: the hub's invitations, offers, and the contracts won. */
@ApiTags('tendering')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('tendering')
export class TenderingController {
  constructor(
    private readonly queries: TenderingQueries,
    private readonly sendOffers: SendOffers,
    private readonly askEnquiry: AskEnquiry,
  ) {}

  /** Every invitation with its lots, a suggested offer per lot from the co-op's own workforce, and the last offer sent. */
  @Get('invitations')
  @ApiOkResponse({ type: [InvitationView] })
  invitations(): Promise<InvitationView[]> {
    return this.queries.invitations();
  }

  @Get('invitations/:tenderId')
  @ApiOkResponse({ type: InvitationView })
  async invitation(@UuidParam('tenderId') tenderId: string): Promise<InvitationView> {
    return (await this.queries.invitations(tenderId))[0];
  }

  /** Sends offers on the invitation's lots to the hub (through the outbox). */
  @Post('invitations/:tenderId/offers')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: OffersSentView })
  offer(@UuidParam('tenderId') tenderId: string, @Body() body: SendOffersDto): Promise<OffersSentView> {
    return this.sendOffers.execute(tenderId, body);
  }

  /**
   * Asks the hub a question about the tender during its enquiry period. Staff answer on the hub, and
   * the question with its answer reaches every invited co-op, without saying who asked.
   */
  @Post('invitations/:tenderId/enquiries')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask a question about a tender during its enquiry period' })
  @ApiAcceptedResponse({ type: EnquiryAskedView })
  ask(@UuidParam('tenderId') tenderId: string, @Body() body: AskEnquiryDto): Promise<EnquiryAskedView> {
    return this.askEnquiry.execute(tenderId, body);
  }

  /** Contracts running in the period, each with contracted, planned and delivered hours there. */
  @Get('contracts')
  @ApiOkResponse({ type: [ContractHoursView] })
  contracts(@Query() query: PeriodQuery): Promise<ContractHours[]> {
    return this.queries.contracts(query.from, query.to);
  }
}
