/** What each chapter of the demo is given by main.ts: signed-in HTTP clients, the printer, and `poll()`. */

/** A signed-in HTTP client for one app, as main.ts's `api()` makes it: JSON in and out, throws on any status but 2xx. */
export interface Api {
  get(path: string): Promise<any>;
  post(path: string, body: unknown): Promise<any>;
  patch(path: string, body: unknown): Promise<any>;
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
