import { AnswerDecoding, Envelope, LiveAnswer, RefusalReason, servesLocality, SpareCareHoursAnswerV1 } from '@app/contracts';

export type Judgement = { counted: true; coopId: string } | { counted: false; code: RefusalReason; reason: string; claimedCoopId?: string };

/**
 * The answers to one live question, as they arrive. An answer counts only if it is a well-formed
 * signed envelope, from a co-op that was asked, signed with that co-op's own key, answering this very
 * question, and the first such from that co-op. Anything else is ignored (and the caller logs why):
 * it never changes a figure nor marks a co-op as having replied.
 */
export class Gathering<A extends LiveAnswer> {
  private readonly answers = new Map<string, A>();
  private ignoredCount = 0;

  constructor(
    private readonly asked: ReadonlySet<string>,
    /** Why the answer does not answer the question asked, or null. */
    private readonly mismatch: (answer: A) => string | null,
    /** True only if the envelope is signed by the key registered for the co-op it names. */
    private readonly signedByItsCoop: (envelope: Envelope<A>) => boolean,
  ) {}

  offer(decoded: AnswerDecoding<A>): Judgement {
    const judgement = this.judge(decoded);
    if (judgement.counted) this.answers.set(judgement.coopId, (decoded as { envelope: Envelope<A> }).envelope.payload);
    else this.ignoredCount++;
    return judgement;
  }

  private judge(decoded: AnswerDecoding<A>): Judgement {
    if (!decoded.ok) {
      const { code, reason, claimedCoopId } = decoded;
      return claimedCoopId ? { counted: false, code, reason, claimedCoopId } : { counted: false, code, reason };
    }
    const { envelope } = decoded;
    const coopId = envelope.coopId;
    const refuse = (code: RefusalReason, reason: string): Judgement => ({ counted: false, code, reason, claimedCoopId: coopId });
    if (!this.asked.has(coopId)) return refuse('not-asked', `${coopId} was not asked (not an online member co-op)`);
    // The signature first: until it verifies, nothing in the answer is the co-op's word.
    if (!this.signedByItsCoop(envelope)) return refuse('bad-signature', `the signature is not ${coopId}'s`);
    const mismatch = this.mismatch(envelope.payload);
    if (mismatch) return refuse('not-this-question', mismatch);
    if (this.answers.has(coopId)) return refuse('already-answered', `${coopId} has already answered`);
    return { counted: true, coopId };
  }

  /** True once every co-op asked has answered: no reason to wait for the deadline. */
  isComplete(): boolean {
    return this.answers.size === this.asked.size;
  }

  get ignored(): number {
    return this.ignoredCount;
  }

  answerOf(coopId: string): A | undefined {
    return this.answers.get(coopId);
  }
}

export interface MemberCoop {
  coopId: string;
  name: string;
  /** Online by the registry's heartbeats when the question was asked: only these are asked. */
  online: boolean;
  /** Its public localities, as the registry holds them. */
  localities: readonly string[];
}

/**
 * A co-op answers for its own public localities only (its registry profile): an answer naming any
 * other would put its hours where it does not work, so it is not counted.
 */
export function unregisteredLocality(answer: Pick<SpareCareHoursAnswerV1, 'localities'>, registered: readonly string[]): string | null {
  const stray = answer.localities.map((l) => l.locality).filter((l) => !servesLocality(registered, l));
  return stray.length
    ? `the answer names ${stray.map((l) => JSON.stringify(l)).join(', ')}, not among the co-op's public localities`
    : null;
}

export type NotRepliedReason = 'offline' | 'no-answer-in-time';

export interface SpareCareHoursSummary {
  asked: string[];
  replied: { coopId: string; name: string; totalSpareHours: number; localities: { locality: string; spareHours: number }[] }[];
  notReplied: { coopId: string; name: string; reason: NotRepliedReason }[];
  total: { spareHours: number; perLocality: { locality: string; spareHours: number }[] };
}

const hundredths = (n: number) => {
  const rounded = Math.round(n * 100) / 100;
  return rounded === 0 ? 0 : rounded;
};

/**
 * Who replied, who did not and why (offline, so not asked; or asked and silent until the deadline),
 * and the consortium's total: the sum of the answers counted, per locality across co-ops (two co-ops
 * serving Marsden add up), localities in alphabetical order. Co-ops in the registry's order.
 */
export function summariseSpareCareHours(
  members: readonly MemberCoop[],
  gathering: Gathering<SpareCareHoursAnswerV1>,
): SpareCareHoursSummary {
  const replied: SpareCareHoursSummary['replied'] = [];
  const notReplied: SpareCareHoursSummary['notReplied'] = [];
  const perLocality = new Map<string, number>();
  let total = 0;
  for (const member of members) {
    const answer = member.online ? gathering.answerOf(member.coopId) : undefined;
    if (!answer) {
      notReplied.push({ coopId: member.coopId, name: member.name, reason: member.online ? 'no-answer-in-time' : 'offline' });
      continue;
    }
    replied.push({
      coopId: member.coopId,
      name: member.name,
      totalSpareHours: answer.totalSpareHours,
      localities: answer.localities.map((l) => ({ locality: l.locality, spareHours: l.spareHours })),
    });
    total += answer.totalSpareHours;
    for (const l of answer.localities) perLocality.set(l.locality, (perLocality.get(l.locality) ?? 0) + l.spareHours);
  }
  return {
    asked: members.filter((m) => m.online).map((m) => m.coopId),
    replied,
    notReplied,
    total: {
      spareHours: hundredths(total),
      perLocality: [...perLocality.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en'))
        .map(([locality, spareHours]) => ({ locality, spareHours: hundredths(spareHours) })),
    },
  };
}
