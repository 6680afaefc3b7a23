/**
 * The recruitment part of the demo: a candidate signs in on the hub with a one-time code (read from the
 * file the demo's code sender writes), applies once and joins the pool; Holme Valley's admin puts a
 * vacancy in the pool from their own node, is shown the candidates who fit as pseudonymous profiles and
 * asks for one; the candidate accepts; the application arrives sealed on Holme Valley's node, and the
 * hub's copy of the candidate is gone.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Api, StoryContext } from './story';

export interface RecruitmentStoryContext extends StoryContext {
  /** The hub's address, for the candidate's own calls. */
  hubUrl: string;
  /** Where the hub's file sender writes one-time codes (RECRUITMENT_CODE_DIR). */
  codeDir: string;
  /** A client signed in with a bearer token of the demo's choosing. */
  client: (base: string, token: string) => Api;
  /** A client with no token, for the open sign-in routes. */
  anonymous: (base: string) => Api;
}

interface MatchJson {
  profileId: string;
  rank: number;
  score: number;
  fit: { hours: string; availableByStart: boolean; checksValidOnStart: boolean };
  dbs: string | null;
  drives: boolean | null;
  hoursBand: string | null;
  languages: string[] | null;
}

const EMAIL = 'ash.demo-candidate@example.org';

export async function recruitmentStory(ctx: RecruitmentStoryContext): Promise<void> {
  const { nodes, say, step, poll, hubUrl, codeDir, client, anonymous } = ctx;
  const holme = nodes.find((n) => n.id === 'holme-valley')!;
  const open = anonymous(hubUrl);

  step('Recruitment: a candidate signs in on the hub with a one-time code (POST /recruitment/sign-in, then /verify)');
  await open.post('/recruitment/sign-in', { email: EMAIL });
  const code = await poll(
    'the code in the demo mail file',
    async () => {
      const lines = (await readFile(join(codeDir, 'one-time-codes.jsonl'), 'utf8')).trim().split('\n');
      return lines
        .map((l) => JSON.parse(l) as { email: string; code: string })
        .filter((c) => c.email === EMAIL)
        .at(-1)?.code;
    },
    (c) => typeof c === 'string',
    10_000,
  );
  const signedIn = await open.post<{ token: string; candidateId: string }>('/recruitment/sign-in/verify', { email: EMAIL, code });
  const me = client(hubUrl, signedIn.token);
  say(`  the code went to ${codeDir}/one-time-codes.jsonl (the demo's stand-in for mail); no password exists`);
  await me.put('/recruitment/me/application', {
    fullName: 'Ash Demo-Candidate',
    phone: '07700 900555',
    localities: ['Holmfirth', 'Honley', 'Meltham'],
    rolesSought: ['care-worker', 'senior-carer'],
    minutesPerWeek: 25 * 60,
    contractTypes: ['permanent', 'zero-hours'],
    earliestStart: isoDate(addDays(new Date(), 14)),
    rightToWork: { evidence: 'british-or-irish-passport', expiresOn: null },
    dbs: { status: 'clear', certificateDate: isoDate(addDays(new Date(), -200)), onUpdateService: true },
    drivingLicence: true,
    hasCar: true,
    languages: ['English'],
    statement: 'Ten years as a family carer; I would like to make it my job.',
    requiresRealLivingWage: true,
  });
  const wordings = await open.get<{ kind: string; version: string; current: boolean }[]>('/recruitment/consent-wordings');
  const wording = (kind: string) => wordings.find((w) => w.kind === kind && w.current)!.version;
  await me.post('/recruitment/me/consents/pool', { wordingVersion: wording('pool') });
  say(`  applied once (PUT /recruitment/me/application) and joined the pool with consent ${wording('pool')}`);

  step(`${holme.name}'s admin opens a vacancy and puts it in the pool from their own node (PUT /vacancies/:id/pool)`);
  const vacancy = await holme.api.post<{ id: string }>('/vacancies', {
    role: 'care-worker',
    contractType: 'permanent',
    minutesPerWeek: 24 * 60,
    hourlyPayPence: 1395,
    locality: 'Holmfirth',
  });
  await holme.api.put(`/vacancies/${vacancy.id}/pool`, { startsOn: isoDate(addDays(new Date(), 28)) });
  say("  the post's terms (role, contract, hours, pay, locality, start) went to the hub through the durable path; no name");

  const matches = await poll(
    'the candidate to be matched',
    () => holme.api.get<{ matches: MatchJson[] }>(`/vacancies/${vacancy.id}/matches`),
    (m) => m.matches.length > 0,
    30_000,
  );
  step('The node asks the hub who fits (GET /vacancies/:id/matches, an ask over NATS signed both ways); what the co-op sees:');
  for (const m of matches.matches)
    say(
      `  #${m.rank} profile ${m.profileId.slice(0, 8)}…  score ${m.score}  hours ${m.fit.hours}, ${m.fit.availableByStart ? 'can start on time' : 'starts late'}, checks ${m.fit.checksValidOnStart ? 'valid on the start date' : 'not yet valid'}; ` +
        `DBS ${m.dbs ?? 'withheld'}, drives ${m.drives ?? 'withheld'}, hours ${m.hoursBand ?? 'withheld'}`,
    );
  say('  no name, contact or statement; with fewer than 3 candidates who fit, even the coarse attributes are withheld');

  const chosen = matches.matches[0];
  const request = await holme.api.post<{ id: string; status: string }>('/hire-requests', {
    vacancyId: vacancy.id,
    profileId: chosen.profileId,
  });
  await poll(
    'the hub to put the request to the candidate',
    () => holme.api.get<{ status: string }>(`/hire-requests/${request.id}`),
    (r) => r.status === 'waiting',
    30_000,
  );
  step(`${holme.name} asks for profile ${chosen.profileId.slice(0, 8)}… (POST /hire-requests); the candidate sees the request`);
  const requests =
    await me.get<{ id: string; vacancy: { coopName: string; locality: string; hourlyPayPence: number } }[]>('/recruitment/me/requests');
  say(`  "${requests[0].vacancy.coopName} would like to consider you for a care-worker post in ${requests[0].vacancy.locality}"`);

  await me.post(`/recruitment/me/requests/${request.id}/accept`, { wordingVersion: wording('hire') });
  say(`  the candidate accepts with consent ${wording('hire')}: the hub seals the application for ${holme.name}'s curve key alone`);
  const applicants = await poll(
    'the application on the node',
    () => holme.api.get<{ items: { id: string; fullName: string }[] }>('/applicants'),
    (a) => a.items.length > 0,
    30_000,
  );
  const applicant = applicants.items[0];
  say(`  ${holme.name}'s node opened it and recorded ${applicant.fullName} as an applicant (GET /applicants)`);
  await poll(
    "the hub's copy to end",
    async () => {
      const res = await fetch(`${hubUrl}/recruitment/me/application`, { headers: { authorization: `Bearer ${signedIn.token}` } });
      return res.status;
    },
    (status) => status === 404,
    30_000,
  );
  say("  on the node's receipt the hub erased the candidate's record: the hub now holds only that a hire happened");
  const staff = await holme.api.post<{ staffId: string }>(`/applicants/${applicant.id}/hire`, {
    startedOn: isoDate(addDays(new Date(), 28)),
  });
  say(`  the admin takes the applicant on as staff (POST /applicants/:id/hire): staff record ${String(staff.staffId ?? '').slice(0, 8)}…`);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
