/**
 * The demo's time-credits story, told through the HTTP APIs only: a volunteer member of one co-op gets
 * a one-time payment code from their own node; another co-op's admin pays hours from one of its
 * volunteers to that code; the payment clears through the hub; both nodes' clearing balances and the
 * hub's agree, and nothing the hub holds names anyone.
 */

import { Api, StoryContext } from './story';

export interface TimeCreditsStoryContext extends StoryContext {
  /** A client for a co-op's node signed in as one of its members (the member role, for their own records only). */
  memberApi: (coopId: string, memberId: string) => Promise<Api>;
}

export interface TimeCreditsStoryOutcome {
  transferId: string;
  minutes: number;
  payingCoopId: string;
  receivingCoopId: string;
}

/* What the story reads of each answer: a small view of the nodes' and the hub's JSON. */

interface VolunteerJson {
  id: string;
  fullName: string;
  memberId: string | null;
  leftOn: string | null;
}

interface AccountJson {
  balanceMinutes: number;
  availableMinutes: number;
}

interface TransferJson {
  id: string;
  status: string;
  refusalReason: string | null;
  otherCoopId: string;
  minutes: number;
}

interface SummaryJson {
  acrossCoops: { clearingBalanceMinutes: number; sent: { minutes: number }; received: { minutes: number } };
}

interface BalancesJson {
  limitMinutes: number;
  coops: { coopId: string; balanceMinutes: number; headroomMinutes: number }[];
  totalMinutes: number;
  balanced: boolean;
}

/** Two hours of respite: what a Holmfirth volunteer's credits buy from a Marsden volunteer. */
const MINUTES = 120;

const hours = (minutes: number) => `${minutes < 0 ? '−' : ''}${(Math.abs(minutes) / 60).toFixed(minutes % 60 === 0 ? 0 : 2)} h`;

