import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsNumberWithDecimals, RULEBOOK_TEMPLATE_IDS, RulebookTemplateId, STAKEHOLDER_CLASSES, StakeholderClass } from '@app/contracts';

import { Rulebook } from './rulebook-templates.rules';

export class ClassSeatsDto {
  @ApiProperty({ enum: STAKEHOLDER_CLASSES })
  @IsIn(STAKEHOLDER_CLASSES)
  stakeholderClass: StakeholderClass;

  @ApiProperty({ minimum: 0, maximum: 50 })
  @IsInt()
  @Min(0)
  @Max(50)
  seats: number;

  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 100, description: 'At most this % of the board; null for no cap' })
  @IsOptional()
  @IsNumberWithDecimals(1)
  @Min(1)
  @Max(100)
  capPercent: number | null;
}

/** A whole rulebook, as proposed or adopted. */
export class RulebookDto implements Rulebook {
  @ApiProperty({ enum: [...RULEBOOK_TEMPLATE_IDS, 'custom'] })
  @IsIn([...RULEBOOK_TEMPLATE_IDS, 'custom'])
  template: RulebookTemplateId | 'custom';

  @ApiProperty()
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ enum: STAKEHOLDER_CLASSES, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAKEHOLDER_CLASSES, { each: true })
  admittedClasses: StakeholderClass[];

  @ApiProperty({ type: [ClassSeatsDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(STAKEHOLDER_CLASSES.length)
  @ValidateNested({ each: true })
  @Type(() => ClassSeatsDto)
  board: ClassSeatsDto[];

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  quorumPercent: number;

  @ApiProperty({ minimum: 50, maximum: 99, description: 'An ordinary resolution passes with MORE than this % of votes cast' })
  @IsInt()
  @Min(50)
  @Max(99)
  ordinaryMajorityPercent: number;

  @ApiProperty({ minimum: 50, maximum: 100, description: 'A special resolution passes with AT LEAST this % of votes cast' })
  @IsInt()
  @Min(50)
  @Max(100)
  specialMajorityPercent: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  minimumMembers: number;

  @ApiProperty({ minimum: 0, description: 'pence' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  shareMinimumPence: number;

  @ApiProperty({ minimum: 0, description: 'pence' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  shareMaximumPence: number;

  @ApiProperty({ minimum: 0, description: 'minutes' })
  @IsInt()
  @Min(0)
  @Max(100 * 60)
  timeCreditOverdraftMinutes: number;

  @ApiProperty({ minimum: 1, description: 'pence per hour' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  realLivingWagePencePerHour: number;

  @ApiPropertyOptional({
    description: 'Whether members may pay their own time credits to members of other co-ops (otherwise only the admin); absent is no',
  })
  @IsOptional()
  @IsBoolean()
  membersMayPayAcrossCoops?: boolean;
}

export class RulebookView {
  @ApiProperty() version: number;
  @ApiProperty() adoptedAt: string;
  @ApiProperty() adoptedBy: string;
  @ApiProperty({ type: RulebookDto }) rulebook: Rulebook;
}

/** The ready rulebooks, by template id. */
export class RulebookTemplatesView implements Record<RulebookTemplateId, Rulebook> {
  @ApiProperty({ type: RulebookDto }) 'uk-multi-stakeholder-cbs': Rulebook;
  @ApiProperty({ type: RulebookDto }) 'italian-type-a': Rulebook;
}
