import { ApiProperty } from '@nestjs/swagger';

import { REFUSAL_REASONS, RefusalReason } from '@app/contracts';

import { INTAKE_SUBSCRIPTIONS, IntakeSubscription } from './intake-counters';

/** The NATS link as both apps' federation status shows it (see NatsLinkHealth). */
export class NatsLinkView {
  @ApiProperty({
    enum: ['up', 'down'],
    description: 'Down unless connected and the last probe (a round trip to the server) came back in time',
  })
  status: 'up' | 'down';
  @ApiProperty({ nullable: true, type: String, description: 'Why it is down' }) reason: string | null;
  @ApiProperty({ description: 'Connected, as far as the NATS client knows' }) connected: boolean;
  @ApiProperty({ nullable: true, type: String }) lastProbeAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) lastProbeOk: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) lastRoundTripMs: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the server last answered a probe or a reconnection' }) lastAnsweredAt:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the link was last found down (it may have come back since)' })
  lastLostAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was last found down' }) lastLostReason: string | null;
  @ApiProperty() probeEveryMs: number;
  @ApiProperty() probeTimeoutMs: number;
}

export class RefusalCountView {
  @ApiProperty({ enum: INTAKE_SUBSCRIPTIONS }) subscription: IntakeSubscription;
  @ApiProperty({ enum: REFUSAL_REASONS }) reason: RefusalReason;
  @ApiProperty() count: number;
}

export class IntakeView {
  @ApiProperty({ type: [RefusalCountView], description: 'Incoming messages refused since the process started, by subscription and reason' })
  refused: RefusalCountView[];
}
