/*
 * Preloaded (`-r`) into a process the bench profiles. `--cpu-prof` writes its profile only when the
 * process exits of itself; an app with shutdown hooks closes on SIGTERM and then raises the signal
 * again, which would kill it before the profile is written. With a listener of our own the raised
 * signal is only an event, and the process exits normally once the app has had time to close.
 */
const CLOSE_MS = 3_000;

process.on('SIGTERM', () => {
  setTimeout(() => process.exit(0), CLOSE_MS);
});
