/** Who is calling, as read from a verified token. */
export interface Principal {
  subject: string;
  role: string;
  coopId?: string;
  memberId?: string;
}

export const HUB_ROLES = ['consortium-staff', 'commissioner', 'coop'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

export const NODE_ROLES = ['coop-admin', 'member'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export const HUB_AUDIENCE = 'ccm-hub';
export const nodeAudience = (coopId: string): string => `ccm-node:${coopId}`;
export const TOKEN_ISSUER = 'care-coop-mesh';
