import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { JOIN_TOKEN_PATTERN, JoinRequestV1 } from '@app/contracts';

/** `POST /onboarding/join`: the contract itself, described for the OpenAPI page. */
export class JoinRequestDto extends JoinRequestV1 {
  @ApiProperty({ pattern: JOIN_TOKEN_PATTERN.source, description: 'The join token staff issued, as they handed it over' })
  override token: string;

  @ApiProperty({ pattern: '^U[A-Z2-7]{55}$', description: "The node's own NKey (public half): its NATS user and message-signing key" })
  override publicKey: string;

  @ApiProperty({ pattern: '^X[A-Z2-7]{55}$', description: "The node's own curve key (public half): what applications are sealed for" })
  override sealingKey: string;
}

export class PolicyTemplateView {
  @ApiProperty({ example: 'safeguarding-adults' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 3 }) version: number;
  @ApiProperty() text: string;
}

export class TemplatesView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The sponsor's rulebook in force, as a node's GET /rulebook shows it: described there, not here",
    externalDocs: { description: 'The rulebook', url: 'docs/members-and-governance.md#the-rulebook' },
  })
  rulebook: Record<string, unknown>;

  @ApiProperty({ type: [PolicyTemplateView] }) policies: PolicyTemplateView[];
}

/** JoinGrantV1 as the OpenAPI page shows it: everything the new node needs to start, and nothing secret. */
export class JoinGrantView {
  @ApiProperty({ example: 'huddersfield' }) coopId: string;
  @ApiProperty({ example: 'Huddersfield Care Co-op' }) name: string;
  @ApiProperty({ type: [String], example: ['Huddersfield', 'Lindley'] }) localities: string[];
  @ApiProperty({ type: [String], example: ['personal-care'] }) services: string[];
  @ApiProperty({ example: 'colne-valley' }) sponsorCoopId: string;
  @ApiProperty({ description: "The hub's public NKey: messages from the hub must verify with it" }) hubPublicKey: string;
  @ApiProperty({ type: [String], example: ['nats://nats.example.coop:4222'] }) natsUrls: string[];
  @ApiProperty({ example: 'ccm' }) subjectRoot: string;
  @ApiPropertyOptional({ type: TemplatesView, description: "The sponsor's rulebook and policies, when it shared them" })
  templates?: TemplatesView;
}

export class JoinTokenIssuedView {
  @ApiProperty({ format: 'uuid', description: 'Revoke it with DELETE /onboarding/join-tokens/:id' }) id: string;
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty({ example: 'huddersfield' }) coopId: string;
  @ApiProperty({ pattern: JOIN_TOKEN_PATTERN.source, description: 'Shown this once: the hub keeps only its hash' }) token: string;
  @ApiProperty({ example: '2026-06-04T09:00:00.000Z' }) expiresAt: string;
  @ApiProperty({ description: "The one command the new co-op's admin runs" }) command: string;
  @ApiProperty({ example: 1, description: 'Earlier tokens of this journey that stopped working' }) revokedEarlier: number;
}

export class JoinTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty() coopId: string;
  @ApiProperty({ enum: ['waiting', 'used', 'revoked', 'expired'] }) state: string;
  @ApiProperty() issuedBy: string;
  @ApiProperty() issuedAt: string;
  @ApiProperty() expiresAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) usedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
}
