import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The official OCDS schemas, kept in the project (see test/fixtures/ocds/README.md) so validation always runs. */
export const OCDS_FOLDER = join(__dirname, '..', 'fixtures', 'ocds');

/** The OCDS 1.1.5 release package schema, its release schema merged with the Lots extension (JSON Merge Patch, RFC 7386). */
export function ocdsPackageValidator(folder = OCDS_FOLDER) {
  const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const release = mergePatch(read('release-schema-1.1.5.json'), read('lots-extension-release-schema.json'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(release as object);
  return ajv.compile(read('release-package-schema-1.1.5.json'));
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
