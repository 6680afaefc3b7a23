import { addDays, londonDay } from '@app/platform';

import { SeedContext } from './seed-context';

/** A small co-op's core policies, as its board would adopt them: what staff do, never about a person. */
const POLICIES = [
  {
    key: 'safeguarding-adults',
    title: 'Safeguarding adults',
    version: 3,
    daysAgo: 120,
    text: [
      'Everyone who works or volunteers for the co-op has a duty to protect the adults we support from abuse and neglect, and to act on any concern the same day.',
      'If someone is in immediate danger, call 999 first. Otherwise tell the safeguarding lead on duty before the end of your visit, and write down what you saw and heard in the person’s own words, with the date and time. Do not investigate yourself and do not promise to keep a disclosure secret.',
      'The safeguarding lead decides within one working day whether to refer the concern to the council’s adult social care team under the Care Act 2014, and records the decision and the reason. The person is involved in decisions about their own safety wherever they are able to be.',
      'Every worker completes safeguarding training at induction and refreshes it every year. The board reviews this policy and the anonymised log of concerns every year.',
    ].join('\n\n'),
  },
  {
    key: 'lone-working',
    title: 'Lone working',
    version: 2,
    daysAgo: 200,
    text: [
      'Most of our visits are made by one worker alone in someone’s home. This policy keeps lone workers safe without taking away the independence of the people we support.',
      'Check in on the rota app at the start and end of each visit. If a worker has not checked out thirty minutes after a visit was due to end, the coordinator on call phones them, then the household, and escalates to the police if neither answers within a further thirty minutes.',
      'Workers may leave any visit where they feel unsafe, and report it the same day; nobody is asked to return until a risk assessment has been reviewed with them. Keep your phone charged, and tell the office about changes to your route.',
      'After dark, in bad weather on the moor roads, or where a risk assessment says so, visits are made in pairs.',
    ].join('\n\n'),
  },
  {
    key: 'complaints',
    title: 'Complaints and compliments',
    version: 2,
    daysAgo: 310,
    text: [
      'Anyone we support, their family or their representative can complain by phone, by email, in writing or in person to any worker, who passes it to the office the same day.',
      'We acknowledge every complaint within three working days and aim to give a full written answer within twenty working days, saying what we found, what we will change and how to take it further.',
      'If the complainant is not satisfied, a board member not involved in the matter reviews it. After that they can go to the Local Government and Social Care Ombudsman. Complaining never affects the care someone receives.',
      'Compliments are passed on to the workers concerned. The board sees a summary of complaints, compliments and what changed every quarter.',
    ].join('\n\n'),
  },
  {
    key: 'medication',
    title: 'Medication support',
    version: 4,
    daysAgo: 60,
    text: [
      'Workers support people with their medicines only as set out in their care plan, and only after medication training and a competency check by a senior carer, repeated every year.',
      'Support is at one of three levels agreed in the plan: a reminder, help to take medicines the person manages themselves, or giving medicines from the pharmacy-labelled packaging. Workers never give a medicine that is not on the medication record, and never crush or hide a medicine without a documented best-interests decision and the pharmacist’s advice.',
      'Record every dose given, refused or missed on the medication record at the time. Report a missed, late or wrong dose to the office straight away; the office contacts the GP or NHS 111 for advice and records what was done.',
      'Medication errors are reviewed to learn from them, not to blame, and the board sees a summary every quarter. This policy follows NICE guideline NG67 on managing medicines for adults receiving social care in the community.',
    ].join('\n\n'),
  },
];

/** The co-op's policy documents, each adopted by its board some months before the seed's today. */
export async function seedPolicies(ctx: SeedContext): Promise<void> {
  for (const p of POLICIES) {
    const adoptedOn = addDays(londonDay(ctx.today), -p.daysAgo);
    await ctx.m.query(
      `INSERT INTO policy_document (key, title, version, text, adopted_on, source) VALUES ($1, $2, $3, $4, $5, 'own')
       ON CONFLICT (key) DO NOTHING`,
      [p.key, p.title, p.version, p.text, adoptedOn],
    );
  }
}
