import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { CURVE_PUBLIC_KEY_PATTERN } from '../recruitment/recruitment-limits';
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

  /**
   * The node's public curve key (X…): what the hub seals a hired candidate's application for. The node
   * made the key itself and only it holds the private half (NODE_CURVE_SEED). Absent: the node cannot
   * receive applications, and the hub refuses its requests to hire.
   */
  @IsOptional()
  @Matches(CURVE_PUBLIC_KEY_PATTERN, { message: 'sealingKey must be a curve public key (X…, 56 characters)' })
  sealingKey?: string;
}
