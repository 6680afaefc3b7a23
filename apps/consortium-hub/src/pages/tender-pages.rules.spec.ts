import { checkForm } from '@app/web';

import { allowedTenderActions, TENDER_STAGES } from '../tendering/tender-stage.rules';
import { AwardDto, SplitLotDto } from '../tendering/tendering.dto';
import {
  coopIdsFromField,
  prefixed,
  rowsFromForm,
  serviceLabel,
  tenderForms,
  tenderStageLabel,
  tenderStepDone,
  wordRowErrors,
} from './tender-pages.rules';

const LOT = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('the staff’s forms on a tender’s page', () => {
  const shown = (stage: (typeof TENDER_STAGES)[number]) =>
    Object.entries(tenderForms(allowedTenderActions(stage)))
      .filter(([, on]) => on)
      .map(([form]) => form);

  it('offers exactly what the tender’s stage allows', () => {
    expect(shown('draft')).toEqual(['change', 'invite', 'cancel']);
    expect(shown('inviting')).toEqual(['change', 'assemble', 'cancel']);
    expect(shown('assembling')).toEqual(['assemble', 'submit', 'cancel']);
    expect(shown('submitted')).toEqual(['award', 'cancel']);
    expect(shown('awarded')).toEqual([]);
    expect(shown('lost')).toEqual([]);
    expect(shown('cancelled')).toEqual([]);
  });

  it('offers a reader with no actions (a commissioner) no form at all', () => {
    expect(Object.values(tenderForms([])).some(Boolean)).toBe(false);
  });

  it('names every stage and service, and says what each form did', () => {
    for (const stage of TENDER_STAGES) expect(tenderStageLabel(stage)).toMatch(/^[A-Z]/);
    expect(serviceLabel('meals-and-shopping')).toBe('Meals and shopping');
    expect(tenderStepDone('award')).toContain('contracts');
    expect(tenderStepDone('constructor')).toBeNull();
    expect(tenderStepDone(undefined)).toBeNull();
  });
});

describe('rows of a list in a flat form', () => {
  it('become the list the DTO takes, in order, blank fields not given and blank rows dropped', () => {
    const form = {
      'parts.1.hoursPerWeek': '20',
      'parts.0.hoursPerWeek': '20',
      'parts.0.title': '',
      'parts.2.hoursPerWeek': '',
      other: 'x',
    };
    expect(rowsFromForm(form, 'parts')).toEqual([{ hoursPerWeek: '20' }, { hoursPerWeek: '20' }]);
  });

  it('are checked by the API’s DTO, numbers converted and errors named by row and field', async () => {
    await expect(
      checkForm(SplitLotDto, { parts: rowsFromForm({ 'parts.0.hoursPerWeek': '25', 'parts.1.hoursPerWeek': '15' }, 'parts') }),
    ).resolves.toEqual({
      dto: { parts: [{ hoursPerWeek: 25 }, { hoursPerWeek: 15 }] },
    });
    const award = await checkForm(AwardDto, { lots: rowsFromForm({ 'lots.0.lotId': LOT, 'lots.0.hoursPerWeek': 'ten' }, 'lots') });
    expect('errors' in award && award.errors.map((e) => e.field)).toEqual(['lots.0.outcome', 'lots.0.hoursPerWeek']);
  });

  it('have their errors worded by the row field’s message', () => {
    const errors = [
      { field: 'lots.0.outcome', text: 'outcome must be one of the following values: whole, partial, lost' },
      { field: 'lots', text: 'lots must contain at least 1 elements' },
    ];
    expect(wordRowErrors(errors, { outcome: 'Choose an outcome' })).toEqual([
      { field: 'lots.0.outcome', text: 'Choose an outcome' },
      { field: 'lots', text: 'lots must contain at least 1 elements' },
    ]);
    expect(prefixed([{ field: 'title', text: 't' }], 'lot-1-')).toEqual([{ field: 'lot-1-title', text: 't' }]);
  });
});

describe('co-op ids typed in one field', () => {
  it('are split on commas, spaces and new lines; none is not given', () => {
    expect(coopIdsFromField('golcar, honley\nmarsden  ')).toEqual(['golcar', 'honley', 'marsden']);
    expect(coopIdsFromField('  ')).toBeUndefined();
    expect(coopIdsFromField(undefined)).toBeUndefined();
  });
});
