import { readOptions, requiredOption } from './command-options';

describe("a command's options", () => {
  const spec = { values: ['coop', 'out'], flags: ['rotate'] };

  it('reads values, flags and --name=value', () => {
    const o = readOptions(['--coop', 'preston', '--rotate', '--out=/tmp/p.env'], spec);
    expect(o.values).toEqual({ coop: 'preston', out: '/tmp/p.env' });
    expect([...o.flags]).toEqual(['rotate']);
    expect(requiredOption(o, 'coop')).toBe('preston');
  });

  it.each([
    [['--env-file', '/tmp/p.env'], 'unknown option --env-file (this command takes --coop, --out, --rotate)'],
    [['--coop'], '--coop needs a value'],
    [['--coop', '--rotate'], '--coop needs a value'],
    [['--coop', 'a', '--coop', 'b'], '--coop is given twice'],
    [['preston'], 'unexpected argument "preston" (this command takes --coop, --out, --rotate)'],
    [['--rotate=yes'], 'unknown option --rotate'],
  ])('refuses %j, naming what is wrong', (args, message) => {
    expect(() => readOptions(args, spec)).toThrow(message);
  });

  it('says which option is missing', () => {
    expect(() => requiredOption(readOptions([], spec), 'coop')).toThrow('--coop is required');
  });
});
