/**
 * The hard guarantee behind the token bucket: at most `limit` sends of one number in any
 * sliding second. The bucket paces on average; timers that fire late (a busy event loop) can
 * bunch paced sends together, and this window holds back the ones that would cross the line.
 * Pure apart from `now`.
 */
export class SendWindow {
  private readonly times: number[] = [];

  /** How long to wait before one more send may go at `now` (0: go now). */
  waitMs(limit: number, now: number): number {
    while (this.times.length > 0 && now - this.times[0]! >= 1_000) this.times.shift();
    return this.times.length < Math.max(1, Math.floor(limit)) ? 0 : this.times[0]! + 1_000 - now;
  }

  /** Records a send at `now`; call right before it leaves. */
  record(now: number): void {
    this.times.push(now);
  }
}
