import { pounds, sentence } from '@app/web';

import { voteBody, voteItems, voteRefusal } from './member-self-pages.rules';

describe('the vote form', () => {
  it('sends one ticked candidate as a list, as the DTO wants', () => {
    expect(voteBody({ candidates: 'c1', _csrf: 't' })).toEqual({ candidates: ['c1'], _csrf: 't' });
    expect(voteBody({ candidates: ['c1', 'c2'] })).toEqual({ candidates: ['c1', 'c2'] });
    expect(voteBody({ choice: 'for' })).toEqual({ choice: 'for' });
  });

  it('offers the choices unticked, keeping only what the member ticked when the form comes back', () => {
    const options = [
      { key: 'c1', label: 'Ada' },
      { key: 'c2', label: 'Bo' },
    ];
    expect(voteItems(options).map((i) => i.checked)).toEqual([false, false]);
    expect(voteItems(options, { candidates: 'c2' }).map((i) => i.checked)).toEqual([false, true]);
    expect(voteItems(options, { candidates: ['c1', 'c2'] }).map((i) => i.checked)).toEqual([true, true]);
    expect(voteItems([{ key: 'for', label: 'For' }], { choice: 'for' })).toEqual([{ value: 'for', text: 'For', checked: true }]);
  });

  it('says a vote that chose nothing beside the choices, and a second vote above the ballot', () => {
    expect(voteRefusal('GOVERNANCE.INVALID_VOTE', 'choice must be one of for, against, abstain', 'motion')).toEqual({
      field: 'choice',
      text: 'Choose for, against or abstain',
    });
    expect(voteRefusal('GOVERNANCE.INVALID_VOTE', 'candidates may name at most 2 (the seats being elected)', 'election')).toEqual({
      field: 'candidates',
      text: 'You may choose at most 2 (the seats being elected).',
    });
    expect(voteRefusal('GOVERNANCE.ALREADY_VOTED', 'this member has already voted on this ballot', 'motion')).toEqual({
      field: 'vote',
      text: 'You have already voted on this ballot. Each member has one vote, and it cannot be changed.',
    });
    expect(voteRefusal('GOVERNANCE.OUTSIDE_WINDOW', 'the ballot is closed: votes are taken only while it is open', 'motion').text).toBe(
      'The ballot is closed: votes are taken only while it is open.',
    );
  });
});

describe('words', () => {
  it('says pence as pounds, and messages as sentences', () => {
    expect(pounds(2380)).toBe('£23.80');
    expect(pounds(123456)).toBe('£1,234.56');
    expect(sentence('offers closed')).toBe('Offers closed.');
    expect(sentence('Done.')).toBe('Done.');
  });
});
