import { nestingDepthExceeds } from './body-depth';

const nested = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

describe('nestingDepthExceeds', () => {
  it('counts objects and arrays alike, and scalars not at all', () => {
    expect(nestingDepthExceeds(nested(32), 32)).toBe(false);
    expect(nestingDepthExceeds(nested(33), 32)).toBe(true);
    expect(nestingDepthExceeds(JSON.parse('[[[1]]]'), 3)).toBe(false);
    expect(nestingDepthExceeds(JSON.parse('[[[[1]]]]'), 3)).toBe(true);
    expect(nestingDepthExceeds('text', 0)).toBe(false);
    expect(nestingDepthExceeds(undefined, 0)).toBe(false);
  });

  it('walks a body nested far past any call stack without overflowing', () => {
    expect(nestingDepthExceeds(nested(200_000), 32)).toBe(true);
  });

  it('finds the deep branch among wide shallow ones', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(nestingDepthExceeds({ ...wide, deep: nested(40) }, 32)).toBe(true);
    expect(nestingDepthExceeds(wide, 32)).toBe(false);
  });
});
