import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { isUUID as isUuid } from 'class-validator';
import type { Request, Response } from 'express';

import { STAKEHOLDER_CLASSES } from '@app/contracts';
import { UuidParam } from '@app/platform';
import { checkForm, FieldError, formList, formText, PageController, pagePrincipal, PageRoles, WebViews, wordsOf } from '@app/web';

import { BallotQueries, CloseBallot, CreateBallot, CreateBallotDto, ListBallotsQuery } from '../governance';
import { ListMembersQuery, MemberQueries } from '../members';
import { RulebookStore } from '../rulebook';
import { ballotFormToBody } from './admin-forms.rules';
import { choices, refusalOnField } from './admin-forms.rules';
import { BallotAdminPages } from './ballot-admin-pages.queries';
import { shown } from './ballot-admin-pages.rules';
import { pageNavigation } from './page-navigation';

const MESSAGES = {
  kind: 'Choose a motion or an election',
  title: 'Enter a title, 3 to 200 characters',
  description: 'Enter a description of up to 4000 characters',
  opensAt: 'Enter when voting opens as a date and time, or leave it blank for now',
  closesAt: 'Enter when voting closes as a date and time',
  resolution: 'Choose an ordinary or a special resolution',
  eligibleClasses: 'Choose the classes that may vote, or none for every class',
  stakeholderClass: 'Choose the class electing its seats',
  seats: 'Enter the seats to fill, a whole number from 1 to 50, or leave it blank for the rulebook’s',
  candidateMemberIds: 'Choose at least one candidate',
};
/** Which field a refusal by the use case is about. */
const REFUSED_FIELD: Record<string, string> = {
  'GOVERNANCE.OPENS_IN_PAST': 'opensAt',
  'GOVERNANCE.NOT_ELIGIBLE': 'eligibleClasses',
  'GOVERNANCE.INVALID_CANDIDATE': 'candidateMemberIds',
  'GOVERNANCE.BOARD_SEATS_EXCEEDED': 'seats',
};

type Typed = Record<string, string | string[]>;
const BLANK: Typed = {
  kind: 'motion',
  title: '',
  description: '',
  opensAt: '',
  closesAt: '',
  resolution: 'ordinary',
  eligibleClasses: [],
  stakeholderClass: '',
  seats: '',
  candidateMemberIds: [],
};

/**
 * The co-op's ballots for its admin: open and closed, with turnout and, once closed, the result; a form
 * to put a motion or an election to the members, and the count made final once the window has closed.
 * The same queries, DTO and use cases as `GET /ballots`, `POST /ballots` and `POST /ballots/{id}/close`.
 */
@PageRoles('coop-admin')
@PageController()
export class BallotAdminPagesController {
  constructor(
    private readonly ballots: BallotQueries,
    private readonly pages: BallotAdminPages,
    private readonly members: MemberQueries,
    private readonly rulebooks: RulebookStore,
    private readonly createBallot: CreateBallot,
    private readonly closeBallot: CloseBallot,
    private readonly views: WebViews,
  ) {}

  @Get('admin/ballots')
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { created, closed, ...filter } = query;
    // The page has no filter form: a paging or filter value it did not write falls back to the first page.
    const checked = await checkForm(ListBallotsQuery, filter);
    const context = await this.context(req, 'dto' in checked ? checked.dto : new ListBallotsQuery());
    const [createdTitle, closedTitle] = await Promise.all([this.titleOf(created, req), this.titleOf(closed, req)]);
    this.views.send(req, res, 'admin-ballots.njk', { ...context, created: createdTitle, closed: closedTitle });
  }

  @Post('admin/ballots')
  async create(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(CreateBallotDto, ballotFormToBody(form), MESSAGES);
    let errors: FieldError[];
    if ('dto' in checked) {
      try {
        const ballot = await this.createBallot.execute(checked.dto);
        res.redirect(303, `/admin/ballots?created=${ballot.id}`);
        return;
      } catch (error) {
        errors = refusalOnField(error, (e) => REFUSED_FIELD[e.code] ?? 'closesAt');
      }
    } else errors = checked.errors;
    const typed: Typed = {
      ...Object.fromEntries(Object.keys(BLANK).map((k) => [k, formText(form[k])])),
      eligibleClasses: formList(form.eligibleClasses),
      candidateMemberIds: formList(form.candidateMemberIds),
    };
    this.views.sendErrors(req, res, 'admin-ballots.njk', await this.context(req, new ListBallotsQuery(), typed), errors);
  }

  @Post('admin/ballots/:id/close')
  async close(@UuidParam('id', { named: true }) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.closeBallot.execute(id);
      res.redirect(303, `/admin/ballots?closed=${id}`);
    } catch (error) {
      const errors = refusalOnField(error, `close-${id}`);
      this.views.sendErrors(req, res, 'admin-ballots.njk', await this.context(req, new ListBallotsQuery()), errors);
    }
  }

  /** The title of the ballot a banner names, looked up by its id (it may be on another page of the list). */
  private async titleOf(id: unknown, req: Request): Promise<string | undefined> {
    if (typeof id !== 'string' || !isUuid(id)) return undefined;
    return this.ballots.get(id, pagePrincipal(req)).then(
      (b) => b.title,
      () => undefined,
    );
  }

  private async context(req: Request, filter: ListBallotsQuery, typed: Typed = BLANK) {
    const page = await this.ballots.list(filter, pagePrincipal(req));
    const [votes, { rulebook }, candidates] = await Promise.all([
      this.pages.votesCastSoFar(page.items.filter((b) => !b.result).map((b) => b.id)),
      this.rulebooks.current(),
      this.members.list(await candidatesQuery()),
    ]);
    const str = (k: string) => String(typed[k] ?? '');
    const arr = (k: string) => (Array.isArray(typed[k]) ? (typed[k] as string[]) : []);
    return {
      title: 'Ballots',
      navigation: pageNavigation(req, '/admin/ballots'),
      ballots: page.items.map((b) => shown(b, votes[b.id])),
      total: page.total,
      typed,
      kinds: choices(['motion', 'election'], str('kind'), (k) =>
        k === 'motion' ? 'A motion (for, against or abstain)' : 'A board election',
      ),
      resolutions: choices(['ordinary', 'special'], str('resolution'), (r) =>
        r === 'ordinary'
          ? `Ordinary: passes with more than ${rulebook.ordinaryMajorityPercent}%`
          : `Special: needs at least ${rulebook.specialMajorityPercent}%`,
      ),
      classes: choices(rulebook.admittedClasses, arr('eligibleClasses'), wordsOf),
      electionClasses: [
        { value: '', text: 'Choose a class', selected: str('stakeholderClass') === '' },
        ...choices(
          STAKEHOLDER_CLASSES.filter((c) => rulebook.admittedClasses.includes(c)),
          str('stakeholderClass'),
          wordsOf,
        ),
      ],
      candidates: candidates.items.map((m) => ({
        value: m.id,
        text: `${m.fullName} (${wordsOf(m.stakeholderClass).toLowerCase()}, member ${m.memberNumber})`,
        checked: arr('candidateMemberIds').includes(m.id),
      })),
    };
  }
}

/** The current members who may stand, as the API's own query checks it (its largest page). */
async function candidatesQuery(): Promise<ListMembersQuery> {
  const checked = await checkForm(ListMembersQuery, { status: 'active', limit: '500' });
  if ('errors' in checked) throw new Error(`candidates query refused: ${checked.errors.map((e) => e.field).join(', ')}`);
  return checked.dto;
}
