import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { NodePurchaseQueries } from './node-purchase.queries';
import { ListPurchasesQuery, PurchasePage, PurchaseView, RecordPurchaseDto } from './node-purchases.dto';
import { RecordPurchase } from './record-purchase.use-case';

/** The co-op's own purchases, outside joint rounds: what makes its local-spend figure whole. */
@ApiTags('purchasing')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('purchasing/purchases')
export class NodePurchasesController {
  constructor(
    private readonly queries: NodePurchaseQueries,
    private readonly record: RecordPurchase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Record a purchase made outside joint rounds: supplier, what, day, pence, and the locality a local supplier is local to',
  })
  @ApiCreatedResponse({ type: PurchaseView })
  recordPurchase(@Body() body: RecordPurchaseDto): Promise<PurchaseView> {
    return this.record.execute(body);
  }

  @Get()
  @ApiOperation({ summary: 'List purchases by days, local or not, and supplier' })
  @ApiOkResponse({ type: PurchasePage })
  list(@Query() query: ListPurchasesQuery): Promise<Page<PurchaseView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One purchase' })
  @ApiOkResponse({ type: PurchaseView })
  get(@UuidParam() id: string): Promise<PurchaseView> {
    return this.queries.get(id);
  }
}
