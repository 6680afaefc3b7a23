import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { checkForm, FieldError, PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { ClearingLimitDto, SetClearingLimit } from '../time-clearing';
import { ClearingPages } from './clearing-pages.queries';
import { LIMIT_MESSAGE, limitBodyFromForm, limitFieldErrors } from './clearing-pages.rules';
import { pageNavigation } from './page-navigation';
import { pageNumber } from './registry-pages.rules';

const READERS = ['consortium-staff', 'commissioner'];

/**
 * Time credits between co-ops: each co-op's clearing balance (owed or owing, in hours) against the
 * consortium's limit and the hours exchanged month by month, for staff and commissioners as the
 * clearing API's reads are; for staff also the form that changes the limit (PUT /time-clearing/limit's
 * DTO and use case) and the list of payments cleared. Co-ops and hours, never a person.
 */
@PageRoles('consortium-staff')
@PageController()
export class ClearingPagesController {
  constructor(
    private readonly pages: ClearingPages,
    private readonly setLimit: SetClearingLimit,
    private readonly views: WebViews,
  ) {}

  @Get('time-credits')
  @PageRoles(...READERS)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async overview(@Query('page') page: unknown, @Query('done') done: unknown, @Req() req: Request): Promise<string> {
    const context = await this.context(req, pageNumber(page), {});
    return this.views.render(req, 'time-credits.njk', {
      ...context,
      done: done === 'limit' ? `The limit is now ${context.limit.text}` : null,
    });
  }

  /** The limit typed in hours, checked by the API's own DTO in minutes; refused beside the field with what was typed, changed nothing. */
  @Post('time-credits/limit')
  async limit(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(ClearingLimitDto, limitBodyFromForm(form), { limitMinutes: LIMIT_MESSAGE });
    if ('dto' in checked) {
      await this.setLimit.execute(checked.dto.limitMinutes, pagePrincipal(req).subject);
      return res.redirect(303, '/time-credits?done=limit');
    }
    const errors: FieldError[] = limitFieldErrors(checked.errors);
    this.views.sendErrors(req, res, 'time-credits.njk', await this.context(req, 1, { limitHours: form.limitHours }), errors);
  }

  private async context(req: Request, page: number, typed: Record<string, unknown>) {
    const staff = req.session.user?.role === 'consortium-staff';
    const overview = await this.pages.overview();
    return {
      title: 'Time credits between co-ops',
      navigation: pageNavigation(req, '/time-credits'),
      staff,
      ...overview,
      transfers: staff ? await this.pages.transfers(page) : null,
      typed: { limitHours: overview.limit.hours, ...typed },
    };
  }
}
