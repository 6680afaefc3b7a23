import { Injectable } from '@nestjs/common';

import { DomainError, Principal } from '@app/platform';
import { checkForm, ukLocalToInstant } from '@app/web';

import {
  AnswerEnquiry,
  AskedEnquiryAnswerDto,
  AssembleBid,
  AwardDto,
  AwardTender,
  CancelTender,
  CancelTenderDto,
  ChallengeOutcomeDto,
  CreateTender,
  CreateTenderDto,
  DecideChallenge,
  InviteCoops,
  InviteDto,
  RecordChallenge,
  RecordChallengeDto,
  SplitLot,
  SplitLotDto,
  SubmitBid,
  UpdateLot,
  UpdateLotDto,
  UpdateTender,
  UpdateTenderDto,
} from '../tendering';
import { StepRefusal, stepRefusal } from './procurement-pages.rules';
import { coopIdsFromField, rowsFromForm, wordRowErrors } from './tender-pages.rules';

/** The staff's forms on the tender pages, each named as its banner and its error place on the page (`step-<form>`). */
export type TenderForm =
  | 'details'
  | 'lot'
  | 'split'
  | 'invitations'
  | 'assembly'
  | 'submission'
  | 'award'
  | 'cancellation'
  | 'answer'
  | 'challenge'
  | 'challenge-outcome';

export type TenderFormResult = { done: TenderForm } | StepRefusal;

const MESSAGES = {
  title: 'Enter a title of 2 to 200 characters',
  buyer: 'Enter the commissioning body, 2 to 200 characters',
  description: 'Enter a description of 2000 characters or fewer',
  deadline: 'Enter the deadline as a date and time (UK time)',
  'enquiryPeriod.endDate': 'Enter when questions close as a date and time (UK time)',
  locality: 'Enter a locality of 2 to 80 characters',
  serviceType: 'Choose a service',
  hoursPerWeek: 'Enter whole hours a week, 1 or more',
  ceilingPencePerHour: 'Enter the most the council pays, in whole pence an hour, 1 or more',
  startsOn: 'Enter the start as a date (YYYY-MM-DD)',
  endsOn: 'Enter the end as a date (YYYY-MM-DD)',
  alsoInvite: 'Enter co-op ids (lower-case letters, digits and hyphens), separated by commas',
  reason: 'Enter a reason of 2 to 500 characters',
  parts: 'Enter at least two smaller lots',
  outcome: 'Choose whether the lot was won whole, won in part or lost',
  answer: 'Enter an answer of 2 to 4,000 characters',
  challenger: 'Enter the organisation that challenges, 2 to 200 characters',
  madeAt: 'Enter when the challenge was made, as a date and time (UK time)',
  grounds: 'Enter the grounds of the challenge, 5 to 4,000 characters',
  note: 'Enter a note of 2 to 2,000 characters',
};

/** On a page with one form per question or challenge, each field's id carries the item's id. */
const perItem = (result: TenderFormResult, id: string): TenderFormResult =>
  'errors' in result
    ? { ...result, errors: result.errors.map((e) => (e.field.startsWith('step-') ? e : { ...e, field: `${e.field}-${id}` })) }
    : result;

/**
 * Staff's tender forms: each form checked by the API's own DTO (the same rules as PATCH /tenders/:id,
 * PATCH and split of /tenders/:id/lots/:lotId, POST /tenders/:id/invitations, /assembly, /submission,
 * /award and /cancellation), then the same use case. Bad input (400) or a step the tender's stage does
 * not allow (409) comes back as an error on the page, with nothing stored changed.
 */
@Injectable()
export class TenderFromPage {
  constructor(
    private readonly createTender: CreateTender,
    private readonly updateTender: UpdateTender,
    private readonly updateLot: UpdateLot,
    private readonly splitLot: SplitLot,
    private readonly inviteCoops: InviteCoops,
    private readonly assembleBid: AssembleBid,
    private readonly submitBid: SubmitBid,
    private readonly awardTender: AwardTender,
    private readonly cancelTender: CancelTender,
    private readonly answerEnquiry: AnswerEnquiry,
    private readonly recordChallenge: RecordChallenge,
    private readonly decideChallenge: DecideChallenge,
  ) {}

  /** A council tender entered with its lots (up to three rows on the form), as a draft; the field of a refusal about the lots is `step-new`. */
  async create(form: Record<string, unknown>, by: Principal): Promise<{ id: string } | StepRefusal> {
    const { title, buyer, description, deadline } = form;
    const shaped = { title, buyer, description, deadline: ukLocalToInstant(deadline), lots: rowsFromForm(form, 'lots') };
    const checked = await checkForm(CreateTenderDto, shaped, { ...MESSAGES, lots: 'Enter at least one lot' });
    if ('errors' in checked) return { status: 400, errors: wordRowErrors(checked.errors, MESSAGES) };
    try {
      return await this.createTender.execute(checked.dto, by);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const refusal = stepRefusal(error, error.code === 'TENDERING.DEADLINE_IN_PAST' ? 'deadline' : 'step-new');
      if (!refusal) throw error;
      return refusal;
    }
  }

