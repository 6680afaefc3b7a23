/* global document, window */
// Reloads a page that asks for it (an element with data-refresh-seconds), so what arrives meanwhile
// shows without a framework. Served by the app: the Content-Security-Policy forbids inline scripts.
// A person typing in a form is not interrupted: the reload waits until nothing on the page has focus.
const holder = document.querySelector('[data-refresh-seconds]');
const seconds = Number(holder?.getAttribute('data-refresh-seconds'));
if (Number.isFinite(seconds) && seconds > 0) {
  const busy = () => {
    const active = document.activeElement;
    return !!active && active !== document.body && !!active.closest('form');
  };
  // To the page itself, without a one-off banner's query (?done=...), so it is not shown again at each reload.
  const tick = () => (busy() ? window.setTimeout(tick, seconds * 1000) : window.location.replace(window.location.pathname));
  window.setTimeout(tick, seconds * 1000);
}
