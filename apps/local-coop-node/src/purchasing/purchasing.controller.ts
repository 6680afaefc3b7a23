import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles, UuidParam } from '@app/platform';

import { CommitQuantity } from './commit-quantity.use-case';
import { CommitmentSentView, CommitQuantityDto, RoundView } from './purchasing.dto';
import { PurchasingQueries } from './purchasing.queries';

/** Joint purchasing from the co-op's side: the rounds it is invited to, its commitments, its shares. */
@ApiTags('purchasing')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('purchasing/rounds')
export class PurchasingController {
  constructor(
    private readonly queries: PurchasingQueries,
    private readonly commitQuantity: CommitQuantity,
  ) {}

  @Get()
  @ApiOkResponse({ type: [RoundView] })
  list(): Promise<RoundView[]> {
    return this.queries.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: RoundView })
  get(@UuidParam() id: string): Promise<RoundView> {
    return this.queries.get(id);
  }

  /**
   * Commits to a quantity of an item; a later commitment for the same item amends it, 0 withdraws it.
   * Each is a new message to the hub, through the outbox.
   */
  @Post(':id/commitments')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CommitmentSentView })
  commit(@UuidParam() id: string, @Body() body: CommitQuantityDto): Promise<CommitmentSentView> {
    return this.commitQuantity.execute(id, body.itemId, body.quantity);
  }
}
