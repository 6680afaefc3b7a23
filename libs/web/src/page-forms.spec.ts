import { formList, formText } from './page-forms';

describe('form fields as typed', () => {
  it('keeps typed text, and nothing for a field not sent', () => {
    expect(formText('Mo')).toBe('Mo');
    expect(formText(undefined)).toBe('');
    expect(formText(['a'])).toBe('');
  });

  it('makes a field sent once or many times a list, a blank none', () => {
    expect(formList('a')).toEqual(['a']);
    expect(formList(['a', 'b'])).toEqual(['a', 'b']);
    expect(formList('')).toEqual([]);
    expect(formList(undefined)).toEqual([]);
  });
});
