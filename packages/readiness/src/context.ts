/**
 * What the phases share: settings, the run's profile (campaign sizes and waits), the signed-in
 * clients, the sandbox's control API in sandbox mode, and the facts one phase leaves for the
 * next (the connected number, the approved template, the main campaign).
 */
import type { ReadinessConfig } from './env';
import type { AdminClient, Session, TenantClient } from './http';
import type { Print, Recorder } from './report';
import type { SandboxControl } from './sandbox-control';

export interface Profile {
  name: 'full' | 'quick';
  /** Sandbox recipients of the main campaign, of the pause/resume campaign and of the throttled one. */
  mainRecipients: number;
  pauseRecipients: number;
  throttleRecipients: number;
  /** Rate ceiling (msg/s) while pause/resume is observed, so the campaign is still sending when paused. */
  pauseRate: number;
  /** How long "nothing is sent" is watched while paused or while the kill switch is engaged. */
  holdMs: number;
  /** The longest wait of one step. */
  stepTimeoutMs: number;
}

export const PROFILES: Record<Profile['name'], Profile> = {
  full: { name: 'full', mainRecipients: 40, pauseRecipients: 30, throttleRecipients: 100, pauseRate: 5, holdMs: 4_000, stepTimeoutMs: 180_000 },
  quick: { name: 'quick', mainRecipients: 10, pauseRecipients: 16, throttleRecipients: 80, pauseRate: 4, holdMs: 2_500, stepTimeoutMs: 60_000 },
};

export interface Shared {
  accountId?: string;
  phoneNumberId?: string;
  templateId?: string;
  templateName?: string;
  /** The template reached APPROVED through Meta's status webhook (not a refresh). */
  approvedByWebhook?: boolean;
  mainCampaignId?: string;
  mainListId?: string;
  mainRecipients?: string[];
}

export interface RunContext {
  config: ReadinessConfig;
  profile: Profile;
  run: string;
  rec: Recorder;
  print: Print;
  tenantSession: Session;
  tenant: TenantClient;
  admin: AdminClient | null;
  sandbox: SandboxControl | null;
  shared: Shared;
  /** Undo actions for what the run changed (kill switch, ceilings, sandbox throughput), run on SIGINT/SIGTERM. */
  undo: Undo;
}

/** What must be put back if the run is interrupted half-way: registered while in force, removed once undone. */
export class Undo {
  private readonly actions = new Map<string, () => Promise<unknown>>();

  add(name: string, action: () => Promise<unknown>): void {
    this.actions.set(name, action);
  }

  remove(name: string): void {
    this.actions.delete(name);
  }

  /** Runs every pending action (newest first), reporting what each did. */
  async runAll(print: (line: string) => void): Promise<void> {
    for (const [name, action] of [...this.actions].reverse()) {
      await action().then(
        () => print(`  undone: ${name}`),
        (err: unknown) => print(`  ! could not undo ${name}: ${String(err)}`),
      );
      this.actions.delete(name);
    }
  }
}
