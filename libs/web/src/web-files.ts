import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A directory the pages need at run time (their templates, govuk-frontend's, Chart.js), found by
 * walking up from this code and from the working directory: the same from the sources (tests),
 * from the webpack bundle in dist/ (the demo) and in the container image.
 */
export function findDir(relative: string): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, relative))) return join(dir, relative);
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`the web pages need ${relative}, which is not under ${__dirname} or ${process.cwd()}`);
}

export const viewsDir = () => findDir(join('libs', 'web', 'src', 'views'));
export const govukDir = () => findDir(join('node_modules', 'govuk-frontend', 'dist'));
