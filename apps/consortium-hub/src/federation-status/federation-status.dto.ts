import { ApiProperty } from '@nestjs/swagger';

import { IntakeView, NatsLinkView } from '@app/federation';

export class HubOutboxCountsView {
  @ApiProperty() pending: number;
  @ApiProperty() published: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() rejected: number;
}

export class HubFederationStatusView {
  @ApiProperty({ type: NatsLinkView }) nats: NatsLinkView;
  @ApiProperty({ type: IntakeView }) intake: IntakeView;
  @ApiProperty({ type: HubOutboxCountsView, description: 'Messages to the co-ops, by state' }) outbox: HubOutboxCountsView;
  @ApiProperty({ description: 'Messages from co-ops the hub refused and kept aside' }) deadLetters: number;
}
