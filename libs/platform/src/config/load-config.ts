import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

/**
 * Thrown when the environment does not describe a working app. The message is one line per broken
 * variable, naming it and what it should be, never its value (it may be a secret).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a class of any constructor: TypeScript accepts only any[] here
type ConfigClass<T> = new (...args: any[]) => T;

/**
 * Reads a typed configuration from environment variables. Property names are the variable names;
 * class initialisers are the developer-machine defaults (never given for secrets).
 */
export function loadConfig<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const known = Object.keys(new cls());
  const declared = new Set([...known, ...validatedProperties(cls)]);
  const source: Record<string, string> = {};
  for (const key of declared) {
    const value = env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const config = plainToInstance(cls, source, { exposeDefaultValues: true, enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) throw new ConfigError(errors.flatMap((e) => describe(e, source[e.property] === undefined)));
  return Object.freeze(config);
}

/** A missing variable gets one line (its "must be set" rule when it has one), a malformed one a line per rule broken. */
function describe(error: ValidationError, missing: boolean): string[] {
  const messages = Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(error.property) ? message : `${error.property} ${message}`,
  );
  if (!missing) return messages;
  return [messages.find((m) => m.includes('must be set')) ?? messages[messages.length - 1]];
}

function validatedProperties(cls: new (...args: never[]) => object): string[] {
  // class-validator keeps the decorated property names in its global metadata storage.
  return getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .map((m) => m.propertyName);
}
