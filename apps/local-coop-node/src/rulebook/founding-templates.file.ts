import { readFile } from 'node:fs/promises';

import { checkAgainst, OnboardingTemplatesV1, PolicyTemplateV1 } from '@app/contracts';
import { ConfigError } from '@app/platform';

import { repeatedPolicyKey } from '../policies';
import { RulebookDto } from './rulebook.dto';
import { rulebookViolations } from './rulebook.rules';
import type { Rulebook } from './rulebook-templates.rules';

export interface FoundingTemplates {
  rulebook: Rulebook;
  policies: PolicyTemplateV1[];
}

/**
 * Reads the sponsor's templates that `join` wrote (COOP_FOUNDING_TEMPLATES_FILE) and checks them as the
 * node checks its own: the file against the templates contract, its rulebook against the rules a
 * rulebook proposed on this node must meet (PUT /rulebook), and each policy named once. A bad file is
 * a configuration error naming the file and the field, so the node refuses to start on it.
 */
export async function readFoundingTemplates(path: string): Promise<FoundingTemplates> {
  const refuse = (problems: string[]) => new ConfigError(problems.map((p) => `COOP_FOUNDING_TEMPLATES_FILE ${path}: ${p}`));
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw refuse(['no such file']);
    if (error instanceof SyntaxError) throw refuse(['is not JSON']);
    throw refuse([`cannot be read (${code ?? 'error'})`]);
  }
  const templates = checkAgainst(OnboardingTemplatesV1, raw);
  if (!templates.ok) throw refuse(templates.errors);
  const rulebook = checkAgainst(RulebookDto, templates.value.rulebook);
  if (!rulebook.ok) throw refuse(rulebook.errors.map((e) => `rulebook.${e}`));
  const normalised: Rulebook = {
    ...rulebook.value,
    board: rulebook.value.board.map((c) => ({ stakeholderClass: c.stakeholderClass, seats: c.seats, capPercent: c.capPercent ?? null })),
  };
  const violations = rulebookViolations(normalised);
  if (violations.length) throw refuse(violations.map((v) => `rulebook: ${v.message} (${v.rule})`));
  // What the contract counts in UTF-16 units the database counts in characters, and it stores no NUL.
  for (const [i, p] of templates.value.policies.entries()) {
    if ([...p.title].length < 2) throw refuse([`policies.${i}.title must be at least 2 characters`]);
    for (const field of ['title', 'text'] as const)
      if (p[field].includes('\u0000')) throw refuse([`policies.${i}.${field} must not contain a NUL character`]);
  }
  const repeated = repeatedPolicyKey(templates.value.policies);
  if (repeated) throw refuse([`policies.${repeated.index}.key: ${repeated.key} is named twice`]);
  return {
    rulebook: normalised,
    policies: templates.value.policies.map((p) => ({ key: p.key, title: p.title, version: p.version, text: p.text })),
  };
}
