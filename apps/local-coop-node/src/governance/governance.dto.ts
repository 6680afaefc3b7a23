import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDefined,
  IsIn,
  IsInt,
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

import { STAKEHOLDER_CLASSES, StakeholderClass } from '@app/contracts';
import { IsTimestampWithZone, PageQuery, PageView } from '@app/platform';

import { RulebookDto } from '../rulebook';

export class CreateBallotDto {
  @ApiProperty({ enum: ['motion', 'election'], description: 'A rulebook change is proposed with PUT /rulebook' })
  @IsIn(['motion', 'election'])
  kind: 'motion' | 'election';

  @ApiProperty()
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ description: 'Defaults to now' })
  @IsOptional()
  @IsTimestampWithZone()
  opensAt?: string;

  @ApiProperty()
  @IsTimestampWithZone()
  closesAt: string;

  @ApiPropertyOptional({ enum: ['ordinary', 'special'], description: 'Motions only' })
  @ValidateIf((b: CreateBallotDto) => b.kind === 'motion')
  @IsIn(['ordinary', 'special'])
  resolution?: 'ordinary' | 'special';

  @ApiPropertyOptional({ enum: STAKEHOLDER_CLASSES, isArray: true, description: 'Motions only; defaults to every admitted class' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAKEHOLDER_CLASSES, { each: true })
  eligibleClasses?: StakeholderClass[];

  @ApiPropertyOptional({ enum: STAKEHOLDER_CLASSES, description: 'Elections only: the class electing its own seats' })
  @ValidateIf((b: CreateBallotDto) => b.kind === 'election')
  @IsIn(STAKEHOLDER_CLASSES)
  stakeholderClass?: StakeholderClass;

  @ApiPropertyOptional({ description: "Elections only; defaults to the class's seats in the rulebook" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  seats?: number;

  @ApiPropertyOptional({ type: [String], description: 'Elections only: member ids of the candidates, in nomination order' })
  @ValidateIf((b: CreateBallotDto) => b.kind === 'election')
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  candidateMemberIds?: string[];
}

export class CastVoteDto {
  @ApiPropertyOptional({ enum: ['for', 'against', 'abstain'], description: 'Motions and rulebook changes' })
  @IsOptional()
  @IsIn(['for', 'against', 'abstain'])
  choice?: 'for' | 'against' | 'abstain';

  @ApiPropertyOptional({ type: [String], description: 'Elections: up to as many candidate option keys as there are seats' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  candidates?: string[];
}

export class ProposeRulebookDto {
  @ApiProperty({ type: RulebookDto })
  // ValidateNested alone lets a missing rulebook (or an array) through, and the use case would then read its fields.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RulebookDto)
  rulebook: RulebookDto;

  @ApiPropertyOptional({ description: 'Voting window for the special resolution; defaults to now' })
  @IsOptional()
  @IsTimestampWithZone()
  opensAt?: string;

  @ApiPropertyOptional({ description: 'Defaults to 14 days after it opens' })
  @IsOptional()
  @IsTimestampWithZone()
  closesAt?: string;
}

export class SetBoardDto {
  @ApiProperty({ type: [String], description: 'Member ids of the whole board as proposed' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  memberIds: string[];
}

export class ListBallotsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'open', 'closed'] })
  @IsOptional()
  @IsIn(['upcoming', 'open', 'closed'])
  state?: 'upcoming' | 'open' | 'closed';

  @ApiPropertyOptional({ enum: ['motion', 'election', 'rulebook-change'] })
  @IsOptional()
  @IsIn(['motion', 'election', 'rulebook-change'])
  kind?: 'motion' | 'election' | 'rulebook-change';
}

export class BallotOptionView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiPropertyOptional({ nullable: true, type: String }) candidateMemberId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Shown only once the ballot has closed' }) votes: number | null;
}

export class CandidateTallyView {
  @ApiProperty({ description: "The candidate's option key" }) key: string;
  @ApiProperty() votes: number;
}

export class BoardRuleViolationView {
  @ApiProperty() rule: string;
  @ApiProperty() message: string;
}

/** A closed ballot's final result: the turnout for every ballot, then a motion's tally or an election's outcome. */
export class BallotResultView {
  @ApiProperty({ description: 'Members entitled to vote' }) eligible: number;
  @ApiProperty() voted: number;
  @ApiProperty() turnoutPercent: number;
  @ApiProperty() quorumMet: boolean;
  @ApiPropertyOptional({ description: 'A motion or rulebook change' }) for?: number;
  @ApiPropertyOptional({ description: 'A motion or rulebook change' }) against?: number;
  @ApiPropertyOptional({ description: 'A motion or rulebook change' }) abstain?: number;
  @ApiPropertyOptional({ description: 'A motion or rulebook change' }) passed?: boolean;
  @ApiPropertyOptional({ description: 'A rulebook change that passed: the version adopted' }) adoptedRulebookVersion?: number;
  @ApiPropertyOptional({ description: 'A rulebook change that passed but could not be adopted: why' }) notAdopted?: string;
  @ApiPropertyOptional({ type: [String], description: 'An election: the candidates elected (option keys), most votes first' })
  elected?: string[];
  @ApiPropertyOptional({ description: 'An election: the last seat went to one of several candidates with equal votes' })
  tieAtCutoff?: boolean;
  @ApiPropertyOptional({ type: [CandidateTallyView], description: 'An election: the candidates still standing' })
  candidates?: CandidateTallyView[];
  @ApiPropertyOptional({ type: [CandidateTallyView], description: 'An election: candidates who left the co-op before the close' })
  withdrawnCandidates?: CandidateTallyView[];
  @ApiPropertyOptional({ type: [String], description: 'An election: the members seated on the board' }) seated?: string[];
  @ApiPropertyOptional({ type: [BoardRuleViolationView], description: 'An election: why the winners could not be seated' })
  notSeated?: BoardRuleViolationView[];
}

export class BallotView {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty() resolution: string;
  @ApiProperty({ enum: STAKEHOLDER_CLASSES, isArray: true }) eligibleClasses: StakeholderClass[];
  @ApiPropertyOptional({ nullable: true, enum: STAKEHOLDER_CLASSES }) electionClass: StakeholderClass | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) seats: number | null;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty({ enum: ['upcoming', 'open', 'closed'] }) state: string;
  @ApiProperty({ type: [BallotOptionView] }) options: BallotOptionView[];
  @ApiPropertyOptional({ nullable: true, type: BallotResultView, description: 'Once closed' }) result: BallotResultView | null;
  @ApiPropertyOptional({ nullable: true, type: RulebookDto, description: 'A rulebook change: the rulebook proposed' })
  proposedRulebook: RulebookDto | null;
}

export class BallotPage extends PageView(BallotView) {}

/** A rulebook change: adopted at once (`version`), or put to a special-resolution `ballot`. */
export class RulebookChangeView {
  @ApiProperty() adopted: boolean;
  @ApiPropertyOptional({ description: 'The version adopted, when adopted at once' }) version?: number;
  @ApiPropertyOptional({ type: BallotView, description: 'The ballot the change was put to, when not adopted at once' }) ballot?: BallotView;
}
