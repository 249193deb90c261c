/**
 * What WhatsApp users did: customer-service windows (24 h from their last message to a
 * number), marketing stops (`user_preferences`, per WABA), and open conversations under
 * conversation-based pricing.
 */
import { DAY_MS } from './limits';

export class UserState {
  private readonly lastInbound = new Map<string, number>();
  private readonly marketingStops = new Set<string>();
  private readonly conversations = new Map<string, { id: string; startedAt: number }>();

  recordInbound(phoneNumberId: string, waId: string, now: number): void {
    this.lastInbound.set(`${phoneNumberId}:${waId}`, now);
  }

  /** True while the user's last message to this number is less than 24 h old. */
  windowOpen(phoneNumberId: string, waId: string, now: number): boolean {
    const at = this.lastInbound.get(`${phoneNumberId}:${waId}`);
    return at !== undefined && now - at < DAY_MS;
  }

  setMarketingStop(wabaId: string, waId: string, stopped: boolean): void {
    if (stopped) this.marketingStops.add(`${wabaId}:${waId}`);
    else this.marketingStops.delete(`${wabaId}:${waId}`);
  }

  stoppedMarketing(wabaId: string, waId: string): boolean {
    return this.marketingStops.has(`${wabaId}:${waId}`);
  }

  /** The CBP conversation for (number, user, category): reused for 24 h, then a new one. */
  conversation(key: string, now: number, newId: () => string): { id: string; startedAt: number } {
    const open = this.conversations.get(key);
    if (open && now - open.startedAt < DAY_MS) return open;
    const created = { id: newId(), startedAt: now };
    this.conversations.set(key, created);
    return created;
  }
}