  /** The details form; its one field for when questions close is the API's `enquiryPeriod.endDate`, UK time. */
  async details(id: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const { enquiryEndDate, ...rest } = form;
    const typedEnd = typeof enquiryEndDate === 'string' ? enquiryEndDate.trim() : enquiryEndDate;
    const shaped = {
      ...rest,
      deadline: ukLocalToInstant(form.deadline),
      ...(typedEnd === '' || typedEnd === undefined ? {} : { enquiryPeriod: { endDate: ukLocalToInstant(typedEnd) } }),
    };
    const checked = await checkForm(UpdateTenderDto, shaped, MESSAGES);
    if ('errors' in checked)
      return {
        status: 400,
        errors: checked.errors.map((e) => (e.field.startsWith('enquiryPeriod') ? { ...e, field: 'enquiryEndDate' } : e)),
      };
    return attempt('details', () => this.updateTender.execute(id, checked.dto, by), {
      'TENDERING.DEADLINE_IN_PAST': 'deadline',
      'TENDERING.DEADLINE_BEFORE_DATES': 'deadline',
      'TENDERING.ENQUIRY_PERIOD': 'enquiryEndDate',
    });
  }

  async lot(id: string, lotId: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(UpdateLotDto, form, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: checked.errors };
    return attempt('lot', () => this.updateLot.execute(id, lotId, checked.dto, by));
  }

  async split(id: string, lotId: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(SplitLotDto, { parts: rowsFromForm(form, 'parts') }, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: wordRowErrors(checked.errors, MESSAGES) };
    return attempt('split', () => this.splitLot.execute(id, lotId, checked.dto, by));
  }

  async invite(id: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(InviteDto, { alsoInvite: coopIdsFromField(form.alsoInvite) }, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: checked.errors };
    return attempt('invitations', () => this.inviteCoops.execute(id, checked.dto, by), { 'TENDERING.UNKNOWN_COOPS': 'alsoInvite' });
  }

  assemble(id: string, by: Principal): Promise<TenderFormResult> {
    return attempt('assembly', () => this.assembleBid.execute(id, by.subject));
  }

  submit(id: string, by: Principal): Promise<TenderFormResult> {
    return attempt('submission', () => this.submitBid.execute(id, by));
  }

  async award(id: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(
      AwardDto,
      { lots: rowsFromForm(form, 'lots') },
      { ...MESSAGES, lots: 'Choose an outcome for every lot' },
    );
    if ('errors' in checked) return { status: 400, errors: wordRowErrors(checked.errors, MESSAGES) };
    return attempt('award', () => this.awardTender.execute(id, checked.dto, by));
  }

  /** Staff's answer to a co-op's question, shared with every invited co-op; its errors beside that question's form. */
  async answer(id: string, enquiryId: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(AskedEnquiryAnswerDto, form, MESSAGES);
    if ('errors' in checked) return perItem({ status: 400, errors: checked.errors }, enquiryId);
    const run = () => this.answerEnquiry.execute(id, enquiryId, checked.dto, by);
    return perItem(await attempt('answer', run, { 'TENDERING.ALREADY_ANSWERED': 'answer' }), enquiryId);
  }

  async challenge(id: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(RecordChallengeDto, { ...form, madeAt: ukLocalToInstant(form.madeAt) }, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: checked.errors };
    return attempt('challenge', () => this.recordChallenge.execute(id, checked.dto, by), {
      'TENDERING.CHALLENGE_DATE': 'madeAt',
      'TENDERING.STANDSTILL_OVER': 'madeAt',
    });
  }

  async challengeOutcome(id: string, challengeId: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(ChallengeOutcomeDto, form, MESSAGES);
    if ('errors' in checked) return perItem({ status: 400, errors: checked.errors }, challengeId);
    return attempt('challenge-outcome', () => this.decideChallenge.execute(id, challengeId, checked.dto, by));
  }

  async cancel(id: string, form: Record<string, unknown>, by: Principal): Promise<TenderFormResult> {
    const checked = await checkForm(CancelTenderDto, form, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: checked.errors };
    return attempt('cancellation', () => this.cancelTender.execute(id, checked.dto, by));
  }
}

/** Runs the use case; its refusal shown beside the form (or beside the field its code concerns), a missing tender or lot as 404. */
async function attempt(form: TenderForm, run: () => Promise<unknown>, fields: Record<string, string> = {}): Promise<TenderFormResult> {
  try {
    await run();
    return { done: form };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'not-found') throw error;
    const refusal = stepRefusal(error, fields[error.code] ?? `step-${form}`);
    if (!refusal) throw error;
    return refusal;
  }
}
