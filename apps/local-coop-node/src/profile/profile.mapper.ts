import { CoopProfilePayload } from '@app/contracts';

import { NODE_VERSION } from '../node-version';
import { CoopProfile } from './coop-profile.entity';
import { ProfileView } from './profile.dto';

/** The profile as the hub receives it, with the node's public sealing key when it has one (NODE_CURVE_SEED). */
export function toProfilePayload(p: CoopProfile, sealingKey?: string): CoopProfilePayload {
  return {
    name: p.name,
    legalForm: p.legalForm,
    localities: p.localities,
    servicesOffered: p.servicesOffered,
    ...(p.registrationNumber ? { registrationNumber: p.registrationNumber } : {}),
    ...(p.cqcRating ? { cqcRating: p.cqcRating } : {}),
    ...(p.sponsorCoopId ? { sponsorCoopId: p.sponsorCoopId } : {}),
    nodeVersion: NODE_VERSION,
    ...(sealingKey ? { sealingKey } : {}),
  };
}

export function toProfileView(p: CoopProfile): ProfileView {
  return {
    coopId: p.coopId,
    name: p.name,
    legalForm: p.legalForm,
    localities: p.localities,
    servicesOffered: p.servicesOffered,
    registrationNumber: p.registrationNumber,
    cqcRating: p.cqcRating,
    sponsorCoopId: p.sponsorCoopId,
    updatedAt: p.updatedAt.toISOString(),
  };
}
