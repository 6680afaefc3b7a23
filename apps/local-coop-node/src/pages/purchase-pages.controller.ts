import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { checkForm, FieldError, formText, PageController, PageRoles, pounds, WebViews } from '@app/web';

import { ProfileQueries } from '../profile';
import { ListPurchasesQuery, NodePurchaseQueries, RecordPurchase, RecordPurchaseDto } from '../purchasing';
import { refusalOnField } from './admin-forms.rules';
import { pageNavigation } from './page-navigation';
import { PurchasePages } from './purchase-pages.queries';
import { localSharePercent, PURCHASE_FIELDS, PURCHASE_MESSAGES, purchaseFormToBody } from './purchase-pages.rules';

type Typed = Record<(typeof PURCHASE_FIELDS)[number], string>;
const BLANK = Object.fromEntries(PURCHASE_FIELDS.map((f) => [f, ''])) as Typed;
/** The DTO's name for a field where the page's differs: the amount is typed in pounds. */
const PAGE_FIELD: Readonly<Record<string, string>> = { amountPence: 'amount' };

/**
 * The co-op's own purchases made outside joint rounds, newest first, with the local share of the
 * quarter so far, and a form to record one: the same query, DTO and use case as
 * `GET /purchasing/purchases` and `POST /purchasing/purchases`.
 */
@PageRoles('coop-admin')
@PageController()
export class PurchasePagesController {
  constructor(
    private readonly purchases: NodePurchaseQueries,
    private readonly pages: PurchasePages,
    private readonly profiles: ProfileQueries,
    private readonly recordPurchase: RecordPurchase,
    private readonly views: WebViews,
  ) {}

  @Get('admin/purchases')
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { recorded, ...pageQuery } = query;
    const checked = await checkForm(ListPurchasesQuery, pageQuery);
    if ('errors' in checked) {
      // The page has no filter form: an address with a bad filter is named above the list it would have chosen.
      const errors = checked.errors.map((e) => ({ field: 'purchases', text: `${e.field}: ${e.text}` }));
      this.views.sendErrors(req, res, 'admin-purchases.njk', await this.context(req, new ListPurchasesQuery(), {}), errors);
      return;
    }
    this.views.send(req, res, 'admin-purchases.njk', { ...(await this.context(req, checked.dto, pageQuery)), recorded: recorded === '1' });
  }

  @Post('admin/purchases')
  async record(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(RecordPurchaseDto, purchaseFormToBody(form), PURCHASE_MESSAGES);
    let errors: FieldError[];
    if ('dto' in checked) {
      try {
        await this.recordPurchase.execute(checked.dto);
        res.redirect(303, '/admin/purchases?recorded=1');
        return;
      } catch (error) {
        errors = refusalOnField(error, (e) => (e.code === 'PURCHASING.PURCHASE_IN_FUTURE' ? 'boughtOn' : 'localTo'));
      }
    } else
      errors = checked.errors.map((e) => {
        const field = PAGE_FIELD[e.field] ?? e.field;
        return { field, text: PURCHASE_MESSAGES[field as keyof typeof PURCHASE_MESSAGES] ?? e.text };
      });
    const typed = Object.fromEntries(PURCHASE_FIELDS.map((f) => [f, formText(form[f])])) as Typed;
    this.views.sendErrors(req, res, 'admin-purchases.njk', await this.context(req, new ListPurchasesQuery(), {}, typed), errors);
  }

  private async context(req: Request, filter: ListPurchasesQuery, query: Record<string, unknown>, typed: Typed = BLANK) {
    const [page, quarter, profile] = await Promise.all([this.purchases.list(filter), this.pages.currentQuarter(), this.profiles.current()]);
    // The next and previous pages keep the filters the address gave (the API's, by days, local and supplier).
    const kept = Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'offset');
    const more = (offset: number) => `/admin/purchases?${new URLSearchParams([...kept, ['offset', String(offset)]]).toString()}`;
    return {
      title: 'Purchases',
      navigation: pageNavigation(req, '/admin/purchases'),
      page,
      previous: page.offset > 0 ? more(Math.max(0, page.offset - page.limit)) : null,
      next: page.offset + page.limit < page.total ? more(page.offset + page.limit) : null,
      quarter: { ...quarter, sharePercent: localSharePercent(quarter) },
      localities: [
        { value: '', text: 'Not local', checked: typed.localTo === '' },
        ...profile.localities.map((l) => ({ value: l, text: l, checked: typed.localTo === l })),
      ],
      pounds,
      typed,
    };
  }
}
