/** The kinds of consent a candidate gives: to be in the pool now; to one co-op's request to hire in a later slice. */
export const CONSENT_KINDS = ['pool', 'hire'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** A wording as it was shown. Published versions never change: a new text is a new version, and the old stays for the record. */
export interface ConsentWording {
  kind: ConsentKind;
  version: string;
  text: string;
  current: boolean;
}

export const CONSENT_WORDINGS: readonly ConsentWording[] = [
  {
    kind: 'pool',
    version: 'pool-2026-01',
    current: true,
    text:
      'I agree that the consortium hub may keep my application in its shared recruitment pool, and that member co-ops ' +
      'may see it there as a profile without my name, contact details or statement, so that they can ask to hire me. ' +
      'No co-op receives my name or contact details unless I accept its request. I can withdraw this consent at any ' +
      'time, and it stops at once; I can also ask for everything held about me, correct it, or have it erased.',
  },
];

export function currentWording(kind: ConsentKind): ConsentWording | undefined {
  return CONSENT_WORDINGS.find((w) => w.kind === kind && w.current);
}

export function wordingOf(kind: string, version: string): ConsentWording | undefined {
  return CONSENT_WORDINGS.find((w) => w.kind === kind && w.version === version);
}
