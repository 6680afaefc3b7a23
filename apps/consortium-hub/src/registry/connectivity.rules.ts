/** Whether a co-op's node is reachable now, derived from its last heartbeat (never stored, so never stale). */
export type Connectivity = 'online' | 'offline' | 'never-seen';

export function connectivityOf(lastHeartbeatAt: Date | null, now: Date, timeoutMs: number): Connectivity {
  if (!lastHeartbeatAt) return 'never-seen';
  return now.getTime() - lastHeartbeatAt.getTime() <= timeoutMs ? 'online' : 'offline';
}
