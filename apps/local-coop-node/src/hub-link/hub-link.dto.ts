import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IntakeView, NatsLinkView } from '@app/federation';

export class OutboxCountsView {
  @ApiProperty() pending: number;
  @ApiProperty() published: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() rejected: number;
}

export class HubLinkView {
  @ApiProperty() coopId: string;
  @ApiProperty({ description: 'Whether the link to NATS is up right now: connected, and its last probe answered in time' })
  natsConnected: boolean;
  @ApiProperty({ type: NatsLinkView }) nats: NatsLinkView;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Status the hub gave at the last registration' }) registryStatus:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) registeredAt: string | null;
  @ApiProperty({ type: OutboxCountsView }) outbox: OutboxCountsView;
  @ApiProperty({ description: 'Messages from the hub this node refused' }) deadLetters: number;
  @ApiProperty({ type: IntakeView }) intake: IntakeView;
}
