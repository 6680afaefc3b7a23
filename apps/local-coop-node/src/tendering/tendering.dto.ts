import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

import { TENDER_LIMITS } from '@app/contracts';

export class LotOfferDto {
  @ApiProperty()
  @IsUUID('4')
  lotId: string;

  @ApiProperty({ example: 30, description: 'Whole hours a week; 0 withdraws an earlier offer on the lot' })
  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @ApiProperty({ example: 2380, description: "Pence an hour, at most the lot's ceiling" })
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  pricePencePerHour: number;
}

export class SendOffersDto {
  @ApiProperty({
    type: [LotOfferDto],
    description: 'One offer per lot; start from the suggestion in GET /tendering/invitations and adjust',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @Type(() => LotOfferDto)
  offers: LotOfferDto[];

  @ApiPropertyOptional({
    example: 40,
    description:
      "The most this co-op can take on across all lots of the tender. Without it the node states its spare hours for this tender (see the invitation's suggestedTotalHoursPerWeek), and never more than a total stated on the tender before",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  totalHoursPerWeek?: number;
}
