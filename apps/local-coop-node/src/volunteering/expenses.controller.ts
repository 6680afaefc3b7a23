import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';

import { ApproveExpense } from './approve-expense.use-case';
import { ExpenseQueries } from './expense.queries';
import { ApproveExpenseDto, ExpensePage, ExpenseView, ListExpensesQuery, PayExpenseDto, RejectExpenseDto } from './expenses.dto';
import { PayExpense } from './pay-expense.use-case';
import { RejectExpense } from './reject-expense.use-case';
import { volunteerScope } from './volunteer-access.rules';

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('expenses')
export class ExpensesController {
  constructor(
    private readonly queries: ExpenseQueries,
    private readonly approve: ApproveExpense,
    private readonly reject: RejectExpense,
    private readonly pay: PayExpense,
  ) {}

  /** Every claim for the admin; a member's own claims for a member. */
  @Get()
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: ExpensePage })
  list(@Query() query: ListExpensesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ExpenseView>> {
    return this.queries.list(query, volunteerScope(principal));
  }

  @Get(':id')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: ExpenseView })
  get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<ExpenseView> {
    return this.queries.visibleTo(principal, id);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: ExpenseView })
  approval(@UuidParam() id: string, @Body() body: ApproveExpenseDto): Promise<ExpenseView> {
    return this.approve.execute(id, body);
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: ExpenseView })
  rejection(@UuidParam() id: string, @Body() body: RejectExpenseDto): Promise<ExpenseView> {
    return this.reject.execute(id, body);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: ExpenseView })
  payment(@UuidParam() id: string, @Body() body: PayExpenseDto): Promise<ExpenseView> {
    return this.pay.execute(id, body);
  }
}
