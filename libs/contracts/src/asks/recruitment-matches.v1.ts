import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { defineMessage } from '../message-definition';
import { RECRUITMENT_LIMITS as L } from '../recruitment/recruitment-limits';
import { Nested, NestedEach } from '../validation';
import { defineAsk } from './ask';

/** A co-op asks which candidates of the pool fit one of its pooled vacancies. */
export class RecruitmentMatchesRequestV1 {
  @IsUUID('4')
  askId: string;

  @IsUUID('4')
  vacancyId: string;
}

/** How the candidate's hours compare with the vacancy's. */
export const HOURS_FITS = ['as-wanted', 'more-than-wanted', 'fewer-than-wanted', 'flexible'] as const;
export type HoursFit = (typeof HOURS_FITS)[number];

/** What the co-op may see of the candidate's DBS check: coarse, and withheld when too rare in the pool. */
export const DBS_SHOWN = ['clear-on-update-service', 'clear', 'applied', 'none'] as const;
export type DbsShown = (typeof DBS_SHOWN)[number];

/** This co-op's own requests for the candidate: none yet, one waiting, or one declined (no asking again). */
export const REQUEST_STATES_SHOWN = ['none', 'waiting', 'declined'] as const;
export type RequestStateShown = (typeof REQUEST_STATES_SHOWN)[number];

/** How the candidate fits the vacancy, point by point. */
export class MatchFitV1 {
  @IsIn(HOURS_FITS)
  hours: HoursFit;

  /** The candidate can start by the vacancy's start date. */
  @IsBoolean()
  availableByStart: boolean;

  /** Right to work valid on the start date, and a clear DBS check. */
  @IsBoolean()
  checksValidOnStart: boolean;
}

/**
 * A candidate as one co-op sees them before consent: a profile id that only this co-op is shown (another
 * co-op sees another id), how they fit, and a few coarse attributes, each withheld (null) when fewer than
 * the hub's threshold of pool candidates share it. Never a name, contact, locality list, statement or date.
 */
export class PseudonymousProfileV1 {
  @IsUUID('4')
  profileId: string;

  @IsInt()
  @Min(1)
  @Max(L.maxMatches)
  rank: number;

  /** 0 to 100: how well the candidate fits this vacancy. */
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @IsObject()
  @ValidateNested()
  @Nested(MatchFitV1)
  fit: MatchFitV1;

  @ValidateIf((_, v) => v !== null)
  @IsIn(DBS_SHOWN)
  dbs: DbsShown | null;

  /** Has a driving licence and a car. */
  @ValidateIf((_, v) => v !== null)
  @IsBoolean()
  drives: boolean | null;

  /** Hours a week wanted, in bands, e.g. "16-30". */
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 10)
  hoursBand: string | null;

  /** Languages spoken that enough pool candidates share to say so. */
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 40, { each: true })
  languages: string[] | null;

  @IsIn(REQUEST_STATES_SHOWN)
  requested: RequestStateShown;
}

export class RecruitmentMatchesAnswerV1 {
  @IsUUID('4')
  askId: string;

  @IsIn(['answered', 'refused'])
  outcome: 'answered' | 'refused';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsUUID('4')
  vacancyId: string;

  /** When the hub matched: the pool changes as candidates join, correct and withdraw. */
  @IsISO8601({ strict: true })
  matchedAt: string;

  @IsArray()
  @ArrayMaxSize(L.maxMatches)
  @ValidateNested({ each: true })
  @NestedEach(PseudonymousProfileV1)
  matches: PseudonymousProfileV1[];
}

export const RECRUITMENT_MATCHES_ASKED_V1 = defineMessage({
  type: 'recruitment.matches-asked',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'core',
  receipt: false,
  payload: RecruitmentMatchesRequestV1,
});

export const RECRUITMENT_MATCHES_ANSWERED_V1 = defineMessage({
  type: 'recruitment.matches-answered',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'core',
  receipt: false,
  payload: RecruitmentMatchesAnswerV1,
});

export const RECRUITMENT_MATCHES_ASK = defineAsk({
  name: 'recruitment-matches.v1',
  request: RECRUITMENT_MATCHES_ASKED_V1,
  answer: RECRUITMENT_MATCHES_ANSWERED_V1,
  refusedBody: (request, at) => ({ vacancyId: request.vacancyId, matchedAt: at.toISOString(), matches: [] }),
});
