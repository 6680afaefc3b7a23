import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { COOP_ID_PATTERN, CQC_RATINGS, CqcRating, LEGAL_FORMS, LegalForm, SERVICE_TYPES, ServiceType } from '../vocabulary';

/** A co-op's public profile: organisational facts only, never a person. */
export class CoopProfilePayload {
  @IsString()
  @Length(2, 120)
  name: string;

  @IsIn(LEGAL_FORMS)
  legalForm: LegalForm;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @ArrayMaxSize(SERVICE_TYPES.length)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  servicesOffered: ServiceType[];

  /** The society's registration number (e.g. with the FCA): public. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  registrationNumber?: string;

  @IsOptional()
  @IsIn(CQC_RATINGS)
  cqcRating?: CqcRating;

  @IsOptional()
  @Matches(COOP_ID_PATTERN, { message: 'sponsorCoopId must be a co-op id' })
  sponsorCoopId?: string;

  @IsString()
  @MaxLength(40)
  nodeVersion: string;
}
