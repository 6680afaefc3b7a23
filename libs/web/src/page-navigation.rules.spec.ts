import { menuFor, PageSection } from './page-navigation.rules';

const SECTIONS: PageSection[] = [
  { href: '/a', text: 'A', roles: ['staff'] },
  { href: '/b', text: 'B', roles: ['staff', 'reader'] },
];

describe('the page menu', () => {
  it('shows a role the sections it may open, the current one active', () => {
    expect(menuFor(SECTIONS, 'reader', '/b')).toEqual([{ href: '/b', text: 'B', active: true }]);
    expect(menuFor(SECTIONS, 'staff', '/b')).toEqual([
      { href: '/a', text: 'A', active: false },
      { href: '/b', text: 'B', active: true },
    ]);
  });

  it('shows no section to someone not signed in', () => {
    expect(menuFor(SECTIONS, undefined, '/a')).toEqual([]);
  });
});
