import type { FieldError } from '@app/web';
import { sentence } from '@app/web/page-words';

/**
 * The vote form as the body of `POST /ballots/{id}/votes`: a browser sends one ticked candidate as a
 * single value and several as a list, the API's DTO wants a list either way. Everything else goes
 * through as sent, for the DTO to judge.
 */
export function voteBody(form: Record<string, unknown>): Record<string, unknown> {
  const { candidates, ...rest } = form;
  if (candidates === undefined) return rest;
  return { ...rest, candidates: Array.isArray(candidates) ? candidates : [candidates] };
}

/**
 * The ballot's options as the vote form's radios (a motion) or checkboxes (an election), with what the
 * member ticked kept when the form comes back with an error; never filled in otherwise.
 */
export function voteItems(options: readonly { key: string; label: string }[], typed?: Readonly<Record<string, unknown>>) {
  const ticked = new Set([typed?.choice, typed?.candidates].flat().filter((v): v is string => typeof v === 'string'));
  return options.map((o) => ({ value: o.key, text: o.label, checked: ticked.has(o.key) }));
}

/** The words for the vote form's errors, by field and constraint, for `checkForm`. */
export const VOTE_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  choice: { isIn: 'Choose for, against or abstain' },
  candidates: { arrayMaxSize: 'Choose fewer candidates', arrayUnique: 'Choose each candidate once' },
};

/**
 * The use case's refusal of a vote, for the page: a vote that says nothing (or too much) goes beside
 * the choices; a second vote, or a vote outside the window or by a member who may not vote, is said
 * above the ballot, where the form was.
 */
export function voteRefusal(code: string, message: string, kind: string): FieldError {
  const field = kind === 'election' ? 'candidates' : 'choice';
  if (code === 'GOVERNANCE.INVALID_VOTE') {
    if (kind !== 'election') return { field, text: 'Choose for, against or abstain' };
    return {
      field,
      text: message.startsWith('candidates may name at most')
        ? sentence(message.replace('candidates may name', 'you may choose'))
        : 'Choose at least one candidate',
    };
  }
  if (code === 'GOVERNANCE.ALREADY_VOTED')
    return { field: 'vote', text: 'You have already voted on this ballot. Each member has one vote, and it cannot be changed.' };
  return { field: 'vote', text: sentence(message) };
}

const KINDS: Record<string, string> = { motion: 'Motion', election: 'Board election', 'rulebook-change': 'Rulebook change' };

/** The words a page shows for a ballot's kind. */
export function ballotKindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}
