import { join } from 'node:path';

import { INestApplication } from '@nestjs/common';
import { static as serveStatic } from 'express';

import { findDir, govukDir } from './web-files';

/**
 * The pages' styles and scripts, served by the app itself (no CDN): govuk-frontend's compiled CSS and
 * JavaScript and its images (not its fonts: the GDS Transport typeface is for GOV.UK only), Chart.js,
 * and the app's own stylesheet and start-up script.
 */
export function serveWebAssets(app: INestApplication): void {
  const options = { index: false, fallthrough: false, maxAge: '1h' };
  app.use('/assets/govuk', serveStatic(join(govukDir(), 'govuk'), { ...options, extensions: false }));
  app.use('/assets/images', serveStatic(join(govukDir(), 'govuk', 'assets', 'images'), options));
  app.use('/assets/web', serveStatic(join(findDir(join('libs', 'web', 'src')), 'assets'), options));
}
