import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { SAFEGUARDING_CATEGORIES, SAFEGUARDING_CLOSING_OUTCOMES } from '@app/contracts';
import { DomainError, UuidParam } from '@app/platform';
import { checkForm, FieldError, formText, PageController, PageRoles, WebViews, wordsOf } from '@app/web';

import {
  ListSafeguardingConcernsQuery,
  ListServiceUsersQuery,
  RecordSafeguardingConcern,
  RecordSafeguardingConcernDto,
  SafeguardingConcernQueries,
  SafeguardingConcernView,
  ServiceUserQueries,
  UpdateSafeguardingConcern,
  UpdateSafeguardingConcernDto,
} from '../care';
import { choices } from './admin-forms.rules';
import { pageNavigation } from './page-navigation';
import { blankFields, CONCERN_FIELDS, CONCERN_MESSAGES, concernRefusal } from './safeguarding-pages.rules';

type Form = Record<string, unknown>;
const BLANK: Record<string, string> = Object.fromEntries(CONCERN_FIELDS.map((f) => [f, '']));
/** The list's filters that have a field on the page. */
const FILTER_FIELDS = ['state', 'category', 'referred'];
/** The most people the form offers to choose from: the API's largest page. */
const PEOPLE_LIMIT = 500;

/**
 * The co-op's safeguarding concerns for its admin: the list with the API's filters, a form to record
 * one, and a concern's page with the forms to record its referral and the outcome that closes it. The
 * same queries, DTOs and use cases as `GET`/`POST /safeguarding-concerns` and `PATCH
 * /safeguarding-concerns/:id`. Nothing here leaves the node.
 */
@PageRoles('coop-admin')
@PageController()
export class SafeguardingPagesController {
  constructor(
    private readonly concerns: SafeguardingConcernQueries,
    private readonly people: ServiceUserQueries,
    private readonly recordConcern: RecordSafeguardingConcern,
    private readonly updateConcern: UpdateSafeguardingConcern,
    private readonly views: WebViews,
  ) {}

  @Get('admin/safeguarding')
  async list(@Query() query: Form, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { recorded, ...filterQuery } = query;
    const filter = await checkForm(ListSafeguardingConcernsQuery, filterQuery);
    if ('errors' in filter) {
      // The filters the form has are named beside their field; any other the address gave, above the list.
      const errors = filter.errors.map((e) =>
        FILTER_FIELDS.includes(e.field) ? { ...e, field: `filter-${e.field}` } : { field: 'concerns', text: `${e.field}: ${e.text}` },
      );
      this.views.sendErrors(
        req,
        res,
        'admin-safeguarding.njk',
        await this.listContext(req, new ListSafeguardingConcernsQuery(), query),
        errors,
      );
      return;
    }
    const context = await this.listContext(req, filter.dto, query);
    this.views.send(req, res, 'admin-safeguarding.njk', { ...context, recorded: recorded === '1' });
  }

  @Post('admin/safeguarding')
  async record(@Body() form: Form, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(RecordSafeguardingConcernDto, form, CONCERN_MESSAGES);
    let errors: FieldError[];
    let status = 400;
    if ('dto' in checked) {
      try {
        const concern = await this.recordConcern.execute(checked.dto);
        res.redirect(303, `/admin/safeguarding/${concern.id}?recorded=1`);
        return;
      } catch (error) {
        ({ errors, status } = this.refusal(error, ['raisedOn', 'referredOn'], 'serviceUserId'));
      }
    } else errors = checked.errors;
    const typed = Object.fromEntries(CONCERN_FIELDS.map((f) => [f, formText(form[f])]));
    const context = await this.listContext(req, new ListSafeguardingConcernsQuery(), {}, typed);
    this.views.sendErrors(req, res, 'admin-safeguarding.njk', context, errors, status);
  }

  @Get('admin/safeguarding/:id')
  async concern(@UuidParam('id', { named: true }) id: string, @Query() query: Form, @Req() req: Request, @Res() res: Response) {
    const done = ['recorded', 'referred', 'closed'].find((k) => query[k] === '1');
    this.views.send(req, res, 'admin-safeguarding-concern.njk', { ...(await this.concernContext(req, await this.concerns.get(id))), done });
  }

  @Post('admin/safeguarding/:id/referral')
  async referral(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.change(id, { referredOn: form.referredOn, _csrf: form._csrf }, ['referredOn'], 'referred', req, res);
  }

  @Post('admin/safeguarding/:id/closing')
  async closing(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.change(
      id,
      { outcome: form.outcome, closedOn: form.closedOn, _csrf: form._csrf },
      ['outcome', 'closedOn'],
      'closed',
      req,
      res,
    );
  }

