import { ballotFormToBody, CANNOT_REMOVE, profileFormToBody, removedProfileFields } from './admin-forms.rules';

describe('admin forms as the API takes them', () => {
  it('reads localities one a line and the services ticked', () => {
    expect(
      profileFormToBody({ name: 'Golcar Care', localities: ' Golcar \r\n\r\nMarsden\n', servicesOffered: 'gardening', servicesShown: '1' }),
    ).toEqual({ name: 'Golcar Care', localities: ['Golcar', 'Marsden'], servicesOffered: ['gardening'] });
  });

  it('reads no service ticked as none, and a blank localities box as an empty list for the DTO to refuse', () => {
    expect(profileFormToBody({ localities: '  ', servicesShown: '1' })).toEqual({ localities: [], servicesOffered: [] });
    expect(profileFormToBody({ servicesOffered: ['gardening', 'personal-care'] })).toEqual({
      servicesOffered: ['gardening', 'personal-care'],
    });
  });

  it('turns a motion’s UK times into instants and keeps only motion fields', () => {
    expect(
      ballotFormToBody({
        kind: 'motion',
        title: 'Adopt the budget',
        closesAt: '2026-07-01T09:30',
        resolution: 'ordinary',
        eligibleClasses: 'worker',
        stakeholderClass: 'worker',
        seats: '2',
      }),
    ).toEqual({
      kind: 'motion',
      title: 'Adopt the budget',
      closesAt: '2026-07-01T08:30:00.000Z',
      resolution: 'ordinary',
      eligibleClasses: ['worker'],
    });
  });

  it('keeps only election fields for an election, candidates as a list', () => {
    expect(
      ballotFormToBody({
        kind: 'election',
        title: 'Workers’ seats',
        closesAt: '',
        stakeholderClass: 'worker',
        candidateMemberIds: 'a',
        resolution: 'ordinary',
      }),
    ).toEqual({ kind: 'election', title: 'Workers’ seats', stakeholderClass: 'worker', candidateMemberIds: ['a'] });
  });
});

describe('the profile fields the API cannot clear', () => {
  const given = { registrationNumber: 'RS-12', cqcRating: 'good' };

  it('refuses a blank for a registration number or a rating already given', () => {
    expect(removedProfileFields({ registrationNumber: '', cqcRating: '' }, given)).toEqual([
      { field: 'registrationNumber', text: CANNOT_REMOVE.registrationNumber },
      { field: 'cqcRating', text: CANNOT_REMOVE.cqcRating },
    ]);
  });

  it('allows a change, and a blank while nothing is given', () => {
    expect(removedProfileFields({ registrationNumber: 'RS-13', cqcRating: 'outstanding' }, given)).toEqual([]);
    expect(removedProfileFields({ registrationNumber: '', cqcRating: '' }, { registrationNumber: null, cqcRating: null })).toEqual([]);
  });
});
