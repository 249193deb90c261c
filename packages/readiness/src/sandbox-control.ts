/**
 * The Meta sandbox's control API (apps/meta-sandbox, `/_sandbox/…`): what a sandbox run uses to
 * play Meta's side — approve a template now, lower a number's throughput so Meta throttles, and
 * read what the sandbox really received (each send once, throttling answers).
 */
import { getJson, sendJson } from './http';

export interface SandboxSend {
  wamid: string;
  phoneNumberId: string;
  to: string;
  outcome: string;
}

export class SandboxControl {
  constructor(readonly url: string) {}

  async reachable(): Promise<boolean> {
    const res = await getJson(`${this.url}/_sandbox/scenario`).catch(() => ({ status: 0 }));
    return res.status === 200;
  }

  approveTemplate(metaTemplateId: string) {
    return sendJson<{ status: string }>('POST', `${this.url}/_sandbox/templates/${metaTemplateId}/status`, { status: 'APPROVED' });
  }

  /** STANDARD 80, HIGH 1000, COEXISTENCE 20 msg/s: the sandbox answers 130429 above it. */
  setThroughputLevel(phoneNumberId: string, level: 'STANDARD' | 'HIGH' | 'COEXISTENCE') {
    return sendJson('PATCH', `${this.url}/_sandbox/phone-numbers/${phoneNumberId}`, { throughput_level: level });
  }

  async sends(phoneNumberId: string): Promise<SandboxSend[]> {
    const res = await getJson<{ data: SandboxSend[] }>(`${this.url}/_sandbox/sent?phone_number_id=${phoneNumberId}`);
    if (res.status !== 200) throw new Error(`sandbox /_sandbox/sent: ${res.status}`);
    return res.body.data;
  }

  /** Sandbox-wide count of sends refused with `code` (e.g. 130429). */
  async rejected(code: number): Promise<number> {
    const res = await getJson<{ rejected_by_code: Record<string, number> }>(`${this.url}/_sandbox/sent/summary`);
    if (res.status !== 200) throw new Error(`sandbox /_sandbox/sent/summary: ${res.status}`);
    return res.body.rejected_by_code[String(code)] ?? 0;
  }
}
