import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { errorSummary } from '@app/web';

import { SendBackReturnDto } from '../reporting';
import { returnStateLabel, reviewFormErrors, reviewLabel, typedComment } from './cycle-pages.rules';

const errorsOf = (body: object) => validateSync(plainToInstance(SendBackReturnDto, body));
const id = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('the review forms’ errors', () => {
  it('asks for a comment when it is blank, beside that co-op’s comment field', () => {
    const comment = typedComment('   ');
    expect(reviewFormErrors(errorsOf({ messageId: id, comment }), 'golcar', '   ')).toEqual([
      { field: 'comment-golcar', text: 'Enter a comment saying what the co-op should check' },
    ]);
  });

  it('says how long a comment may be when it is too long', () => {
    const comment = 'x'.repeat(2001);
    expect(reviewFormErrors(errorsOf({ messageId: id, comment }), 'golcar', comment)).toEqual([
      { field: 'comment-golcar', text: 'Enter a comment of 2000 characters or fewer saying what the co-op should check' },
    ]);
  });

  it('asks to reload the page when the return is not recognised', () => {
    expect(reviewFormErrors(errorsOf({ messageId: 'nope', comment: 'ok' }), 'honley', 'ok')).toEqual([
      { field: 'messageId-honley', text: 'The return on this page is not recognised: reload the page and try again' },
    ]);
  });

  it('finds nothing wrong with a good comment', () => {
    expect(reviewFormErrors(errorsOf({ messageId: id, comment: typedComment('  Check the hours ') }), 'honley', 'x')).toEqual([]);
    expect(typedComment(undefined)).toBe('');
  });
});

describe('the states’ words', () => {
  it('names every return and review state', () => {
    expect(['submitted', 'submitted-late', 'awaited', 'overdue'].map(returnStateLabel)).toEqual([
      'Submitted',
      'Submitted late',
      'Not answered yet',
      'Overdue',
    ]);
    expect(['pending', 'approved', 'sent-back', null].map(reviewLabel)).toEqual(['Awaiting review', 'Approved', 'Sent back', 'No return']);
  });
});

describe('the error summary', () => {
  it('links each error to its field and puts its message beside the field', () => {
    expect(errorSummary([{ field: 'comment-golcar', text: 'Enter a comment' }])).toEqual({
      errors: [{ field: 'comment-golcar', text: 'Enter a comment' }],
      errorList: [{ text: 'Enter a comment', href: '#comment-golcar' }],
      fieldErrors: { 'comment-golcar': 'Enter a comment' },
    });
  });
});
