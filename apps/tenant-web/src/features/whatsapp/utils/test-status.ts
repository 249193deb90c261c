/**
 * A test message's statuses as a timeline: accepted (the send call), then sent → delivered → read
 * from webhooks, or failed with Meta's code and title. Webhooks may arrive out of order (read before
 * delivered), so a later status also marks the earlier steps as done.
 */
export interface StatusEvent {
  status: string;
  at: string;
  errorCode: number | null;
  errorTitle: string | null;
}

export const STEPS = ['sent', 'delivered', 'read'] as const;
export type Step = (typeof STEPS)[number];

/** How long the page keeps asking before it stops and says so. */
export const WATCH_MS = 60_000;

export interface TestProgress {
  /** Time of each step seen, or null; a step implied by a later one has `implied: true`. */
  steps: Record<Step, { at: string | null; implied: boolean }>;
  failed: { at: string; code: number | null; title: string | null } | null;
  /** Nothing more to wait for: read or failed. */
  done: boolean;
}

export function progressOf(events: readonly StatusEvent[]): TestProgress {
  const seen = new Map<string, StatusEvent>();
  for (const event of events) if (!seen.has(event.status)) seen.set(event.status, event);
  const failure = seen.get('failed');
  const reached = Math.max(-1, ...STEPS.map((step, index) => (seen.has(step) ? index : -1)));
  const steps = Object.fromEntries(
    STEPS.map((step, index) => [
      step,
      { at: seen.get(step)?.at ?? null, implied: !seen.has(step) && index < reached },
    ]),
  ) as TestProgress['steps'];
  return {
    steps,
    failed: failure ? { at: failure.at, code: failure.errorCode, title: failure.errorTitle } : null,
    done: Boolean(failure) || seen.has('read'),
  };
}

/** Keep polling while the message is in flight and the watch has not run out. */
export function shouldPoll(progress: TestProgress, startedAt: number, now = Date.now()): boolean {
  return !progress.done && now - startedAt < WATCH_MS;
}
