import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

import { defineMessage } from '../message-definition';

/** Core NATS, every few seconds: liveness, version, and how much the node still has to send. */
export class CoopHeartbeatV1 {
  @IsString()
  @MaxLength(40)
  nodeVersion: string;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  outboxUnconfirmed: number;
}

export const COOP_HEARTBEAT_V1 = defineMessage({
  type: 'coop.heartbeat',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'core',
  payload: CoopHeartbeatV1,
});
