import { Body, Get, Header, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { AuditRead, DomainError, UuidParam } from '@app/platform';
import {
  checkForm,
  FieldError,
  PageController,
  pagePrincipal,
  PageRoles,
  pounds,
  sentence,
  signedInMemberId,
  ukDateTime,
  WebViews,
  wordsOf,
} from '@app/web';

import { UpdateMember, UpdateMemberDto } from '../members';
import { MemberExportQueries } from '../personal-data';
import { MemberSelfPages } from './member-self-pages.queries';
import { ballotKindLabel, voteItems } from './member-self-pages.rules';
import { pageNavigation } from './page-navigation';
import { VoteFromPage } from './vote-from-page.use-case';

const FORMAT = { pounds, when: ukDateTime, kind: ballotKindLabel };
const CONTACT_MESSAGES = {
  email: {
    isEmail: 'Enter an email address in the correct format, like name@example.com',
    maxLength: 'Enter an email address of 200 characters or fewer',
  },
  phone: 'Enter a phone number of 6 to 24 digits, spaces, +, -, ( or )',
  address: { isString: 'Enter an address', maxLength: 'Enter an address of 300 characters or fewer' },
};

/**
 * A member's own pages: their entry in the register with their shares, a download of everything the
 * co-op holds about them, a form to correct their contact details, and the ballots their class votes
 * on with a vote form. The same role, queries and use cases as `GET /members/me`, `GET
 * /members/me/export`, `PATCH /members/{id}` and the ballots API; a member sees only their own.
 */
@PageRoles('member')
@PageController()
export class MemberSelfPagesController {
  constructor(
    private readonly pages: MemberSelfPages,
    private readonly exports: MemberExportQueries,
    private readonly updateMember: UpdateMember,
    private readonly vote: VoteFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('me')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async me(@Query('updated') updated: unknown, @Req() req: Request): Promise<string> {
    return this.views.render(req, 'me.njk', await this.meContext(req, { updated: updated === '1' }));
  }

  @Post('me/contact')
  async contact(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = pagePrincipal(req);
    const checked = await checkForm(UpdateMemberDto, form, CONTACT_MESSAGES);
    let errors: FieldError[];
    if ('dto' in checked) {
      try {
        await this.updateMember.execute(principal, signedInMemberId(req), checked.dto);
        res.redirect(303, '/me?updated=1');
        return;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors = [
          {
            field: 'contact',
            text: error.code === 'MEMBERS.NOTHING_TO_CHANGE' ? 'Enter the contact details to change' : sentence(error.message),
          },
        ];
      }
    } else errors = checked.errors;
    this.views.sendErrors(req, res, 'me.njk', await this.meContext(req, { typed: form }), errors);
  }

  /** Everything the node holds about the member, as `GET /members/me/export` gives it, to keep. */
  @Get('me/export.json')
  @AuditRead()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="my-membership-data.json"')
  exportMine(@Req() req: Request): Promise<unknown> {
    return this.exports.build(signedInMemberId(req));
  }

  @Get('me/ballots')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async ballots(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'me-ballots.njk', {
      title: 'Ballots',
      navigation: pageNavigation(req, '/me/ballots'),
      fmt: FORMAT,
      ...(await this.pages.ballots(pagePrincipal(req))),
    });
  }

  @Get('me/ballots/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async ballot(@UuidParam('id', { named: true }) id: string, @Query('voted') justVoted: unknown, @Req() req: Request): Promise<string> {
    const seen = await this.pages.ballot(id, pagePrincipal(req));
    return this.views.render(req, 'me-ballot.njk', { ...this.ballotContext(req, seen), justVoted: justVoted === '1' && seen.voted });
  }

  @Post('me/ballots/:id/votes')
  async castVote(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = pagePrincipal(req);
    const seen = await this.pages.ballot(id, principal);
    const result = await this.vote.execute(principal, seen.ballot, form);
    if ('voted' in result) {
      res.redirect(303, `/me/ballots/${id}?voted=1`);
      return;
    }
    // Read again: a vote refused as a second one finds the member recorded as having voted.
    const context = this.ballotContext(req, await this.pages.ballot(id, principal), form);
    this.views.sendErrors(
      req,
      res,
      'me-ballot.njk',
      context,
      result.errors,
      result.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
    );
  }

  private async meContext(req: Request, extra: Record<string, unknown>) {
    return {
      title: 'My membership',
      navigation: pageNavigation(req, '/me'),
      fmt: FORMAT,
      ...(await this.pages.me(signedInMemberId(req))),
      ...extra,
    };
  }

  private ballotContext(req: Request, seen: Awaited<ReturnType<MemberSelfPages['ballot']>>, typed?: Record<string, unknown>) {
    const choices = voteItems(seen.ballot.options, typed);
    const { resolution, eligibleClasses } = seen.ballot;
    // The API's keys (`ordinary`, `worker`) in words; every class when the ballot names none.
    const words = {
      resolution: resolution ? wordsOf(resolution) : '–',
      eligibleClasses: eligibleClasses.length ? eligibleClasses.map(wordsOf).join(', ') : 'Every class',
    };
    return { title: seen.ballot.title, navigation: pageNavigation(req, '/me/ballots'), fmt: FORMAT, ...seen, choices, words };
  }
}
