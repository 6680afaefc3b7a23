/** Bounds shared by the recruitment messages and both apps' APIs. */
export const RECRUITMENT_LIMITS = {
  /** 100 hours a week: above any contract, so only a typing slip is refused. */
  maxMinutesPerWeek: 100 * 60,
  /** £1,000 an hour. */
  maxPencePerHour: 100_000,
  /** A sealed application's base64 text: an application is a few kilobytes, never more than this. */
  maxSealedChars: 64 * 1024,
  maxMatches: 50,
} as const;

/** A curve (X25519) public NKey: X then 55 base32 characters. The key a node's applications are sealed for. */
export const CURVE_PUBLIC_KEY_PATTERN = /^X[A-Z2-7]{55}$/;
/** A curve NKey seed: SX then 56 base32 characters. */
export const CURVE_SEED_PATTERN = /^SX[A-Z2-7]{56}$/;
