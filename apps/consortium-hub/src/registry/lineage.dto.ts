import { ApiProperty } from '@nestjs/swagger';

import { COOP_STATUSES, CoopStatus } from '@app/contracts';

/** One co-op in the family tree. */
export class LineageCoopView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: COOP_STATUSES }) status: CoopStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The co-op that sent the runner; null for a founder' }) sponsorCoopId:
    string | null;
  @ApiProperty({ description: '1 for a founder, 2 for its spin-offs, and so on' }) generation: number;
  @ApiProperty({ type: [String], description: 'The spin-offs it sponsored, by name' }) children: string[];
  @ApiProperty({ description: 'Every co-op descended from it' }) descendants: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Its onboarding journey, when it joined by one' }) journeyId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) journeyStartedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The evidence date of its trading stage' }) tradingOn: string | null;
  @ApiProperty({ type: Number, nullable: true }) daysToTrading: number | null;
}

export class LineageView {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: [String], description: 'The founders: co-ops with no sponsor' }) roots: string[];
  @ApiProperty({ description: 'The deepest generation' }) generations: number;
  @ApiProperty({ type: [LineageCoopView], description: 'Every co-op, founders first, then by generation and name' })
  coops: LineageCoopView[];
}
