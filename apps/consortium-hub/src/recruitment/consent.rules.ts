/** The kinds of consent a candidate gives: to be in the pool; to one co-op's request to hire (sending it their application). */
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
  {
    kind: 'hire',
    version: 'hire-2026-01',
    current: true,
    text:
      "I accept this co-op's request to consider hiring me. I agree that the consortium hub sends that co-op my whole " +
      'application — my name, email address, phone number and everything in my application — sealed so that only that ' +
      "co-op's own system can open it. Once the co-op's system confirms it has my application, the co-op is responsible " +
      'for it (I ask the co-op to see, correct or erase it), and the hub erases my record: my application, my pool ' +
      'profile and my sign-in. No other co-op receives my application.',
  },
];

export function currentWording(kind: ConsentKind): ConsentWording | undefined {
  return CONSENT_WORDINGS.find((w) => w.kind === kind && w.current);
}

export function wordingOf(kind: string, version: string): ConsentWording | undefined {
  return CONSENT_WORDINGS.find((w) => w.kind === kind && w.version === version);
}
