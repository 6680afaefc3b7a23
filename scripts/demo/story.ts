/** What each chapter of the demo is given by main.ts: signed-in HTTP clients, the printer, and `poll()`. */

/**
 * A signed-in HTTP client for one app, as main.ts's `api()` makes it: JSON in and out, throws on any status but 2xx.
 * `T` is the shape of the answer the caller reads (the story's own small view of it); the JSON is not checked against it.
 */
export interface Api {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
  put<T = unknown>(path: string, body: unknown): Promise<T>;
}

/** main.ts's `poll()`: retries the probe until `accept` approves its value, or fails after the deadline (a failing probe counts as not yet). */
export type Poll = <T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs: number) => Promise<T>;

export interface StoryContext {
  hub: Api;
  /** Each co-op's node, signed in as its coop-admin. */
  nodes: { id: string; name: string; api: Api }[];
  say: (s: string) => void;
  step: (s: string) => void;
  poll: Poll;
}

/**
 * The UK's day at an instant, YYYY-MM-DD: the day both apps count by (their londonDay, which the demo,
 * an HTTP client built apart from the apps, cannot import).
 */
export function ukDayOf(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
