/**
 * Business portfolios, WABAs, phone numbers and access tokens. A portfolio owns the messaging
 * limit (shared by all its numbers since 2025-10-07); a token lists the WABAs it may manage.
 */
import type { ThroughputLevel, Tier } from './scenario';

export interface Portfolio {
  id: string;
  messagingLimitTier: Tier;
  verified: boolean;
}

export interface Waba {
  id: string;
  businessId: string;
  name: string;
  currency: string;
  timezoneId: string;
  namespace: string;
  /** Meta delivers a WABA's webhooks only to apps subscribed to it. */
  subscribed: boolean;
  overrideCallbackUri: string | null;
}

export interface PhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'NA';
  status: 'CONNECTED' | 'PENDING' | 'DISCONNECTED' | 'FLAGGED' | 'RESTRICTED';
  nameStatus: string;
  throughputLevel: ThroughputLevel;
}

export const SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management'] as const;
export type Scope = (typeof SCOPES)[number];

export interface AccessToken {
  token: string;
  userId: string;
  wabaIds: string[];
  scopes: Scope[];
  issuedAt: number;
  /** Milliseconds since epoch; 0 = never expires (system-user tokens). */
  expiresAt: number;
  valid: boolean;
}

export class Accounts {
  readonly portfolios = new Map<string, Portfolio>();
  readonly wabas = new Map<string, Waba>();
  readonly phones = new Map<string, PhoneNumber>();
  readonly tokens = new Map<string, AccessToken>();

  /** Any Graph node id the sandbox knows, so ids of different kinds never collide. */
  has(id: string): boolean {
    return this.portfolios.has(id) || this.wabas.has(id) || this.phones.has(id);
  }

  phonesOf(wabaId: string): PhoneNumber[] {
    return [...this.phones.values()].filter((phone) => phone.wabaId === wabaId);
  }

  portfolioOf(wabaId: string): Portfolio {
    const waba = this.wabas.get(wabaId);
    const portfolio = waba && this.portfolios.get(waba.businessId);
    if (!portfolio) throw new Error(`WABA ${wabaId} has no portfolio`);
    return portfolio;
  }

  addToken(token: AccessToken): void {
    this.tokens.set(token.token, token);
  }

  /** An uninstalled app loses the WABA: its tokens stop working for it, like Meta revoking access. */
  revokeWaba(wabaId: string): void {
    for (const token of this.tokens.values()) {
      token.wabaIds = token.wabaIds.filter((id) => id !== wabaId);
      if (token.wabaIds.length === 0) token.valid = false;
    }
  }
}
