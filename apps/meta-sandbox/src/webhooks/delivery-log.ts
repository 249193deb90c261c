/**
 * What the sandbox posted (or could not), for `GET /_sandbox/webhooks`: the exact bytes, their
 * signature, every attempt with its response code. Capped; the oldest records go first.
 */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'skipped';

export interface DeliveryAttempt {
  at: number;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryRecord {
  id: number;
  url: string | null;
  fields: string[];
  updates: number;
  body: string;
  signature: string;
  /** Set on the second POST of a simulated duplicate delivery. */
  duplicateOf: number | null;
  state: DeliveryState;
  reason: string | null;
  attempts: DeliveryAttempt[];
  createdAt: number;
}

export class DeliveryLog {
  private readonly records = new Map<number, DeliveryRecord>();
  private nextId = 1;

  constructor(private readonly cap = 10_000) {}

  add(record: Omit<DeliveryRecord, 'id' | 'attempts'>): DeliveryRecord {
    const full: DeliveryRecord = { ...record, id: this.nextId++, attempts: [] };
    this.records.set(full.id, full);
    if (this.records.size > this.cap) this.records.delete(this.records.keys().next().value!);
    return full;
  }

  list(filter: { field?: string; state?: string; limit?: number } = {}) {
    const matches = [...this.records.values()].filter(
      (record) => (!filter.field || record.fields.includes(filter.field)) && (!filter.state || record.state === filter.state),
    );
    return (filter.limit ? matches.slice(-filter.limit) : matches).map(({ body, ...rest }) => ({ ...rest, payload: JSON.parse(body) as unknown }));
  }

  counts(): Record<DeliveryState, number> {
    const counts = { pending: 0, delivered: 0, failed: 0, skipped: 0 };
    for (const record of this.records.values()) counts[record.state] += 1;
    return counts;
  }
}
