export interface CommandOptions {
  values: Record<string, string>;
  flags: Set<string>;
}

/**
 * Reads a command's `--name value` options and `--flag`s, refusing anything else by name: an option
 * this command does not know is an error, never silently ignored, so a misspelt option, or one that
 * something else (such as Node's own `--env-file`) claims, fails loudly instead of doing something else.
 */
export function readOptions(args: string[], spec: { values?: readonly string[]; flags?: readonly string[] }): CommandOptions {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const known = [...values, ...flags].map((n) => `--${n}`).join(', ') || 'no options';
  const out: CommandOptions = { values: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(args[i]);
    if (!match) throw new Error(`unexpected argument "${args[i]}" (this command takes ${known})`);
    const [, name, inline] = match;
    if (flags.has(name) && inline === undefined) {
      out.flags.add(name);
    } else if (values.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new Error(`--${name} needs a value`);
      if (name in out.values) throw new Error(`--${name} is given twice`);
      out.values[name] = value;
    } else {
      throw new Error(`unknown option --${name} (this command takes ${known})`);
    }
  }
  return out;
}

export function requiredOption(options: CommandOptions, name: string): string {
  const value = options.values[name];
  if (!value) throw new Error(`--${name} is required`);
  return value;
}
