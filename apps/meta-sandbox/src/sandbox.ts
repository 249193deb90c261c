/**
 * The simulator's state and machinery in one object: clock, ids, scenario, accounts,
 * templates, sends, users, limiters and the webhook emitter. `reset()` cancels every pending
 * timer, drops all state and recreates the default account.
 */
import type { Logger } from '@dbulk/logger';
import { createAccount, type AccountDefaults } from './services/accounts';
import { Accounts } from './state/accounts';
import { RealClock, type Clock } from './state/clock';
import { IdGenerator } from './state/ids';
import { RateState } from './state/rate-state';
import { applyScenarioPatch, defaultScenario, type Scenario, type ScenarioPatch } from './state/scenario';
import { SendLog } from './state/sends';
import { TemplateStore } from './state/templates';
import { UserState } from './state/users';
import { DeliveryLog } from './webhooks/delivery-log';
import { WebhookEmitter } from './webhooks/emitter';
import type { WebhookChange } from './webhooks/envelopes';
import { postWebhook, type PostWebhook } from './webhooks/post';

export interface SandboxOptions {
  appId: string;
  appSecret: string;
  /** The account created at start and after every reset. */
  defaults: AccountDefaults;
  /** The scenario `reset` returns to. */
  scenario?: Scenario;
  clock?: Clock;
  /** Fixed seed → reproducible ids (tests); omitted → random per start and per reset. */
  seed?: string;
  logger: Logger;
  post?: PostWebhook;
}

export class Sandbox {
  readonly clock: Clock;
  readonly appId: string;
  readonly appSecret: string;
  readonly logger: Logger;
  ids!: IdGenerator;
  scenario!: Scenario;
  accounts!: Accounts;
  templates!: TemplateStore;
  sends!: SendLog;
  users!: UserState;
  rates!: RateState;
  deliveries!: DeliveryLog;
  emitter!: WebhookEmitter;

  constructor(private readonly options: SandboxOptions) {
    this.clock = options.clock ?? new RealClock();
    this.appId = options.appId;
    this.appSecret = options.appSecret;
    this.logger = options.logger;
    this.reset();
  }

  reset(): void {
    this.clock.cancelAll();
    this.ids = new IdGenerator(this.options.seed);
    this.scenario = this.options.scenario ?? defaultScenario();
    this.accounts = new Accounts();
    this.templates = new TemplateStore();
    this.sends = new SendLog();
    this.users = new UserState();
    this.rates = new RateState();
    this.deliveries = new DeliveryLog();
    this.emitter = new WebhookEmitter({
      clock: this.clock,
      ids: this.ids,
      appSecret: this.appSecret,
      scenario: () => this.scenario,
      target: (change) => this.webhookTarget(change),
      log: this.deliveries,
      post: this.options.post ?? postWebhook,
      logger: this.logger.child({ component: 'webhooks' }),
    });
    createAccount(this, this.options.defaults);
  }

  updateScenario(patch: ScenarioPatch): Scenario {
    this.scenario = applyScenarioPatch(this.scenario, patch);
    return this.scenario;
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** Emits a template/account-type change (flat value, entry.time). */
  emitBusiness(wabaId: string, field: string, value: Record<string, unknown>): void {
    this.emitter.emit({ wabaId, field, kind: 'business', value, time: this.nowSeconds() });
  }

  /**
   * Meta sends a WABA's webhooks only to subscribed apps; `messages`-type fields honour the
   * WABA's override callback, template and account fields always use the app's URL.
   */
  private webhookTarget(change: WebhookChange): { url: string } | { skip: string } {
    const waba = this.accounts.wabas.get(change.wabaId);
    if (!waba?.subscribed) return { skip: 'app_not_subscribed_to_waba' };
    const url = (change.kind === 'messages' ? waba.overrideCallbackUri : null) ?? this.scenario.webhookUrl;
    return url ? { url } : { skip: 'no_webhook_url' };
  }
}