export async function timeCreditsStory(ctx: TimeCreditsStoryContext): Promise<TimeCreditsStoryOutcome> {
  const { hub, nodes, say, step, poll, memberApi } = ctx;
  const receiving = nodes.find((n) => n.id === 'colne-valley') ?? nodes[0];
  const paying = nodes.find((n) => n.id === 'holme-valley') ?? nodes[1];

  step(`Time credits across co-ops: a volunteer member of ${receiving.name} asks their own node for a one-time payment code`);
  const volunteers = await receiving.api.get<{ items: VolunteerJson[] }>('/volunteers?status=active&limit=100');
  const payee = volunteers.items.find((v) => v.memberId !== null && v.leftOn === null);
  if (!payee) throw new Error(`${receiving.name} has no active volunteer who is a member`);
  const member = await memberApi(receiving.id, payee.memberId!);
  const me = await member.get<VolunteerJson>('/volunteers/me');
  const payeeBefore = await member.get<AccountJson>(`/time-bank/accounts/${me.id}`);
  const code = await member.post<{ code: string; expiresAt: string }>('/time-bank/payment-codes', { volunteerId: me.id });
  say(
    `  signed in as a member, ${me.fullName} gets ${code.code} (POST /time-bank/payment-codes), good until ${code.expiresAt}; only its hash is kept`,
  );
  say(`  the code is the co-op's id and random characters: it routes the payment, and only ${receiving.name}'s node knows whose it is`);

  step(`${paying.name}'s admin pays ${hours(MINUTES)} of respite from one of its volunteers to that code (POST /time-bank/across-coops)`);
  const theirs = await paying.api.get<{ items: VolunteerJson[] }>('/volunteers?status=active&limit=100');
  let payer: { volunteer: VolunteerJson; account: AccountJson } | null = null;
  for (const v of theirs.items) {
    const account = await paying.api.get<AccountJson>(`/time-bank/accounts/${v.id}`);
    if (account.availableMinutes >= MINUTES && account.balanceMinutes >= MINUTES) {
      payer = { volunteer: v, account };
      break;
    }
  }
  if (!payer) throw new Error(`no volunteer of ${paying.name} has ${MINUTES} minutes of credit to pay`);
  const sent = await paying.api.post<TransferJson>('/time-bank/across-coops', {
    fromVolunteerId: payer.volunteer.id,
    paymentCode: code.code,
    minutes: MINUTES,
    purpose: 'respite',
    note: 'Respite sit-in, Sunday afternoon',
  });
  const sentAt = Date.now();
  say(
    `  ${payer.volunteer.fullName} has ${hours(payer.account.balanceMinutes)}; ${hours(MINUTES)} debited to the co-op's clearing account, the transfer ${sent.status}, in one transaction with its message`,
  );

  const done = await poll(
    'the payment to complete',
    () => paying.api.get<TransferJson>(`/time-bank/across-coops/${sent.id}`),
    (t) => t?.status === 'completed' || t?.status === 'refused',
    60_000,
  );
  if (done.status !== 'completed') throw new Error(`the payment was refused: ${done.refusalReason}`);
  const payeeAfter = await member.get<AccountJson>(`/time-bank/accounts/${me.id}`);
  say(
    `  completed ${((Date.now() - sentAt) / 1000).toFixed(1)} s later: the hub cleared it and passed it on, ${receiving.name}'s node credited the code's owner and answered`,
  );
  say(
    `  ${me.fullName}'s balance, as they see it on their own node: ${hours(payeeBefore.balanceMinutes)} → ${hours(payeeAfter.balanceMinutes)}`,
  );

  step("Each node's time-bank summary (GET /time-bank/summary) beside the hub's clearing balances (GET /time-clearing/balances)");
  const balances = await hub.get<BalancesJson>('/time-clearing/balances');
  const hubBalance = (coopId: string) => balances.coops.find((c) => c.coopId === coopId)?.balanceMinutes ?? 0;
  for (const node of [paying, receiving]) {
    const summary = await node.api.get<SummaryJson>('/time-bank/summary');
    const own = summary.acrossCoops.clearingBalanceMinutes;
    const onHub = hubBalance(node.id);
    say(
      `  ${node.name.padEnd(32)} node: clearing balance ${hours(own).padStart(6)} (sent ${hours(summary.acrossCoops.sent.minutes)}, received ${hours(summary.acrossCoops.received.minutes)}); hub: ${hours(onHub).padStart(6)}  ${own === onHub ? 'agree' : 'DISAGREE'}`,
    );
    if (own !== onHub) throw new Error(`${node.name}'s clearing balance ${own} min disagrees with the hub's ${onHub} min`);
  }
  say(
    `  the hub's ledger: ${balances.coops.length} co-ops, summing to ${balances.totalMinutes} min (${balances.balanced ? 'balanced' : 'NOT balanced'}); a co-op may owe at most ${hours(balances.limitMinutes)}`,
  );

  // What the hub holds and shows of the payment: co-ops and minutes. Neither person's name or id may appear anywhere in it.
  const hubTransfers = await hub.get<{
    items: { id: string; payingCoopId: string; receivingCoopId: string; minutes: number; status: string }[];
  }>('/time-clearing/transfers');
  const exchanges = await hub.get<unknown>('/time-clearing/exchanges');
  const onHub = hubTransfers.items.find((t) => t.id === sent.id);
  if (!onHub) throw new Error('the hub has no record of the payment');
  const everything = JSON.stringify([hubTransfers, exchanges, balances]);
  const leaked = [me.fullName, payer.volunteer.fullName, me.id, payer.volunteer.id, payee.memberId!].filter((s) => everything.includes(s));
  if (leaked.length) throw new Error(`the hub shows personal data of the payment: ${leaked.join(', ')}`);
  say(
    `  the hub's record (GET /time-clearing/transfers): ${onHub.payingCoopId} → ${onHub.receivingCoopId}, ${onHub.minutes} min, ${onHub.status}; no name crossed: neither volunteer's name nor id is in any of the hub's answers`,
  );
  return { transferId: sent.id, minutes: MINUTES, payingCoopId: paying.id, receivingCoopId: receiving.id };
}
