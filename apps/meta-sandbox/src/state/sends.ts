/**
 * Every send Meta accepted, what became of it, and per-recipient counts. The record list is
 * capped (a load test sends millions); the counts are never evicted, so `/_sandbox/sent/summary`
 * stays exact and a test can prove nothing was sent twice.
 */
export type SendOutcome = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed' | 'dropped';

export interface SendRecord {
  wamid: string;
  phoneNumberId: string;
  wabaId: string;
  to: string;
  waId: string;
  type: string;
  template: { id: string; name: string; language: string; category: string } | null;
  text: string | null;
  bizOpaqueCallbackData: string | null;
  apiVersion: string;
  acceptedAt: number;
  outcome: SendOutcome;
  errorCode: number | null;
  /** Why Meta silently did not deliver (the portfolio messaging limit). */
  dropReason: string | null;
  webhooks: string[];
}

interface RecipientCount {
  count: number;
  phoneNumberIds: Record<string, number>;
  templates: Record<string, number>;
  lastWamids: string[];
}

export class SendLog {
  private readonly records = new Map<string, SendRecord>();
  private readonly counts = new Map<string, RecipientCount>();
  readonly rejectedByCode = new Map<number, number>();
  total = 0;

  constructor(private readonly cap = 200_000) {}

  add(record: SendRecord): void {
    this.total += 1;
    this.records.set(record.wamid, record);
    if (this.records.size > this.cap) this.records.delete(this.records.keys().next().value!);
    const count = this.counts.get(record.waId) ?? { count: 0, phoneNumberIds: {}, templates: {}, lastWamids: [] };
    count.count += 1;
    count.phoneNumberIds[record.phoneNumberId] = (count.phoneNumberIds[record.phoneNumberId] ?? 0) + 1;
    const label = record.template ? `${record.template.name}:${record.template.language}` : record.type;
    count.templates[label] = (count.templates[label] ?? 0) + 1;
    count.lastWamids = [...count.lastWamids, record.wamid].slice(-10);
    this.counts.set(record.waId, count);
  }

  get(wamid: string): SendRecord | undefined {
    return this.records.get(wamid);
  }

  rejected(code: number): void {
    this.rejectedByCode.set(code, (this.rejectedByCode.get(code) ?? 0) + 1);
  }

  list(filter: { to?: string; phoneNumberId?: string; outcome?: string; limit?: number } = {}): SendRecord[] {
    const matches = [...this.records.values()].filter(
      (record) =>
        (!filter.to || record.waId === filter.to || record.to === filter.to) &&
        (!filter.phoneNumberId || record.phoneNumberId === filter.phoneNumberId) &&
        (!filter.outcome || record.outcome === filter.outcome),
    );
    return filter.limit ? matches.slice(-filter.limit) : matches;
  }

  summary() {
    const recipients = [...this.counts].map(([recipient, count]) => ({
      recipient,
      count: count.count,
      phone_number_ids: count.phoneNumberIds,
      templates: count.templates,
      last_wamids: count.lastWamids,
    }));
    const outcomes: Record<string, number> = {};
    for (const record of this.records.values()) outcomes[record.outcome] = (outcomes[record.outcome] ?? 0) + 1;
    return {
      total: this.total,
      unique_recipients: recipients.length,
      repeated: recipients.filter((recipient) => recipient.count > 1).map((recipient) => recipient.recipient),
      outcomes,
      rejected_by_code: Object.fromEntries(this.rejectedByCode),
      recipients,
    };
  }
}