  /** One of the concern page's forms: each of its fields required, then the use case's rules, the errors beside the fields. */
  private async change(
    id: string,
    form: Form,
    fields: ('referredOn' | 'outcome' | 'closedOn')[],
    done: string,
    req: Request,
    res: Response,
  ): Promise<void> {
    const concern = await this.concerns.get(id);
    const checked = await checkForm(UpdateSafeguardingConcernDto, form, CONCERN_MESSAGES);
    const blank = blankFields(form, fields);
    let errors: FieldError[];
    let status = 400;
    if ('dto' in checked && blank.length === 0) {
      try {
        await this.updateConcern.execute(id, checked.dto);
        res.redirect(303, `/admin/safeguarding/${id}?${done}=1`);
        return;
      } catch (error) {
        ({ errors, status } = this.refusal(error, fields, fields[0]));
      }
    } else {
      // A field both blank and refused by the DTO is named once.
      const refused = 'errors' in checked ? checked.errors : [];
      errors = [...blank, ...refused.filter((e) => !blank.some((b) => b.field === e.field))];
    }
    const typed = Object.fromEntries(fields.map((f) => [f, formText(form[f])]));
    this.views.sendErrors(
      req,
      res,
      'admin-safeguarding-concern.njk',
      { ...(await this.concernContext(req, concern)), typed },
      errors,
      status,
    );
  }

  /** A use case's refusal beside the field it is about: 400 for what the form contradicts, 409 for what the records forbid. */
  private refusal(error: unknown, fields: readonly string[], fallback: string): { errors: FieldError[]; status: number } {
    if (error instanceof DomainError && error.code === 'CARE.SERVICE_USER_NOT_FOUND')
      return { errors: [{ field: 'serviceUserId', text: CONCERN_MESSAGES.serviceUserId }], status: 400 };
    if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
    const field = error.code === 'CARE.ERASED' ? 'serviceUserId' : fallback;
    return { errors: [concernRefusal(error.message, fields, field)], status: error.kind === 'conflict' ? 409 : 400 };
  }

  /** The people the co-op supports or supported, by name, to choose from and to name the concerns by. */
  private async everyone() {
    const list = Object.assign(new ListServiceUsersQuery(), { limit: PEOPLE_LIMIT });
    return (await this.people.list(list)).items;
  }

  /** The person's name beside each concern: from the list already read, or read one by one past its limit. */
  private async namesOf(concerns: readonly SafeguardingConcernView[], people: { id: string; fullName: string }[]) {
    const names: Record<string, string> = Object.fromEntries(people.map((p) => [p.id, p.fullName]));
    const missing = [...new Set(concerns.map((c) => c.serviceUserId).filter((id) => !(id in names)))];
    for (const person of await Promise.all(missing.map((id) => this.people.get(id)))) names[person.id] = person.fullName;
    return names;
  }

  private async listContext(req: Request, filter: ListSafeguardingConcernsQuery, query: Form, typed: Record<string, string> = BLANK) {
    const [page, people] = await Promise.all([this.concerns.list(filter), this.everyone()]);
    const typedFilter = { state: formText(query.state), category: formText(query.category), referred: formText(query.referred) };
    const kept = Object.entries(typedFilter).filter(([, v]) => v !== '');
    const more = (offset: number) => `/admin/safeguarding?${new URLSearchParams([...kept, ['offset', String(offset)]]).toString()}`;
    return {
      title: 'Safeguarding concerns',
      navigation: pageNavigation(req, '/admin/safeguarding'),
      page,
      names: await this.namesOf(page.items, people),
      previous: page.offset > 0 ? more(Math.max(0, page.offset - page.limit)) : null,
      next: page.offset + page.limit < page.total ? more(page.offset + page.limit) : null,
      filterStates: [
        { value: '', text: 'Open and closed', selected: typedFilter.state === '' },
        ...choices(['open', 'closed'], typedFilter.state, (s) => ({ open: 'Open', closed: 'Closed' })[s] ?? s),
      ],
      filterCategories: [
        { value: '', text: 'Every category', selected: typedFilter.category === '' },
        ...choices(SAFEGUARDING_CATEGORIES, typedFilter.category, wordsOf),
      ],
      filterReferred: [
        { value: '', text: 'Referred or not', selected: typedFilter.referred === '' },
        ...choices(['true', 'false'], typedFilter.referred, (r) => (r === 'true' ? 'Referred to the council' : 'Not referred')),
      ],
      people: [
        { value: '', text: 'Choose a person', selected: typed.serviceUserId === '' },
        ...people.map((p) => ({ value: p.id, text: p.fullName, selected: typed.serviceUserId === p.id })),
      ],
      categories: [
        { value: '', text: 'Choose a category', selected: typed.category === '' },
        ...choices(SAFEGUARDING_CATEGORIES, typed.category, wordsOf),
      ],
      words: wordsOf,
      typed,
    };
  }

  private async concernContext(req: Request, concern: SafeguardingConcernView) {
    const person = await this.people.get(concern.serviceUserId);
    return {
      title: `Safeguarding concern raised on ${concern.raisedOn}`,
      navigation: pageNavigation(req, '/admin/safeguarding'),
      concern,
      person: person.fullName,
      outcomes: (current: string) => [
        { value: '', text: 'Choose the outcome', selected: current === '' },
        ...choices(SAFEGUARDING_CLOSING_OUTCOMES, current, wordsOf),
      ],
      words: wordsOf,
      typed: {},
    };
  }
}
