import { sentence, wordsOf } from './page-words';

describe('page words', () => {
  it('makes a use case message a sentence, with one full stop', () => {
    expect(sentence('round not found')).toBe('Round not found.');
    expect(sentence('Already voted.')).toBe('Already voted.');
  });

  it('words a vocabulary key for people', () => {
    expect(wordsOf('zero-hours')).toBe('Zero hours');
    expect(wordsOf('people_supported')).toBe('People supported');
  });
});
