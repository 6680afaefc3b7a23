export * from './ask';
export * from './recruitment-matches.v1';

import { RECRUITMENT_MATCHES_ASK } from './recruitment-matches.v1';

/** Every ask a co-op may put to the hub: its NATS permissions allow publishing exactly these. */
export const ASK_CATALOG = [RECRUITMENT_MATCHES_ASK] as const;
