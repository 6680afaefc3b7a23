/* global document, HTMLScriptElement */
// Served by the app (no inline script, so the Content-Security-Policy can forbid them all).
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');
initAll();
