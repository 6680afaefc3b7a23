import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsString, Length } from 'class-validator';

import { CQC_RATINGS, CqcRating, LEGAL_FORMS, LegalForm, SERVICE_TYPES, ServiceType } from '@app/contracts';
import { IsOptionalNotNull } from '@app/platform';

export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 120 })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 120)
  name?: string;

  @ApiPropertyOptional({ enum: LEGAL_FORMS })
  @IsOptionalNotNull()
  @IsIn(LEGAL_FORMS)
  legalForm?: LegalForm;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities?: string[];

  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true })
  @IsOptionalNotNull()
  @ArrayMaxSize(SERVICE_TYPES.length)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  servicesOffered?: ServiceType[];

  @ApiPropertyOptional({ description: "The society's registration number, e.g. 1234567 or RS007890" })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 40)
  registrationNumber?: string;

  @ApiPropertyOptional({ enum: CQC_RATINGS })
  @IsOptionalNotNull()
  @IsIn(CQC_RATINGS)
  cqcRating?: CqcRating;
}

export class ProfileView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LEGAL_FORMS }) legalForm: LegalForm;
  @ApiProperty({ type: [String] }) localities: string[];
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) servicesOffered: ServiceType[];
  @ApiPropertyOptional({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiPropertyOptional({ nullable: true, enum: CQC_RATINGS }) cqcRating: CqcRating | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sponsorCoopId: string | null;
  @ApiProperty() updatedAt: string;
}
