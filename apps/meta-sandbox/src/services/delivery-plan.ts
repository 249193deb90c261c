/**
 * What Meta does with an accepted message, decided once at acceptance:
 * not on WhatsApp → failed 131026; service message outside the 24 h window → failed 131047;
 * marketing to a user who stopped marketing → failed 131050; marketing to a US number →
 * failed 131049; a business-initiated message past the portfolio's messaging limit → dropped
 * (Meta reports no error and never delivers it); anything else → sent, delivered, read.
 */
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';
import { isOffWhatsApp, isUnitedStates } from '../state/recipients';
import { TIER_LIMITS } from '../state/scenario';
import type { SendRecord } from '../state/sends';
import type { PricingCategory } from '../webhooks/pricing';

export type DeliveryPlan =
  | { kind: 'deliver'; category: PricingCategory; inWindow: boolean }
  | { kind: 'fail'; code: number }
  | { kind: 'drop'; reason: string };

export function decideDelivery(sb: Sandbox, phone: PhoneNumber, record: SendRecord, digits: string): DeliveryPlan {
  const now = sb.clock.now();
  if (isOffWhatsApp(digits, sb.scenario.nonWhatsAppPrefixes)) return { kind: 'fail', code: 131026 };
  const inWindow = sb.users.windowOpen(phone.id, record.waId, now);
  if (!record.template) return inWindow ? { kind: 'deliver', category: 'service', inWindow } : { kind: 'fail', code: 131047 };
  const category = record.template.category.toLowerCase() as PricingCategory;
  if (category === 'marketing' && sb.users.stoppedMarketing(phone.wabaId, record.waId)) return { kind: 'fail', code: 131050 };
  if (category === 'marketing' && isUnitedStates(digits)) return { kind: 'fail', code: 131049 };
  if (!inWindow) {
    const portfolio = sb.accounts.portfolioOf(phone.wabaId);
    const limit = TIER_LIMITS[sb.scenario.messagingLimitTier ?? portfolio.messagingLimitTier];
    if (!sb.rates.countRecipient(portfolio.id, record.waId, limit, now)) return { kind: 'drop', reason: 'messaging_limit' };
  }
  return { kind: 'deliver', category, inWindow };
}
