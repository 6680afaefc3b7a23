import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles } from '@app/platform';

import { ClearingQueries } from './clearing.queries';
import { SetClearingLimit } from './set-clearing-limit.use-case';
import {
  ClearingBalancesView,
  ClearingLimitDto,
  ClearingLimitView,
  ClearingTransferPage,
  ClearingTransferView,
  ExchangesQuery,
  ExchangesView,
  ListClearingTransfersQuery,
} from './time-clearing.dto';

/** The consortium's clearing of time credits between co-ops: its limit, balances and hours exchanged. Co-ops only, never people. */
@ApiTags('time-clearing')
@ApiBearerAuth()
@Controller('time-clearing')
export class TimeClearingController {
  constructor(
    private readonly queries: ClearingQueries,
    private readonly setLimit: SetClearingLimit,
  ) {}

  @Get('limit')
  @Roles('consortium-staff', 'commissioner')
  @ApiOperation({ summary: 'The most, in minutes, any co-op may owe the consortium' })
  @ApiOkResponse({ type: ClearingLimitView })
  limit(): Promise<ClearingLimitView> {
    return this.queries.limit();
  }

  @Put('limit')
  @Roles('consortium-staff')
  @ApiOperation({ summary: "Sets the consortium's clearing limit; later payments out of a co-op beyond it are refused" })
  @ApiOkResponse({ type: ClearingLimitView })
  async changeLimit(@Body() body: ClearingLimitDto, @CurrentPrincipal() by: Principal): Promise<ClearingLimitView> {
    await this.setLimit.execute(body.limitMinutes, by.subject);
    return this.queries.limit();
  }

  @Get('balances')
  @Roles('consortium-staff', 'commissioner')
  @ApiOperation({ summary: "Each co-op's net clearing balance and what it can still pay out; the ledger's total is 0" })
  @ApiOkResponse({ type: ClearingBalancesView })
  balances(): Promise<ClearingBalancesView> {
    return this.queries.balances();
  }

  @Get('exchanges')
  @Roles('consortium-staff', 'commissioner')
  @ApiOperation({ summary: 'Hours exchanged between co-ops, by paying co-op, receiving co-op and month' })
  @ApiOkResponse({ type: ExchangesView })
  exchanges(@Query() query: ExchangesQuery): Promise<ExchangesView> {
    return this.queries.exchanges(query);
  }

  @Get('transfers')
  @Roles('consortium-staff')
  @ApiOperation({ summary: 'Payments cleared between co-ops, newest first' })
  @ApiOkResponse({ type: ClearingTransferPage })
  transfers(@Query() query: ListClearingTransfersQuery): Promise<Page<ClearingTransferView>> {
    return this.queries.transfers(query);
  }
}
