import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { STAKEHOLDER_CLASSES } from '@app/contracts';
import { UuidParam } from '@app/platform';
import {
  checkForm,
  FieldError,
  formList,
  formText,
  PageController,
  pagePrincipal,
  PageRoles,
  ukDateTime,
  WebViews,
  wordsOf,
} from '@app/web';

import { BallotQueries, BallotView, CloseBallot, CreateBallot, CreateBallotDto, ListBallotsQuery } from '../governance';
import { ListMembersQuery, MemberQueries } from '../members';
import { RulebookStore } from '../rulebook';
import { ballotFormToBody } from './admin-forms.rules';
import { choices, refusalOnField } from './admin-forms.rules';
import { BallotAdminPages } from './ballot-admin-pages.queries';
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
    const checked = await checkForm(ListBallotsQuery, filter);
    if ('errors' in checked) {
      const errors = checked.errors.map((e) => ({ ...e, field: `filter-${e.field}` }));
      this.views.sendErrors(req, res, 'admin-ballots.njk', await this.context(req, new ListBallotsQuery()), errors);
      return;
    }
    const context = await this.context(req, checked.dto);
    const done = (id: unknown) => context.ballots.find((b) => b.id === id)?.title;
    this.views.send(req, res, 'admin-ballots.njk', { ...context, created: done(created), closed: done(closed) });
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

  private async context(req: Request, filter: ListBallotsQuery, typed: Typed = BLANK) {
    const page = await this.ballots.list(filter, pagePrincipal(req));
    const [votes, { rulebook }, candidates] = await Promise.all([
      this.pages.votesCastSoFar(page.items.filter((b) => !b.result).map((b) => b.id)),
      this.rulebooks.current(),
      this.members.list(Object.assign(new ListMembersQuery(), { status: 'active', limit: 500 })),
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

/** A ballot as the page lists it: its window in UK time, its turnout, and once closed its result in words. */
function shown(b: BallotView, votedSoFar: number | undefined) {
  const label = (key: string) => b.options.find((o) => o.key === key)?.label ?? key;
  const r = b.result;
  let outcome = '';
  if (r && b.kind === 'election') {
    outcome = r.elected?.length ? `Elected: ${r.elected.map(label).join(', ')}` : 'No one elected';
    if (r.notSeated?.length) outcome += `; not seated: ${r.notSeated.map((v) => v.message).join('; ')}`;
  } else if (r) {
    outcome = `${r.passed ? 'Passed' : 'Not passed'}: ${r.for ?? 0} for, ${r.against ?? 0} against, ${r.abstain ?? 0} abstaining`;
    if (r.adoptedRulebookVersion) outcome += `; rulebook version ${r.adoptedRulebookVersion} adopted`;
  }
  return {
    id: b.id,
    title: b.title,
    kind: b.kind === 'rulebook-change' ? 'Rulebook change' : wordsOf(b.kind),
    opens: ukDateTime(b.opensAt),
    closes: ukDateTime(b.closesAt),
    state: r ? 'closed' : b.state === 'closed' ? 'awaiting-count' : b.state,
    stateText: r ? 'Closed' : b.state === 'closed' ? 'Voting ended, not counted yet' : wordsOf(b.state),
    turnout: r
      ? `${r.turnoutPercent}% (${r.voted} of ${r.eligible})${r.quorumMet ? '' : ', no quorum'}`
      : `${votedSoFar ?? 0} voted so far`,
    outcome,
    closable: !r && b.state === 'closed',
  };
}
