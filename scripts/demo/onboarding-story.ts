/**
 * The strawberry-patch part of the demo: Colne Valley's admin proposes a spin-off for Huddersfield from
 * their own node, with a runner who agreed to show their work contact; consortium staff close the
 * journey's stages with evidence; once it is registered, staff issue a join token, and the new co-op's
 * admin runs one command that makes the node's keys on its own machine and writes its configuration; the
 * fourth node starts, registers, and appears in the family tree under Colne Valley.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { StoryContext } from './story';

export interface OnboardingStoryContext extends StoryContext {
  hubUrl: string;
  /** Runs `local-coop-node join` and starts the joined node from the file it wrote; answers the node's URL. */
  startJoinedNode: (envFile: string) => Promise<string>;
  nodeMain: string;
  /** Where the join command writes the new node's configuration. */
  envFile: string;
}

interface JourneyJson {
  id: string;
  coopId: string;
  stages: { stage: string; state: string }[];
}

interface LineageJson {
  coops: { id: string; name: string; status: string; generation: number; sponsorCoopId: string | null; children: string[] }[];
}

const SPIN_OFF = { coopId: 'huddersfield', name: 'Huddersfield Care Co-op', localities: ['Huddersfield', 'Lindley', 'Marsh'] };

export async function onboardingStory(ctx: OnboardingStoryContext): Promise<void> {
  const { hub, nodes, say, step, poll, hubUrl, startJoinedNode, nodeMain, envFile } = ctx;
  const colne = nodes.find((n) => n.id === 'colne-valley')!;

  step(
    `Strawberry patch: ${colne.name}'s admin proposes a spin-off for Huddersfield, with its runner (POST /onboarding/spin-offs on the node)`,
  );
  const staffPage = await colne.api.get<{ items: { id: string; role: string; leftOn: string | null }[] }>('/staff?limit=50');
  const runner = staffPage.items.find((s) => s.role === 'senior-carer' && !s.leftOn) ?? staffPage.items[0];
  await colne.api.post('/onboarding/spin-offs', {
    ...SPIN_OFF,
    services: ['personal-care', 'befriending'],
    runner: {
      staffId: runner.id,
      displayName: 'Sam (Colne Valley runner)',
      roleTitle: 'senior carer',
      publicEmail: 'runner@colnevalley.example',
      agreed: true,
    },
    targets: { registeredBy: isoDate(addDays(new Date(), 180)), tradingBy: isoDate(addDays(new Date(), 365)) },
  });
  say('  only the details the runner agreed to show travel; the node shares its rulebook and policies as templates for the new co-op');
  const proposed = await poll(
    'the proposal on the hub',
    () => hub.get<{ status: string; sponsorCoopId: string }>(`/coops/${SPIN_OFF.coopId}`),
    (c) => c?.status === 'proposed',
    30_000,
  );
  say(`  the registry shows ${SPIN_OFF.coopId} as ${proposed.status}, sponsored by ${proposed.sponsorCoopId}`);

  const journeys = await hub.get<{ items: JourneyJson[] }>('/onboarding/journeys?sponsor=colne-valley');
  const journey = journeys.items.find((j) => j.coopId === SPIN_OFF.coopId)!;
  step('Consortium staff close the journey stage by stage, each with its evidence (POST /onboarding/journeys/:id/stages/:stage/close)');
  const evidence: Record<string, [string, string]> = {
    'community-meetings': ['three public meetings in Lindley and Marsh, 41 people', 'minutes-2026-03'],
    'steering-group': ['a steering group of nine: carers, families and neighbours', 'sg-terms-of-reference'],
    'model-rules-adopted': ["the consortium's multi-stakeholder model rules, adopted unanimously", 'rules-v1'],
    registered: ['registered as a community benefit society', 'FCA 9876543'],
  };
  // Evidence is dated on the consortium's calendar (Europe/London); the demo's all happened today.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  for (const [stage, [what, reference]] of Object.entries(evidence)) {
    await hub.post(`/onboarding/journeys/${journey.id}/stages/${stage}/close`, { evidence: { what, reference, date: today } });
    say(`  ${stage.padEnd(22)} closed: ${what} (${reference})`);
  }
  const registered = await hub.get<{ status: string }>(`/coops/${SPIN_OFF.coopId}`);
  say(`  the registry follows the journey: ${SPIN_OFF.coopId} is now ${registered.status}`);

  step('Staff issue a single-use join token; the new co-op runs one command on its own machine (local-coop-node join)');
  const issued = await hub.post<{ token: string; expiresAt: string }>(`/onboarding/journeys/${journey.id}/join-tokens`, {});
  say(`  the token works once, until ${issued.expiresAt}`);
  execFileSync(process.execPath, [nodeMain, 'join', '--hub', hubUrl, '--token', issued.token, '--out', envFile], { encoding: 'utf8' });
  const written = readFileSync(envFile, 'utf8');
  const keys = written
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split('=')[0]);
  say(
    `  the node made its NKey and curve key itself and sent only the public halves; it wrote ${envFile} (${keys.length} settings: ${keys.slice(0, 6).join(', ')}, …)`,
  );

  const url = await startJoinedNode(envFile);
  await poll(
    'the new node registered and online',
    () => hub.get<{ status: string; connectivity: string }>(`/coops/${SPIN_OFF.coopId}`),
    (c) => c?.connectivity === 'online',
    60_000,
  );
  say(`  ${SPIN_OFF.name} started (${url}), got on NATS with the authorization the hub rewrote and reloaded, and registered`);

  const tree = await hub.get<LineageJson>('/coops/lineage');
  step('The family tree (GET /coops/lineage):');
  const byId = new Map(tree.coops.map((c) => [c.id, c]));
  const draw = (id: string, depth: number) => {
    const c = byId.get(id)!;
    say(`  ${'   '.repeat(depth)}${depth ? '└─ ' : ''}${c.name} (${c.status})`);
    for (const child of c.children) draw(child, depth + 1);
  };
  for (const c of tree.coops.filter((x) => x.generation === 1)) draw(c.id, 0);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
