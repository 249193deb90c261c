/**
 * Posts webhooks like Meta: the envelope serialised once, `X-Hub-Signature-256` computed over
 * those exact bytes with the app secret, a non-2xx or unreachable receiver retried with growing
 * delays (bounded by the scenario), and the scenario's batching and duplicate deliveries.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
 */
import { signPayload } from '@dbulk/meta';
import type { Logger } from '@dbulk/logger';
import type { Clock } from '../state/clock';
import type { IdGenerator } from '../state/ids';
import type { Scenario } from '../state/scenario';
import type { DeliveryLog, DeliveryRecord } from './delivery-log';
import { buildEnvelope, type WebhookChange } from './envelopes';
import type { PostWebhook } from './post';

type Target = { url: string } | { skip: string };
interface Pending {
  change: WebhookChange;
  /** Resolved when emitted: an uninstall must still reach the URL that was valid at the time. */
  target: Target;
}

export interface EmitterDeps {
  clock: Clock;
  ids: IdGenerator;
  appSecret: string;
  scenario: () => Scenario;
  /** The receiver for a change (override → app URL), or why there is none. */
  target: (change: WebhookChange) => Target;
  log: DeliveryLog;
  post: PostWebhook;
  logger: Logger;
}

export class WebhookEmitter {
  private buffer: Pending[] = [];
  private flushScheduled = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: EmitterDeps) {}

  emit(change: WebhookChange): void {
    const pending = { change, target: this.deps.target(change) };
    const { windowMs, maxUpdates } = this.deps.scenario().batch;
    if (windowMs === 0) return this.send([pending]);
    this.buffer.push(pending);
    if (this.buffer.length >= maxUpdates) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.deps.clock.setTimeout(() => this.flush(), windowMs);
    }
  }

  flush(): void {
    this.flushScheduled = false;
    const pending = this.buffer;
    this.buffer = [];
    if (pending.length > 0) this.send(pending);
  }

  /** Resolves once every POST started so far has settled (scheduled retries excepted). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets buffered updates (reset). */
  clear(): void {
    this.buffer = [];
    this.flushScheduled = false;
  }

  private send(pending: Pending[]): void {
    const groups = new Map<string, WebhookChange[]>();
    for (const { change, target } of pending) {
      const key = 'url' in target ? `url:${target.url}` : `skip:${target.skip}`;
      groups.set(key, [...(groups.get(key) ?? []), change]);
    }
    for (const [key, group] of groups) {
      const body = JSON.stringify(buildEnvelope(group));
      const url = key.startsWith('url:') ? key.slice(4) : null;
      const record = this.deps.log.add({
        url,
        fields: [...new Set(group.map((change) => change.field))],
        updates: group.length,
        body,
        signature: signPayload(this.deps.appSecret, body),
        duplicateOf: null,
        state: url ? 'pending' : 'skipped',
        reason: url ? null : key.slice(5),
        createdAt: this.deps.clock.now(),
      });
      if (!url) continue;
      this.attempt(record, url);
      const { duplicateRate, duplicateDelayMs } = this.deps.scenario();
      if (duplicateRate > 0 && this.deps.ids.random() < duplicateRate) {
        const copy = this.deps.log.add({ ...record, duplicateOf: record.id, state: 'pending', createdAt: record.createdAt + duplicateDelayMs });
        this.deps.clock.setTimeout(() => this.attempt(copy, url), duplicateDelayMs);
      }
    }
  }

  private attempt(record: DeliveryRecord, url: string): void {
    const { retry } = this.deps.scenario();
    const started = this.deps.clock.now();
    const run = this.deps
      .post(url, record.body, record.signature, retry.timeoutMs)
      .then(
        (statusCode) => ({ statusCode, error: null }),
        (err: unknown) => ({ statusCode: null, error: err instanceof Error ? err.message : String(err) }),
      )
      .then(({ statusCode, error }) => {
        record.attempts.push({ at: started, statusCode, error });
        if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
          record.state = 'delivered';
          return;
        }
        const attempts = record.attempts.length;
        if (attempts >= retry.maxAttempts) {
          record.state = 'failed';
          record.reason = `gave up after ${attempts} attempts`;
          this.deps.logger.warn({ url, deliveryId: record.id, statusCode, error }, 'webhook not accepted, giving up');
          return;
        }
        // Meta retries at once, then less and less often; here: initialDelayMs × factor^(n-1).
        const delay = retry.initialDelayMs * retry.factor ** (attempts - 1);
        this.deps.clock.setTimeout(() => this.attempt(record, url), delay);
      });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }
}
