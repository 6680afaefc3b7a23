import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';

import { MakePaymentCode } from './make-payment-code.use-case';
import { PayAcrossCoops } from './pay-across-coops.use-case';
import {
  AcrossCoopsTransferPage,
  AcrossCoopsTransferView,
  ListAcrossCoopsQuery,
  MakePaymentCodeDto,
  PayAcrossCoopsDto,
  PaymentCodeView,
} from './time-credits-across.dto';
import { AcrossCoopsQueries } from './time-credits-across.queries';

/** Time credits paid to and from members of other co-ops, through the consortium's clearing. */
@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('time-bank')
export class TimeCreditsAcrossController {
  constructor(
    private readonly makeCode: MakePaymentCode,
    private readonly pay: PayAcrossCoops,
    private readonly queries: AcrossCoopsQueries,
  ) {}

  @Post('payment-codes')
  @Roles('coop-admin', 'member')
  @ApiOperation({ summary: 'A one-time code another co-op can pay this volunteer to (a member makes one for themselves)' })
  @ApiCreatedResponse({ type: PaymentCodeView })
  code(@Body() body: MakePaymentCodeDto, @CurrentPrincipal() principal: Principal): Promise<PaymentCodeView> {
    return this.makeCode.execute(principal, body);
  }

  @Post('across-coops')
  @Roles('coop-admin', 'member')
  @ApiOperation({ summary: "Pays a volunteer's credits to another co-op's payment code (a member only if the rulebook lets members pay)" })
  @ApiCreatedResponse({ type: AcrossCoopsTransferView })
  send(@Body() body: PayAcrossCoopsDto, @CurrentPrincipal() principal: Principal): Promise<AcrossCoopsTransferView> {
    return this.pay.execute(principal, body);
  }

  @Get('across-coops')
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Payments to and from other co-ops, newest first' })
  @ApiOkResponse({ type: AcrossCoopsTransferPage })
  list(@Query() query: ListAcrossCoopsQuery): Promise<Page<AcrossCoopsTransferView>> {
    return this.queries.list(query);
  }

  @Get('across-coops/:id')
  @Roles('coop-admin', 'member')
  @ApiOperation({ summary: 'One payment to or from another co-op (a member sees their own)' })
  @ApiOkResponse({ type: AcrossCoopsTransferView })
  one(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<AcrossCoopsTransferView> {
    return this.queries.visibleTo(principal, id);
  }
}
