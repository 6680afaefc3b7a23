import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { STAKEHOLDER_CLASSES } from '@app/contracts';
import { DomainError } from '@app/platform';
import { checkForm, FieldError, formText, PageController, PageRoles, WebViews, wordsOf } from '@app/web';

import { BoardQueries } from '../governance';
import { AdmitMember, AdmitMemberDto, ListMembersQuery, MemberQueries } from '../members';
import { RulebookStore } from '../rulebook';
import { choices, refusalOnField } from './admin-forms.rules';
import { boardBalance } from './board-balance.rules';
import { pageNavigation } from './page-navigation';

const ADMIT_MESSAGES = {
  fullName: 'Enter the member’s full name, up to 120 characters',
  stakeholderClass: 'Choose the member’s stakeholder class',
  email: 'Enter an email address like name@example.coop',
  dateOfBirth: 'Enter the date of birth as a date, for example 1950-04-01',
  admittedOn: 'Enter the day of admission as a date, for example 2026-11-25',
  initialSharesPence: 'Enter the shares bought on admission in pence, a whole number of 1 or more',
};
const ADMIT_FIELDS = ['fullName', 'stakeholderClass', 'email', 'phone', 'address', 'dateOfBirth', 'admittedOn', 'initialSharesPence'];
const BLANK: Record<string, string> = Object.fromEntries(ADMIT_FIELDS.map((f) => [f, '']));

/**
 * The co-op's register of members for its admin, with the board and its balance against the rulebook,
 * and a form to admit a member: the same query, DTO and use case as `GET /members`, `GET /board` and
 * `POST /members`.
 */
@PageRoles('coop-admin')
@PageController()
export class MemberPagesController {
  constructor(
    private readonly members: MemberQueries,
    private readonly board: BoardQueries,
    private readonly rulebooks: RulebookStore,
    private readonly admitMember: AdmitMember,
    private readonly views: WebViews,
  ) {}

  @Get('admin/members')
  async register(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { admitted, ...filterQuery } = query;
    const filter = await checkForm(ListMembersQuery, filterQuery);
    if ('errors' in filter) {
      this.views.sendErrors(
        req,
        res,
        'admin-members.njk',
        await this.context(req, new ListMembersQuery(), query),
        filter.errors.map((e) => ({ ...e, field: `filter-${e.field}` })),
      );
      return;
    }
    const context = await this.context(req, filter.dto, query);
    this.views.send(req, res, 'admin-members.njk', { ...context, admitted: typeof admitted === 'string' ? admitted : undefined });
  }

  @Post('admin/members')
  async admit(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(AdmitMemberDto, form, ADMIT_MESSAGES);
    let errors: FieldError[];
    if ('dto' in checked) {
      try {
        const member = await this.admitMember.execute(checked.dto);
        res.redirect(303, `/admin/members?admitted=${member.memberNumber}`);
        return;
      } catch (error) {
        errors = refusalOnField(error, (e: DomainError) =>
          e.code === 'MEMBERS.CLASS_NOT_ADMITTED' ? 'stakeholderClass' : 'initialSharesPence',
        );
      }
    } else errors = checked.errors;
    const typed = Object.fromEntries(ADMIT_FIELDS.map((f) => [f, typeof form[f] === 'string' ? form[f] : '']));
    this.views.sendErrors(req, res, 'admin-members.njk', await this.context(req, new ListMembersQuery(), {}, typed), errors);
  }

  private async context(req: Request, filter: ListMembersQuery, query: Record<string, unknown>, typed: Record<string, string> = BLANK) {
    const [page, board, { rulebook }] = await Promise.all([this.members.list(filter), this.board.current(), this.rulebooks.current()]);
    const typedFilter = {
      name: formText(query.name),
      stakeholderClass: formText(query.stakeholderClass),
      status: formText(query.status) || 'active',
    };
    const more = (offset: number) =>
      `/admin/members?${new URLSearchParams(Object.entries({ ...typedFilter, offset: String(offset) }).filter(([, v]) => v !== '')).toString()}`;
    return {
      title: 'Members',
      navigation: pageNavigation(req, '/admin/members'),
      page,
      previous: page.offset > 0 ? more(Math.max(0, page.offset - page.limit)) : null,
      next: page.offset + page.limit < page.total ? more(page.offset + page.limit) : null,
      typedFilter,
      filterClasses: [
        { value: '', text: 'All classes', selected: typedFilter.stakeholderClass === '' },
        ...choices(STAKEHOLDER_CLASSES, typedFilter.stakeholderClass, wordsOf),
      ],
      filterStatuses: choices(
        ['active', 'withdrawn', 'all'],
        typedFilter.status,
        (s) => ({ active: 'Current members', withdrawn: 'Withdrawn', all: 'Everyone' })[s] ?? s,
      ),
      words: wordsOf,
      board,
      balance: boardBalance(board.seats, rulebook),
      admitClasses: choices(rulebook.admittedClasses, typed.stakeholderClass, wordsOf),
      shares: { minimum: rulebook.shareMinimumPence, maximum: rulebook.shareMaximumPence },
      typed,
    };
  }
}
